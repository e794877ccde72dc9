// The load generator: autocannon in a child process, so the servers under test (in the
// benchmark's process, as one production process would host them) do not share their event
// loop with the client. (A worker thread would do, but autocannon changes its behaviour inside
// one.) Every measured route, baselines included, goes through this one function.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs autocannon against `url` from a child process and resolves with the summary.
 * Each request picks a random path from `paths` and, when `tokens` is given, a random bearer
 * token (one signed-in member per request).
 *
 * @example
 * const result = await runLoad({ url, paths: ['/v1/pain-points?limit=20'], seconds: 10 });
 * result.requestsPerSecond; result.p50; result.p99;
 */
export function runLoad({ url, paths, tokens = null, method = 'GET', connections = 100, seconds = 10 }) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--generate-load'], { stdio: 'inherit' });
    let answered = false;
    child.once('message', (result) => {
      answered = true;
      resolve(result);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load generator exited with ${code} before answering`));
    });
    child.send({ url, paths, tokens, method, connections, seconds });
  });
}

async function generateLoad({ url, paths, tokens, method, connections, seconds }) {
  const { default: autocannon } = await import('autocannon');
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    pipelining: 1,
    requests: [
      {
        method,
        setupRequest(request) {
          request.path = pick(paths);
          if (tokens) request.headers = { ...request.headers, authorization: `Bearer ${pick(tokens)}` };
          return request;
        },
      },
    ],
  });
  process.send({
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
    ),
  });
}

if (process.argv[2] === '--generate-load') {
  process.once('message', async (options) => {
    await generateLoad(options);
    process.disconnect();
  });
}
