// The report writer of `npm run bench`: verdicts from value and target, the text table, and the
// Markdown of docs/parts/performance-report.md. Not benchmark speed: the inputs are fixed results.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  escapeCell,
  formatDuration,
  formatNumber,
  formatTarget,
  ratioOf,
  renderReport,
  rowOf,
  tally,
  textTable,
  verdictOf,
} from './report.mjs';
import { readResults, recordResult } from './results.mjs';

const atMost = (limit) => ({ of: 'value', comparator: '<=', limit });
const ratioAtLeast = (limit) => ({ of: 'ratio', comparator: '>=', limit });

describe('verdictOf', () => {
  it('judges the value against a value target, the limit itself included for ≤ and ≥', () => {
    expect(verdictOf({ value: 4096, target: atMost(4096) })).toBe('pass');
    expect(verdictOf({ value: 4097, target: atMost(4096) })).toBe('FAIL');
    expect(verdictOf({ value: 60, target: { of: 'value', comparator: '<', limit: 60 } })).toBe('FAIL');
    expect(verdictOf({ value: 59.9, target: { of: 'value', comparator: '<', limit: 60 } })).toBe('pass');
  });

  it('judges value / baseline against a ratio target', () => {
    expect(verdictOf({ value: 800, baseline: 1000, target: ratioAtLeast(0.8) })).toBe('pass');
    expect(verdictOf({ value: 799, baseline: 1000, target: ratioAtLeast(0.8) })).toBe('FAIL');
    // The same value passes or fails with its baseline: the ratio is judged, not the value.
    expect(verdictOf({ value: 799, baseline: 900, target: ratioAtLeast(0.8) })).toBe('pass');
  });

  it('fails a target with nothing to judge instead of leaving a gap', () => {
    expect(verdictOf({ value: null, target: atMost(100) })).toBe('FAIL');
    expect(verdictOf({ value: 10, baseline: null, target: ratioAtLeast(0.5) })).toBe('FAIL');
    expect(verdictOf({ value: 10, baseline: 0, target: ratioAtLeast(0.5) })).toBe('FAIL');
  });

  it('compares strings exactly for "="', () => {
    const race = { of: 'value', comparator: '=', limit: '50 / 150' };
    expect(verdictOf({ value: '50 / 150', target: race })).toBe('pass');
    expect(verdictOf({ value: '51 / 149', target: race })).toBe('FAIL');
  });

  it('reports a figure without target and marks one that was not measured', () => {
    expect(verdictOf({ value: 739 })).toBe('reported');
    expect(verdictOf({ value: null, target: atMost(1), notMeasured: 'not built yet' })).toBe('not measured');
  });

  it('refuses an unknown comparator by name', () => {
    expect(() =>
      verdictOf({ figure: 'x', value: 1, target: { of: 'value', comparator: '≈', limit: 1 } }),
    ).toThrow(/unknown comparator "≈" in "x"/);
  });
});

describe('formatting', () => {
  it('formats numbers for reading', () => {
    expect(formatNumber(38400)).toBe('38,400');
    expect(formatNumber(741.4)).toBe('741');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1.4)).toBe('1.40');
    expect(formatNumber(0.8234)).toBe('0.823');
    expect(formatNumber('50 / 150')).toBe('50 / 150');
  });

  it('writes targets with their sign, unit and baseline', () => {
    expect(formatTarget(atMost(32768), { unit: 'B' })).toBe('≤ 32,768 B');
    expect(formatTarget(ratioAtLeast(0.8), { baselineName: 'floor' })).toBe('≥ 0.8× floor');
    expect(formatTarget({ of: 'value', comparator: '<', limit: 100 }, { unit: 'ms' })).toBe('< 100 ms');
  });

  it('gives one row of cells per result, ratio included', () => {
    const row = rowOf({
      suite: '@wsc/sdk',
      figure: 'SDK call, 20-item page, validation on',
      value: 0.912,
      unit: 'ms',
      baseline: 0.652,
      baselineName: 'raw axios',
      target: { of: 'ratio', comparator: '<=', limit: 1.15 },
    });
    expect(row).toEqual({
      suite: '@wsc/sdk',
      figure: 'SDK call, 20-item page, validation on',
      value: '0.912 ms',
      baseline: '0.652 ms (raw axios)',
      ratio: '1.40×',
      target: '≤ 1.15× raw axios',
      result: 'FAIL',
      note: '',
    });
    expect(ratioOf({ value: 1, baseline: 4 })).toBe(0.25);
  });

  it('aligns the text table in columns', () => {
    const lines = textTable([
      { suite: 'a', figure: 'short', value: 1, unit: 'B', target: atMost(2) },
      { suite: 'b', figure: 'a much longer figure', value: 3, unit: 'B', target: atMost(2) },
    ]).split('\n');
    expect(lines).toHaveLength(4);
    const resultColumn = lines[0].indexOf('result');
    expect(lines[2].slice(resultColumn, resultColumn + 4)).toBe('pass');
    expect(lines[3].slice(resultColumn, resultColumn + 4)).toBe('FAIL');
  });

  it('escapes what a Markdown table or a Vue-compiled page would take as syntax', () => {
    expect(escapeCell('page with one <wsc-event-card> | {{ x }}')).toBe(
      'page with one &lt;wsc-event-card&gt; \\| &#123;&#123; x &#125;&#125;',
    );
  });

  it('counts verdicts and writes durations', () => {
    expect(tally([{ value: 1, target: atMost(2) }, { value: 3, target: atMost(2) }, { value: 5 }])).toEqual({
      pass: 1,
      FAIL: 1,
      reported: 1,
      'not measured': 0,
    });
    expect(formatDuration(725)).toBe('12 min 5 s');
    expect(formatDuration(42)).toBe('42 s');
  });
});

