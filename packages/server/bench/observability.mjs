// `npm run bench` (issue #17, section 3): what seeing costs. Three servers of this process share
// one embedded database and answer the same list route in alternating rounds: without metrics,
// with metrics (a metrics token set), and with every span recorded (a tracer provider registered
// for its rounds only). Tracing off is the default of all three: its price is the hooks' calls
// into the no-op OpenTelemetry API, timed on their own and set against the CPU time one request
// costs the server. BENCH_SCALE=small: shorter rounds.
import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createDatabase, createServer } from '@wsc/server';
import { recordResult } from '../../../scripts/bench/results.mjs';
import { runLoad } from './load.mjs';
import { ratio, table } from './report.mjs';

const small = process.env.BENCH_SCALE === 'small';
const ROUNDS = small ? 2 : 3;
const SECONDS = small ? 3 : 5;
const CONNECTIONS = 50;
const PATH = '/v1/standards?limit=20';
const SUITE = '@wsc/server observability';

function log(message) {
  process.stderr.write(`[observability] ${message}\n`);
}

/** Spans are recorded and handed on, then dropped: the cost of tracing, not of an exporter. */
const discard = { export: (_spans, done) => done({ code: 0 }), shutdown: async () => {} };

async function round(server) {
  const before = process.cpuUsage();
  const result = await runLoad({
    url: server.url,
    paths: [PATH],
    connections: CONNECTIONS,
    seconds: SECONDS,
  });
  const cpu = process.cpuUsage(before);
  const requests = result.requestsPerSecond * SECONDS;
  return { requestsPerSecond: result.requestsPerSecond, cpuMicroseconds: (cpu.user + cpu.system) / requests };
}

/** Nanoseconds the off path of one request costs: what the request hook and one statement call. */
function offPathNanoseconds() {
  const tracer = trace.getTracer('@wsc/server');
  const headers = { host: 'localhost', accept: 'application/json' };
  const once = () => {
    const parent = propagation.extract(ROOT_CONTEXT, headers);
    const span = tracer.startSpan(
      'GET /v1/standards',
      { attributes: { 'http.route': '/v1/standards' } },
      parent,
    );
    if (span.isRecording()) throw new Error('a provider is registered');
    // Per statement: is a recording span active?
    trace.getSpan(context.active())?.isRecording();
  };
  for (let index = 0; index < 100_000; index += 1) once();
  const iterations = 1_000_000;
  const start = process.hrtime.bigint();
  for (let index = 0; index < iterations; index += 1) once();
  return Number(process.hrtime.bigint() - start) / iterations;
}

async function main() {
  const database = await createDatabase({ inMemory: true });
  const common = {
    database,
    logLevel: 'silent',
    rateLimit: false,
    webhookWorker: false,
    mail: { worker: false },
  };
  const servers = {};
  for (const [name, options] of [
    ['plain', {}],
    ['metrics', { metrics: { token: 'bench-metrics-token-0123456789' } }],
    ['traced', {}],
  ]) {
    const app = await createServer({
      ...common,
      ...options,
      ...(name === 'plain' ? {} : { migrate: false, seed: false }),
    });
    servers[name] = { app, url: await app.listen({ port: 0, host: '127.0.0.1' }), rounds: [] };
  }
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(discard)] });
  const contextManager = new AsyncLocalStorageContextManager();
  try {
    const offPath = offPathNanoseconds();
    for (let index = 0; index < ROUNDS; index += 1) {
      for (const name of ['plain', 'metrics', 'traced']) {
        if (name === 'traced') {
          context.setGlobalContextManager(contextManager.enable());
          trace.setGlobalTracerProvider(provider);
        }
        try {
          servers[name].rounds.push(await round(servers[name]));
        } finally {
          if (name === 'traced') {
            trace.disable();
            context.disable();
          }
        }
        log(`round ${index + 1} ${name}: ${servers[name].rounds.at(-1).requestsPerSecond.toFixed(0)} req/s`);
      }
    }
    const best = (name) =>
      servers[name].rounds.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    const plain = best('plain');
    const rows = ['plain', 'metrics', 'traced'].map((name) => ({
      server: { plain: 'no metrics, tracing off', metrics: 'metrics on', traced: 'every span recorded' }[
        name
      ],
      'req/s': Number(best(name).requestsPerSecond.toFixed(0)),
      '×plain': ratio(best(name).requestsPerSecond, plain.requestsPerSecond),
      'cpu µs/req': Number(best(name).cpuMicroseconds.toFixed(1)),
    }));
    process.stdout.write(
      `\n## What seeing costs (PGlite, GET ${PATH}, ${CONNECTIONS} connections, best of ${ROUNDS} rounds of ${SECONDS} s)\n\n`,
    );
    process.stdout.write(`${table(rows, ['server', 'req/s', '×plain', 'cpu µs/req'])}\n`);
    const share = offPath / (plain.cpuMicroseconds * 1000);
    process.stdout.write(
      `\nTracing off: the hooks' calls into the no-op API cost ${offPath.toFixed(0)} ns a request, ${(share * 100).toFixed(3)}% of the ${plain.cpuMicroseconds.toFixed(1)} µs of CPU a request costs the server.\n`,
    );
    recordResult({
      suite: SUITE,
      figure: 'tracing off: no-op API calls per request, against the CPU time of a request (PGlite)',
      value: Number((offPath / 1000).toFixed(3)),
      unit: 'µs',
      baseline: Number(plain.cpuMicroseconds.toFixed(1)),
      baselineName: 'CPU per request',
      target: { of: 'ratio', comparator: '<=', limit: 0.01 },
    });
    for (const name of ['metrics', 'traced']) {
      recordResult({
        suite: SUITE,
        figure: `${name === 'metrics' ? 'metrics on' : 'every span recorded'}, GET /v1/standards (PGlite)`,
        value: Number(best(name).requestsPerSecond.toFixed(0)),
        unit: 'req/s',
        baseline: Number(plain.requestsPerSecond.toFixed(0)),
        baselineName: 'no metrics, tracing off',
      });
    }
  } finally {
    for (const server of Object.values(servers)) await server.app.close();
    await database.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
