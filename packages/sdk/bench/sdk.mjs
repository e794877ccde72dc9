// `npm run bench` (issue #5): what @wsc/sdk costs on top of raw axios, as ratios measured in
// the same process against the same local server (node:http answering fixed pages), with
// response validation on and off; the cost of validating a 100-item page against JSON.parse;
// and the browser bundle of `import { WscClient } from '@wsc/sdk'` (with @wsc/models, zod and
// axios), esbuild minified + gzip, in bytes. Prints tables; asserts nothing about timing.
// Needs the built packages (`npm run build`). BENCH_SCALE=small runs fewer calls.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { compileCheck, PageSchema, PainPointViewSchema } from '@wsc/models';
import { WscClient } from '@wsc/sdk';
import axios from 'axios';
import { browserBundleGzipBytes } from '../../../.ci/browser-bundle.mjs';
import { recordResult } from '../../../scripts/bench/results.mjs';
import { BUDGET_BYTES, measureBrowserBundle } from './bundle-size.mjs';

const small = process.env.BENCH_SCALE === 'small';
const CALLS_PER_ROUND = small ? 300 : 1000;
const ROUNDS = small ? 3 : 7;

function painPoint(index) {
  return {
    id: `0f8fad5b-d9cb-469f-a165-7086772${String(index).padStart(5, '0')}`,
    slug: null,
    title: { en: `Flooding in Singapore (report ${index})` },
    description: {
      en: `In Singapore, residents and operators report flooding that no shared standard addresses yet; vendors need common interfaces to fix it (report ${index}).`,
    },
    language: 'en',
    domain: 'water',
    city: 'Singapore',
    country: 'SG',
    severity: 'high',
    status: 'open',
    duplicateOf: null,
    voteCount: 1000 - index,
    commentCount: 3,
    locked: false,
    sample: false,
    authorId: '8e2b7a2c-5d1e-4f7a-9c3b-2a1d0e9f8c7b',
    partnerId: null,
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
  };
}

const pageOf = (size) => ({
  data: Array.from({ length: size }, (_, index) => painPoint(index)),
  nextCursor: 'WyJ0b3AiLDk4MCwiMGY4ZmFkNWIiXQ',
});
const PainPointPage = PageSchema(PainPointViewSchema);
const pages = new Map([20, 100].map((size) => [size, JSON.stringify(pageOf(size))]));
for (const [size, text] of pages) {
  const check = PainPointPage.safeParse(JSON.parse(text));
  if (!check.success)
    throw new Error(`the ${size}-item fixture no longer matches PainPointViewSchema: ${check.error.message}`);
}

// The local server: answers /v1/pain-points?limit=N with a fixed N-item page, as the API would.
const server = createServer((request, response) => {
  const limit = Number(new URL(request.url, 'http://localhost').searchParams.get('limit') ?? 20);
  const body = pages.get(limit) ?? pages.get(20);
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-request-id': 'req_bench',
  });
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseURL = `http://127.0.0.1:${server.address().port}`;

const raw = axios.create({ baseURL });
const validating = new WscClient({ baseURL });
const trusting = new WscClient({ baseURL, validate: false });

async function meanMillisecondsPerCall(call) {
  const started = performance.now();
  for (let index = 0; index < CALLS_PER_ROUND; index++) await call();
  return (performance.now() - started) / CALLS_PER_ROUND;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Rounds interleave the variants so drift on a shared machine hits each alike; the median round counts. */
async function compare(size) {
  const variants = {
    'raw axios': async () => (await raw.get('/v1/pain-points', { params: { limit: size } })).data,
    'SDK, validate on': () => validating.painPoints.list({ limit: size }),
    'SDK, validate off': () => trusting.painPoints.list({ limit: size }),
  };
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (const call of Object.values(variants)) for (let index = 0; index < 200; index++) await call();
  const entries = Object.entries(variants);
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate who goes first, so no variant always runs on a freshly collected heap.
    for (let offset = 0; offset < entries.length; offset++) {
      const [name, call] = entries[(round + offset) % entries.length];
      samples[name].push(await meanMillisecondsPerCall(call));
    }
  }
  const rawMedian = median(samples['raw axios']);
  return Object.entries(samples).map(([name, values]) => ({
    page: `${size} items`,
    client: name,
    'ms/call': median(values),
    'µs over raw': (median(values) - rawMedian) * 1000,
    '×raw axios': Number((median(values) / rawMedian).toFixed(3)),
    target: name === 'SDK, validate on' ? '≤1.15×' : '',
  }));
}

const callRows = [...(await compare(20)), ...(await compare(100))];
server.close();