describe('renderReport', () => {
  const results = [
    { suite: '@wsc/widgets', figure: 'embed loader wsc.js', value: 1043, unit: 'B', target: atMost(4096) },
    {
      suite: '@wsc/server API',
      figure: 'PostgreSQL: PUT vote, req/s',
      value: 455,
      unit: 'req/s',
      baseline: 700,
      baselineName: 'floor',
      target: ratioAtLeast(0.7),
    },
    { suite: '@wsc/server mail', figure: 'mails per second', value: null, notMeasured: 'not built yet' },
  ];
  const markdown = renderReport({
    results,
    machine: [
      { label: 'CPU', value: '2 × Example CPU @ 2.0GHz' },
      { label: 'Node', value: 'v20.20.2' },
    ],
    date: '2026-12-07 08:00 UTC',
    command: 'npm run bench',
    seconds: 725,
    suites: [{ name: '@wsc/server', command: 'node bench/api.mjs', exitCode: 0, seconds: 500.4 }],
    notes: ['PGlite only.'],
  });

  /** The lines between `<!-- #region name -->` and its end, as a page including it gets them. */
  const region = (name) =>
    new RegExp(`<!-- #region ${name} -->\\n([^]*?)\\n<!-- #endregion ${name} -->`).exec(markdown)?.[1];

  it('names the date, the command, the duration and the counts, each in a region a page includes inline', () => {
    expect(region('date')).toBe('2026-12-07 08:00 UTC');
    expect(region('command')).toBe('`npm run bench`');
    expect(region('duration')).toBe('12 min 5 s');
    expect(region('summary')).toBe('1 pass, 1 FAIL, 1 not measured');
  });

  it('describes the machine and lists every result as a table row with its verdict', () => {
    expect(region('machine')).toContain('| CPU | 2 × Example CPU @ 2.0GHz |');
    expect(region('results')).toMatch(
      /^\| suite \| figure \| value \| baseline \| ratio \| target \| result \| note \|/,
    );
    expect(markdown).toContain(
      '| @wsc/server API | PostgreSQL: PUT vote, req/s | 455 req/s | 700 req/s (floor) | 0.650× | ≥ 0.7× floor | FAIL |  |',
    );
    expect(markdown).toContain(
      '| @wsc/widgets | embed loader wsc.js | 1,043 B |  |  | ≤ 4,096 B | pass |  |',
    );
    expect(markdown).toContain(
      '| @wsc/server mail | mails per second | — |  |  |  | not measured | not built yet |',
    );
    expect(region('suites')).toContain('| @wsc/server | node bench/api.mjs | 500 | ok |');
    expect(region('notes')).toBe('- PGlite only.');
  });
});

describe('recordResult', () => {
  let folder;
  afterEach(() => {
    delete process.env.WSC_BENCH_RESULTS;
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('appends one JSON line with ratio and pass to the file WSC_BENCH_RESULTS names', () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'wsc-bench-test-'));
    process.env.WSC_BENCH_RESULTS = path.join(folder, 'results.jsonl');
    recordResult({ suite: 's', figure: 'a', value: 90, baseline: 100, target: ratioAtLeast(0.8) });
    recordResult({ suite: 's', figure: 'b', value: 70, baseline: 100, target: ratioAtLeast(0.8) });
    const [first, second] = readResults(process.env.WSC_BENCH_RESULTS);
    expect(first).toMatchObject({ figure: 'a', ratio: 0.9, pass: true });
    expect(second).toMatchObject({ figure: 'b', ratio: 0.7, pass: false });
  });

  it('writes nothing when WSC_BENCH_RESULTS is unset', () => {
    expect(() => recordResult({ suite: 's', figure: 'a', value: 1 })).not.toThrow();
  });
});
