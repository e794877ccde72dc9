// `npm run bench` (issue #4): fan-out latency from a vote to 1,000 Server-Sent Events
// subscribers of `GET /v1/stream?topics=votes`, with one @wsc/server instance and with two
// instances on one PostgreSQL (votes through instance A, half the subscribers on B: the event
// crosses instances by LISTEN/NOTIFY); heap per idle SSE connection; and the baseline, a bare
// Fastify SSE broadcast to the same number of local clients; what the idle subscribers cost the
// instance's other routes (GET by id with and without them); and the registration race (200
// members at once for 50 seats) on PostgreSQL and PGlite. Every instance, the subscribers, the
// load generator and this orchestrating process are separate processes. Prints tables; asserts
// no timing.
//
// Latency of one delivery = arrival of the frame on a stream − the moment the PUT vote (or
// the baseline's broadcast request) was sent, so it includes the vote's own transaction.
// BENCH_SCALE=small: 200 subscribers, 10 votes. Default: 1,000 subscribers, 40 votes.
// Database: PostgreSQL when TEST_DATABASE_URL is set (one and two instances, the race on PostgreSQL
// and on PGlite); else PGlite alone (one instance, its race; two instances need PostgreSQL).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, migrate } from '@wsc/server/admin';
import { recordResult } from '../../../scripts/bench/results.mjs';
import { makeOrganiser, otherRoutesWithIdleSubscribers, registrationRace } from './live-side-effects.mjs';
import { percentile, table } from './report.mjs';
import { createScratchDatabase } from './scratch-database.mjs';
import { memberToken, painPointId, seedMembers, seedPainPoints } from './seed.mjs';

const small = process.env.BENCH_SCALE === 'small';
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? (small ? 200 : 1000));
const VOTES = small ? 10 : 40;
const PAUSE_MILLISECONDS = 100;
const SEEDED_MEMBERS = 200;
const RACE = { clients: 200, seats: 50 };
const LOAD_SECONDS = small ? 3 : 8;
const started = performance.now();
const now = () => performance.timeOrigin + performance.now();

