// The SSE subscribers of the live-updates benchmark, in their own process: opens the streams,
// records when each `pain_point.voted` frame arrives on each stream (absolute time, comparable
// across processes of this machine), and reports on request. IPC: `open`, `report`, `close`.
import http from 'node:http';

const now = () => performance.timeOrigin + performance.now();
const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
const requests = [];
/** painPointId → [arrival time, target index], one per stream that received its vote event. */
const arrivals = new Map();
let disconnected = 0;

function openStream(url, target) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream answered ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      let opened = false;
      response.on('data', (chunk) => {
        const at = now();
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!opened) {
            opened = true;
            resolve();
          }
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (data) {
            const painPointId = JSON.parse(data.slice(6)).data?.painPointId;
            if (painPointId) {
              const times = arrivals.get(painPointId) ?? [];
              if (times.length === 0) arrivals.set(painPointId, times);
              times.push([at, target]);
            }
          }
          end = buffer.indexOf('\n\n');
        }
      });
      response.on('close', () => {
        disconnected += 1;
      });
    });
    request.on('error', reject);
    requests.push(request);
  });
}

process.on('message', async (message) => {
  if (message.type === 'open') {
    // A few dozen at a time: a real crowd arrives over seconds, not in one tick.
    for (const [target, { url, count }] of message.targets.entries()) {
      for (let opened = 0; opened < count; opened += 50) {
        const batch = Math.min(50, count - opened);
        await Promise.all(Array.from({ length: batch }, () => openStream(url, target)));
      }
    }
    process.send({ type: 'opened', streams: requests.length });
  } else if (message.type === 'reset') {
    arrivals.clear();
    process.send({ type: 'reset' });
  } else if (message.type === 'report') {
    process.send({ type: 'report', arrivals: Object.fromEntries(arrivals), disconnected });
  } else if (message.type === 'close') {
    for (const request of requests) request.destroy();
    process.send({ type: 'closed' });
    process.disconnect();
  }
});
