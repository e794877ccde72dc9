// `npm run bench`: per-call overhead of @wsc/sdk against raw axios on the same local server
// (validation on and off), the cost of validating a 100-item page, and the browser bundle size.
// Ratios, not absolute times, so runs on different machines compare. Needs `npm run build`.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { PageSchema, PainPointViewSchema } from '@wsc/models';
import { WscClient } from '@wsc/sdk';
import axios from 'axios';
import { BUDGET_BYTES, measureBrowserBundle } from './bundle-size.mjs';

const CALLS = Number(process.env.BENCH_CALLS ?? 1500);
const painPoint = (index) => ({
  id: `pp_${index}`,
  slug: null,
  title: { en: `Pain point ${index}` },
  description: { en: 'Underpasses flood after every heavy rain.' },
  language: 'en',
  domain: 'water',
  city: 'Singapore',
  country: 'SG',
  severity: 'high',
  status: 'open',
  duplicateOf: null,
  voteCount: index,
  commentCount: 0,
  authorId: 'acc_1',
  partnerId: null,
  locked: false,
  sample: false,
  createdAt: '2026-05-01T08:00:00.000Z',
  updatedAt: '2026-05-01T08:00:00.000Z',
});
const one = JSON.stringify(painPoint(1));
const page = { data: Array.from({ length: 100 }, (_, index) => painPoint(index)), nextCursor: null };

const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench' });
  response.end(one);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseURL = `http://127.0.0.1:${server.address().port}`;

async function timeCalls(call) {
  for (let index = 0; index < 200; index++) await call();
  const started = performance.now();
  for (let index = 0; index < CALLS; index++) await call();
  return (performance.now() - started) / CALLS;
}

const raw = axios.create({ baseURL });
const validating = new WscClient({ baseURL });
const trusting = new WscClient({ baseURL, validate: false });
// Interleave rounds so drift on a shared machine hits every variant alike; keep the best round.
const best = { raw: Infinity, validating: Infinity, trusting: Infinity };
for (let round = 0; round < 3; round++) {
  best.raw = Math.min(best.raw, await timeCalls(() => raw.get('/v1/pain-points/pp_1')));
  best.validating = Math.min(best.validating, await timeCalls(() => validating.painPoints.get('pp_1')));
  best.trusting = Math.min(best.trusting, await timeCalls(() => trusting.painPoints.get('pp_1')));
}
server.close();

const PageOfPainPoints = PageSchema(PainPointViewSchema);
const parsedPage = JSON.parse(JSON.stringify(page));
for (let index = 0; index < 50; index++) PageOfPainPoints.safeParse(parsedPage);
let started = performance.now();
for (let index = 0; index < 500; index++) PageOfPainPoints.safeParse(parsedPage);
const validatePage = (performance.now() - started) / 500;
const text = JSON.stringify(page);
started = performance.now();
for (let index = 0; index < 500; index++) JSON.parse(text);
const parsePage = (performance.now() - started) / 500;

const bundle = await measureBrowserBundle();
const result = {
  callsPerVariant: CALLS,
  rawAxiosMsPerCall: Number(best.raw.toFixed(4)),
  sdkValidatingMsPerCall: Number(best.validating.toFixed(4)),
  sdkNotValidatingMsPerCall: Number(best.trusting.toFixed(4)),
  ratioValidating: Number((best.validating / best.raw).toFixed(3)),
  ratioNotValidating: Number((best.trusting / best.raw).toFixed(3)),
  targetRatioValidating: 1.15,
  validate100ItemPageMs: Number(validatePage.toFixed(4)),
  validateVersusJsonParse: Number((validatePage / parsePage).toFixed(2)),
  browserBundleGzipBytes: bundle.gzip,
  browserBundleBudgetBytes: BUDGET_BYTES,
};
console.log(JSON.stringify(result, null, 2));