function log(message) {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${seconds}s] ${message}\n`);
}

/** A child process speaking the request/answer IPC of live-instance.mjs and live-clients.mjs. */
function child(script, execArgv = []) {
  const process = fork(fileURLToPath(new URL(script, import.meta.url)), [], { execArgv, stdio: 'inherit' });
  const ask = (message, answerType) =>
    new Promise((resolve, reject) => {
      const onMessage = (answer) => {
        if (answer.type !== answerType) return;
        process.off('message', onMessage);
        process.off('exit', onExit);
        resolve(answer);
      };
      const onExit = (code) =>
        reject(new Error(`${script} exited with ${code} while waiting for ${answerType}`));
      process.on('message', onMessage);
      process.once('exit', onExit);
      process.send(message);
    });
  return { process, ask };
}

async function startInstance(kind, databaseUrl, dataDirectory) {
  const instance = child('./live-instance.mjs', ['--expose-gc']);
  const { url } = await instance.ask({ kind, databaseUrl, dataDirectory }, 'listening');
  return {
    url,
    heap: () => instance.ask({ type: 'heap' }, 'heap'),
    close: () => instance.ask({ type: 'close' }, 'closed'),
  };
}

async function openSubscribers(targets) {
  const clients = child('./live-clients.mjs');
  const { streams } = await clients.ask({ type: 'open', targets }, 'opened');
  return {
    streams,
    reset: () => clients.ask({ type: 'reset' }, 'reset'),
    report: () => clients.ask({ type: 'report' }, 'report'),
    close: () => clients.ask({ type: 'close' }, 'closed'),
  };
}

/** Sends the triggers one after another (with a pause), then collects every stream's arrivals. */
async function fanOut({ subscribers, trigger, expectedStreams, targetNames }) {
  await subscribers.reset();
  const sentAt = new Map();
  for (let vote = 1; vote <= VOTES; vote++) {
    const id = painPointId(vote);
    sentAt.set(id, now());
    await trigger(vote, id);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MILLISECONDS));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const { arrivals, disconnected } = await subscribers.report();
  const rows = [];
  for (const [targetIndex, targetName] of targetNames.entries()) {
    const deliveries = [];
    const lastPerVote = [];
    let received = 0;
    for (const [id, sent] of sentAt) {
      const times = (arrivals[id] ?? [])
        .filter(([, target]) => target === targetIndex)
        .map(([at]) => at - sent);
      received += times.length;
      deliveries.push(...times);
      if (times.length > 0) lastPerVote.push(Math.max(...times));
    }
    deliveries.sort((a, b) => a - b);
    lastPerVote.sort((a, b) => a - b);
    rows.push({
      subscribers: targetName,
      deliveries: `${received}/${VOTES * expectedStreams[targetIndex]}`,
      'p50 ms': percentile(deliveries, 0.5),
      'p99 ms': percentile(deliveries, 0.99),
      'max ms': deliveries.at(-1) ?? null,
      'all streams p50 ms': percentile(lastPerVote, 0.5),
      'all streams p99 ms': percentile(lastPerVote, 0.99),
      'dropped streams': disconnected,
    });
  }
  return rows;
}

async function heapPerConnection(instance, open) {
  const before = await instance.heap();
  const subscribers = await open();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = await instance.heap();
  return {
    subscribers,
    heapBytesPerStream: Math.round((after.heapUsed - before.heapUsed) / subscribers.streams),
    rssBytesPerStream: Math.round((after.rss - before.rss) / subscribers.streams),
  };
}

const latencyRows = [];
const memoryRows = [];
const otherRouteRows = [];
const raceRows = [];
const raceFirstMember = SEEDED_MEMBERS + VOTES * 2 + 1;

/**
 * The figures of `npm run bench`'s report (scripts/bench-report.mjs): fan-out p99 to every stream
 * against the bare broadcast and the 100 ms target, deliveries complete, heap per idle stream,
 * the read route with idle subscribers, and the registration race. Nothing is written unless
 * WSC_BENCH_RESULTS names a file.
 */
function recordResults() {
  const suite = '@wsc/server live';
  const bare = latencyRows.find((row) => row.setup.startsWith('bare'));
  for (const row of latencyRows.filter((row) => !row.setup.startsWith('bare'))) {
    const [received, expected] = row.deliveries.split('/').map(Number);
    const where = `${databaseLabel}, ${row.setup}, ${row.subscribers}`;
    recordResult({
      suite,
      figure: `${where}: vote committed → frame on every stream, p99 (#4)`,
      value: row['all streams p99 ms'],
      unit: 'ms',
      baseline: bare?.['all streams p99 ms'],
      baselineName: 'bare Fastify broadcast',
      target: { of: 'value', comparator: '<', limit: 100 },
    });
    recordResult({
      suite,
      figure: `${where}: frames delivered of ${expected} (${VOTES} votes × streams)`,
      value: received,
      unit: '',
      target: { of: 'value', comparator: '=', limit: expected },
      note: row['dropped streams'] ? `${row['dropped streams']} streams dropped` : undefined,
    });
  }
  if (!onPostgres)
    recordResult({
      suite,
      figure: `two instances (vote through A), ${SUBSCRIBERS} streams split: vote committed → frame on every stream, p99 (#4)`,
      value: null,
      target: { of: 'value', comparator: '<', limit: 100 },
      unit: 'ms',
      notMeasured: 'needs PostgreSQL: set TEST_DATABASE_URL',
    });
  const bareMemory = memoryRows.find((row) => row.instance.startsWith('bare'));
  const serverMemory = memoryRows.find((row) => !row.instance.startsWith('bare'));
  recordResult({
    suite,
    figure: `${databaseLabel}: heap per idle SSE stream, ${serverMemory?.streams ?? 0} streams (#4)`,
    value: serverMemory?.['heap bytes/stream'] ?? null,
    unit: 'B',
    baseline: bareMemory?.['heap bytes/stream'],
    baselineName: 'bare Fastify SSE',
    target: { of: 'value', comparator: '<', limit: 10 * 1024 },
  });
  if (otherRouteRows.length === 3) {
    const [before, during, after] = otherRouteRows;
    recordResult({
      suite,
      figure: `${databaseLabel}: GET /v1/pain-points/{id} req/s with ${during['idle streams']} idle subscribers (#4)`,
      value: during['req/s'],
      unit: 'req/s',
      baseline: (before['req/s'] + after['req/s']) / 2,
      baselineName: 'mean without',
      target: { of: 'ratio', comparator: '>=', limit: 0.9 },
      note: '"do not slow other routes": 10 % allowed for this machine\'s drift',
    });
  }
  for (const row of raceRows) {
    recordResult({
      suite,
      figure: `${row.database}: registration race, ${row['clients / seats']} seats: confirmed / waitlisted (#4)`,
      value: `${row.confirmed} / ${row.waitlisted}`,
      target: { of: 'value', comparator: '=', limit: row.expected },
      note: row['other answers'] ? `${row['other answers']} other answers` : undefined,
    });
    recordResult({
      suite,
      figure: `${row.database}: registration race throughput (#4)`,
      value: row['registrations/s'],
      unit: 'registrations/s',
      note: `p99 ${row['p99 ms']} ms`,
    });
  }
}