// Validation of a 100-item page, next to the JSON.parse every client pays anyway.
function microsecondsPerRun(work, runs) {
  for (let index = 0; index < Math.min(runs, 200); index++) work();
  const started = performance.now();
  for (let index = 0; index < runs; index++) work();
  return ((performance.now() - started) / runs) * 1000;
}
const text100 = pages.get(100);
const parsed100 = JSON.parse(text100);
const runs = small ? 500 : 2000;
const parseMicroseconds = median([0, 1, 2].map(() => microsecondsPerRun(() => JSON.parse(text100), runs)));
const validateMicroseconds = median(
  [0, 1, 2].map(() => microsecondsPerRun(() => PainPointPage.parse(parsed100), runs)),
);
const checkPage = compileCheck(PainPointPage);
if (!checkPage?.(parsed100)) throw new Error('compileCheck does not accept the 100-item fixture');
const checkMicroseconds = median([0, 1, 2].map(() => microsecondsPerRun(() => checkPage(parsed100), runs)));
const validationRows = [
  {
    step: 'JSON.parse of the page',
    bytes: Buffer.byteLength(text100),
    µs: parseMicroseconds,
    '×JSON.parse': 1,
  },
  {
    step: 'PageSchema(PainPointViewSchema).parse',
    bytes: Buffer.byteLength(text100),
    µs: validateMicroseconds,
    '×JSON.parse': Number((validateMicroseconds / parseMicroseconds).toFixed(2)),
  },
  {
    step: 'compileCheck(PageSchema(PainPointViewSchema)), what the SDK runs in Node',
    bytes: Buffer.byteLength(text100),
    µs: checkMicroseconds,
    '×JSON.parse': Number((checkMicroseconds / parseMicroseconds).toFixed(2)),
  },
];

// Browser bundle: what a web page that imports the client downloads, split into gzip layers.
const sdkBundle = await measureBrowserBundle();
const bundleRows = [
  {
    part: 'WscClient bundle (all below)',
    'minified bytes': sdkBundle.minified,
    'gzip bytes': sdkBundle.gzip,
    target: `≤${BUDGET_BYTES} gzip`,
  },
  ...Object.entries(sdkBundle.byPackage)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([part, bytes]) => ({ part: `  ${part}`, 'minified bytes': bytes, 'gzip bytes': '', target: '' })),
  ...Object.entries(sdkBundle.gzipLayers).map(([part, bytes]) => ({
    part: `  gzip layer: ${part}`,
    'minified bytes': '',
    'gzip bytes': bytes,
    target: '',
  })),
];

function print(rows) {
  const columns = Object.keys(rows[0]);
  const format = (value) =>
    typeof value === 'number' && !Number.isInteger(value)
      ? value.toFixed(Math.abs(value) >= 100 ? 0 : 3)
      : String(value ?? '');
  const cells = rows.map((row) => columns.map((column) => format(row[column])));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((line) => line[index].length)),
  );
  const line = (values) =>
    values
      .map((value, index) => value.padEnd(widths[index]))
      .join('  ')
      .trimEnd();
  console.log([line(columns), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n'));
}
console.log(
  `\n## @wsc/sdk benchmark (${CALLS_PER_ROUND} sequential calls × ${ROUNDS} interleaved rounds per variant, median round; ${os.cpus().length} shared cores, load average ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')})\n`,
);
print(callRows);
console.log('\n### Validating a 100-item page\n');
print(validationRows);
console.log(
  '\n### Browser bundle of `import { WscClient } from "@wsc/sdk"` (esbuild --minify, gzip -9; per-package bytes are minified, before gzip)\n',
);
print(bundleRows);

// The figures of `npm run bench`'s report (scripts/bench-report.mjs); nothing is written unless
// WSC_BENCH_RESULTS names a file.
const suite = '@wsc/sdk';
for (const size of [20, 100]) {
  const rowOf = (client) => callRows.find((row) => row.page === `${size} items` && row.client === client);
  const raw = rowOf('raw axios')['ms/call'];
  for (const [client, validation] of [
    ['SDK, validate on', 'on'],
    ['SDK, validate off', 'off'],
  ]) {
    recordResult({
      suite,
      figure: `SDK call, ${size}-item page, validation ${validation} (#5, #14)`,
      value: rowOf(client)['ms/call'],
      unit: 'ms',
      baseline: raw,
      baselineName: 'raw axios',
      // The issues' target is with validation on; off is reported to show what validation costs.
      target: validation === 'on' ? { of: 'ratio', comparator: '<=', limit: 1.15 } : undefined,
    });
  }
}
recordResult({
  suite,
  figure: 'validating a 100-item page, as the SDK does in Node (#5)',
  value: checkMicroseconds,
  unit: 'µs',
  baseline: parseMicroseconds,
  baselineName: 'JSON.parse',
});
// Sizes measured as `npm run check:packages` measures them (.ci/browser-bundle.mjs), against the
// issues' targets and against the budgets committed in .ci/size-budgets.json.
const budgets = JSON.parse(readFileSync(new URL('../../../.ci/size-budgets.json', import.meta.url), 'utf8'));
const committedBudget = (specifier) =>
  Object.values(budgets.bundles).find((entries) => specifier in entries)?.[specifier];
console.log('\n### Browser bundles as `npm run check:packages` measures them (`import * as all`, gzip -9)\n');
for (const [specifier, limit, issue] of [
  ['@wsc/sdk', 32 * 1024, '#5: SDK with @wsc/models and axios'],
  ['@wsc/models', 12 * 1024, '#2'],
]) {
  const bytes = await browserBundleGzipBytes(specifier);
  const budget = committedBudget(specifier);
  console.log(`${specifier}: ${bytes} bytes (issue target ${limit}, committed budget ${budget})`);
  recordResult({
    suite,
    figure: `browser bundle of ${specifier}, gzip (${issue})`,
    value: bytes,
    unit: 'B',
    target: { of: 'value', comparator: '<=', limit },
  });
  if (budget !== undefined)
    recordResult({
      suite,
      figure: `browser bundle of ${specifier}, gzip, against .ci/size-budgets.json`,
      value: bytes,
      unit: 'B',
      target: { of: 'value', comparator: '<=', limit: budget },
    });
}
process.exit(0);
