// The load generator: autocannon in a child process, so the servers under test (in the
// benchmark's process, as one production process would host them) do not share their event
// loop with the client. (A worker thread would do, but autocannon changes its behaviour inside
// one.) Every measured route, baselines included, goes through these functions: `runLoad` (closed
// loop: 100 connections, each sending its next request when the last is answered) and
// `runOpenLoad` (open loop: requests start at a fixed rate whatever the answers' pace).
import { fork } from 'node:child_process';
import http from 'node:http';
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
  return inChild('--generate-load', { url, paths, tokens, method, connections, seconds });
}

/**
 * Open-loop load from a child process: `rate` requests per second for `seconds`, each started on
 * its schedule over keep-alive connections (as many as are needed), whatever the answers' pace.
 * Latency runs from the scheduled start, so a stalled server is charged for the requests that
 * waited behind it (no coordinated omission). Resolves like `runLoad`.
 *
 * @example
 * const result = await runOpenLoad({ url, paths: ['/v1/pain-points?limit=20'], seconds: 5, rate: 400 });
 * result.p99;
 */
export function runOpenLoad({ url, paths, tokens = null, method = 'GET', seconds = 5, rate }) {
  return inChild('--generate-open-load', { url, paths, tokens, method, seconds, rate });
}

function inChild(flag, options) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [flag], { stdio: 'inherit' });
    let answered = false;
    child.once('message', (result) => {
      answered = true;
      resolve(result);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load generator exited with ${code} before answering`));
    });
    child.send(options);
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

async function generateOpenLoad({ url, paths, tokens, method, seconds, rate }) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const latencies = [];
  const statusCodes = {};
  let errors = 0;
  let timeouts = 0;
  const send = (scheduled) =>
    new Promise((resolve) => {
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method,
          path: pick(paths),
          headers: tokens ? { authorization: `Bearer ${pick(tokens)}` } : {},
          timeout: 30_000,
        },
        (response) => {
          response.resume();
          response.once('end', () => {
            latencies.push(performance.now() - scheduled);
            statusCodes[response.statusCode] = (statusCodes[response.statusCode] ?? 0) + 1;
            resolve();
          });
        },
      );
      request.once('timeout', () => {
        timeouts += 1;
        request.destroy();
      });
      request.once('error', () => {
        errors += 1;
        resolve();
      });
      request.end();
    });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const started = performance.now();
  const pending = [];
  for (let index = 0; index < total; index++) {
    const scheduled = started + index * interval;
    const wait = scheduled - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(scheduled));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (fraction) =>
    latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))] ?? null;
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  process.send({
    requestsPerSecond: latencies.length / elapsed,
    requests: latencies.length,
    p50: at(0.5),
    p99: at(0.99),
    non2xx,
    errors,
    timeouts,
    statusCodes,
  });
}

const generators = { '--generate-load': generateLoad, '--generate-open-load': generateOpenLoad };
const generator = generators[process.argv[2]];
if (generator) {
  process.once('message', async (options) => {
    await generator(options);
    process.disconnect();
  });
}