// Baseline: bare Fastify broadcasting to local clients.
{
  log(`bare Fastify SSE broadcast to ${SUBSCRIBERS} clients`);
  const bare = await startInstance('bare');
  const { subscribers, heapBytesPerStream, rssBytesPerStream } = await heapPerConnection(bare, () =>
    openSubscribers([{ url: `${bare.url}/v1/stream`, count: SUBSCRIBERS }]),
  );
  memoryRows.push({
    instance: 'bare Fastify SSE',
    streams: subscribers.streams,
    'heap bytes/stream': heapBytesPerStream,
    'rss bytes/stream': rssBytesPerStream,
    target: 'ref: ≈5 KB',
  });
  const rows = await fanOut({
    subscribers,
    expectedStreams: [SUBSCRIBERS],
    targetNames: [`${SUBSCRIBERS} on the broadcaster`],
    trigger: (_vote, id) =>
      fetch(`${bare.url}/broadcast`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ painPointId: id }),
      }).then((response) => response.arrayBuffer()),
  });
  for (const row of rows)
    latencyRows.push({ setup: 'bare Fastify broadcast (baseline)', ...row, target: 'ref: p99 30–42 ms' });
  await subscribers.close();
  await bare.close();
}

// The instance's database: PostgreSQL when TEST_DATABASE_URL names a server (then also the two
// instances, which only PostgreSQL can join), else PGlite in a temporary folder.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const databaseLabel = onPostgres ? 'PostgreSQL' : 'PGlite';
const store = onPostgres
  ? await (async () => {
      const scratch = await createScratchDatabase('live');
      return { url: scratch.url, dataDirectory: undefined, drop: scratch.drop };
    })()
  : (() => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'wsc-live-'));
      return {
        url: undefined,
        dataDirectory: folder,
        drop: async () => rmSync(folder, { recursive: true, force: true }),
      };
    })();
