// Machine-readable benchmark results. Each bench script keeps printing its own tables and also
// calls `recordResult` once per figure an issue names; when WSC_BENCH_RESULTS names a file (as
// `npm run bench`, scripts/bench-report.mjs, sets it), the result is appended to it as one JSON
// line, which the report gathers into one table. Unset, nothing is written.
import { appendFileSync, readFileSync } from 'node:fs';
import { ratioOf, verdictOf } from './report.mjs';

/**
 * Records one figure.
 *
 * @param {object} result
 * @param {string} result.suite the benchmark it comes from, e.g. '@wsc/sdk'
 * @param {string} result.figure what was measured, with its database and scale when they matter
 * @param {number | string | null} result.value the measurement (null: the benchmark produced none)
 * @param {string} [result.unit] 'req/s', 'ms', 'B', 'µs', '×'
 * @param {number} [result.baseline] the baseline's measurement in the same unit
 * @param {string} [result.baselineName] what the baseline is: 'floor', 'bare Fastify', 'raw axios'
 * @param {{ of: 'value' | 'ratio', comparator: '<=' | '<' | '>=' | '>' | '=', limit: number | string }} [result.target]
 *   the target, on the value or on value / baseline; absent: reported only
 * @param {string} [result.note] a short remark shown in the table
 * @param {string} [result.notMeasured] why a named figure was not measured
 * @example
 * recordResult({
 *   suite: '@wsc/sdk',
 *   figure: 'SDK call, 20 items, validation on',
 *   value: 0.71, unit: 'ms', baseline: 0.62, baselineName: 'raw axios',
 *   target: { of: 'ratio', comparator: '<=', limit: 1.15 },
 * });
 */
export function recordResult(result) {
  const file = process.env.WSC_BENCH_RESULTS;
  if (!file) return;
  const ratio = ratioOf(result);
  const line = { ...result, ratio, pass: verdictOf(result) === 'pass', recordedAt: new Date().toISOString() };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

/**
 * Reads a results file written by `recordResult` (one JSON object a line; blank lines skipped).
 *
 * @example
 * const results = readResults(process.env.WSC_BENCH_RESULTS);
 */
export function readResults(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}