try {
  let timer = performance.now();
  const database = await createDatabase({ url: store.url, dataDirectory: store.dataDirectory });
  await migrate(database.db);
  await seedMembers(database.db, SEEDED_MEMBERS + VOTES * 2 + RACE.clients);
  await makeOrganiser(database.db);
  await seedPainPoints(database.db, { from: 1, to: 1000, votesPerPainPoint: 10, members: SEEDED_MEMBERS });
  await database.close();
  log(`${databaseLabel} seeded in ${((performance.now() - timer) / 1000).toFixed(1)} s`);

  let nextMember = SEEDED_MEMBERS;
  const vote = (url) => async (_vote, id) => {
    nextMember += 1;
    const response = await fetch(`${url}/v1/pain-points/${id}/vote`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${memberToken(nextMember)}` },
    });
    if (!response.ok) throw new Error(`vote answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };

  // One instance.
  log(`one instance on ${databaseLabel}, ${SUBSCRIBERS} subscribers`);
  const first = await startInstance('server', store.url, store.dataDirectory);
  await fetch(`${first.url}/v1/pain-points?limit=20`).then((response) => response.arrayBuffer());
  log(`other routes with and without ${SUBSCRIBERS} idle subscribers`);
  otherRouteRows.push(
    ...(await otherRoutesWithIdleSubscribers({
      url: first.url,
      seconds: LOAD_SECONDS,
      painPoints: 1000,
      openIdle: () => openSubscribers([{ url: `${first.url}/v1/stream?topics=votes`, count: SUBSCRIBERS }]),
    })),
  );
  const measured = await heapPerConnection(first, () =>
    openSubscribers([{ url: `${first.url}/v1/stream?topics=votes`, count: SUBSCRIBERS }]),
  );
  memoryRows.push({
    instance: '@wsc/server /v1/stream',
    streams: measured.subscribers.streams,
    'heap bytes/stream': measured.heapBytesPerStream,
    'rss bytes/stream': measured.rssBytesPerStream,
    target: '<10 KB heap',
  });
  for (const row of await fanOut({
    subscribers: measured.subscribers,
    expectedStreams: [SUBSCRIBERS],
    targetNames: [`${SUBSCRIBERS} on A`],
    trigger: vote(first.url),
  })) {
    latencyRows.push({ setup: 'one instance (vote through A)', ...row, target: 'p99 < 100 ms' });
  }
  await measured.subscribers.close();

  if (onPostgres) {
    // Two instances: half the subscribers on each, votes through A.
    log(`two instances, ${SUBSCRIBERS} subscribers split`);
    timer = performance.now();
    const second = await startInstance('server', store.url);
    const half = Math.floor(SUBSCRIBERS / 2);
    const split = await openSubscribers([
      { url: `${first.url}/v1/stream?topics=votes`, count: SUBSCRIBERS - half },
      { url: `${second.url}/v1/stream?topics=votes`, count: half },
    ]);
    for (const row of await fanOut({
      subscribers: split,
      expectedStreams: [SUBSCRIBERS - half, half],
      targetNames: [`${SUBSCRIBERS - half} on A`, `${half} on B`],
      trigger: vote(first.url),
    })) {
      latencyRows.push({ setup: 'two instances (vote through A)', ...row, target: 'p99 < 100 ms' });
    }
    await split.close();
    await second.close();
  } else {
    log('two instances: skipped, they share a database only on PostgreSQL (set TEST_DATABASE_URL)');
  }
  log(`registration race: ${RACE.clients} clients for ${RACE.seats} seats, ${databaseLabel}`);
  raceRows.push(
    await registrationRace({ url: first.url, label: databaseLabel, ...RACE, firstMember: raceFirstMember }),
  );
  await first.close();
} finally {
  await store.drop();
}

// On PostgreSQL runs, the same race on PGlite (one instance: PGlite is embedded).
if (onPostgres) {
  log(`registration race: ${RACE.clients} clients for ${RACE.seats} seats, PGlite`);
  const dataDirectory = mkdtempSync(path.join(os.tmpdir(), 'wsc-live-race-'));
  try {
    const database = await createDatabase({ dataDirectory });
    await migrate(database.db);
    await seedMembers(database.db, RACE.clients + 1);
    await makeOrganiser(database.db);
    await database.close();
    const instance = await startInstance('server', undefined, dataDirectory);
    raceRows.push(await registrationRace({ url: instance.url, label: 'PGlite', ...RACE, firstMember: 2 }));
    await instance.close();
  } finally {
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

console.log(
  `\n## Live updates benchmark (${SUBSCRIBERS} subscribers, ${VOTES} votes ${PAUSE_MILLISECONDS} ms apart, ${databaseLabel}; ${os.cpus().length} shared cores, load average ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')})`,
);
console.log(
  'latency = frame arrival on a stream − PUT vote (or broadcast request) sent; "all streams" = the slowest stream per vote\n',
);
console.log(
  table(latencyRows, [
    'setup',
    'subscribers',
    'deliveries',
    'p50 ms',
    'p99 ms',
    'max ms',
    'all streams p50 ms',
    'all streams p99 ms',
    'dropped streams',
    'target',
  ]),
);
console.log(
  '\n### Heap per idle SSE connection (heapUsed after full GC, before and after the streams opened, in the instance process)\n',
);
console.log(table(memoryRows, ['instance', 'streams', 'heap bytes/stream', 'rss bytes/stream', 'target']));
console.log(
  `\n### Other routes while ${SUBSCRIBERS} idle subscribers are connected (one instance, ${databaseLabel}, 100 connections, ${LOAD_SECONDS} s each; target: no slowdown)\n`,
);
console.log(
  table(otherRouteRows, [
    'GET /v1/pain-points/{id}',
    'idle streams',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'vs mean without',
  ]),
);
console.log(
  `\n### Registration race (${RACE.clients} members POST at once for ${RACE.seats} seats, each with its own Idempotency-Key; one instance)\n`,
);
console.log(
  table(raceRows, [
    'database',
    'clients / seats',
    'confirmed',
    'waitlisted',
    'other answers',
    'wall ms',
    'registrations/s',
    'p50 ms',
    'p99 ms',
    'expected',
  ]),
);
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
recordResults();
process.exit(0);
