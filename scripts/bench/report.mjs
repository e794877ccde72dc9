// The benchmark report's pure parts: judging one result against its target, and rendering all of
// them as one text table (stdout) and as the Markdown of docs/parts/performance-report.md (the tables
// every language's performance page includes). No I/O here, so the rules are tested apart from any
// benchmark (report.test.mjs).

/** Comparators a target may use, with the sign the table shows. */
const COMPARATORS = {
  '<=': { sign: '≤', holds: (value, limit) => value <= limit },
  '<': { sign: '<', holds: (value, limit) => value < limit },
  '>=': { sign: '≥', holds: (value, limit) => value >= limit },
  '>': { sign: '>', holds: (value, limit) => value > limit },
  '=': { sign: '=', holds: (value, limit) => value === limit },
};

/** What the result column says. */
export const VERDICTS = { pass: 'pass', fail: 'FAIL', reported: 'reported', notMeasured: 'not measured' };

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/**
 * The ratio of a result to its baseline (value / baseline), or null when either is missing.
 *
 * @example
 * ratioOf({ value: 820, baseline: 1000 }); // 0.82
 */
export function ratioOf(result) {
  if (!isNumber(result.value) || !isNumber(result.baseline) || result.baseline === 0) return null;
  return result.value / result.baseline;
}

/**
 * Judges one result: `pass` or `FAIL` against its target (on the value, or on the ratio to the
 * baseline when `target.of` is 'ratio'); `reported` when it has no target; `not measured` when
 * the benchmark does not exist yet or could not run here (`result.notMeasured` says why). A target
 * with no value to judge (a benchmark that produced nothing) is a FAIL, never a silent gap.
 *
 * @example
 * verdictOf({ value: 1.4, target: { of: 'value', comparator: '<=', limit: 1.15 } }); // 'FAIL'
 */
export function verdictOf(result) {
  if (result.notMeasured) return VERDICTS.notMeasured;
  const target = result.target;
  if (!target) return VERDICTS.reported;
  const comparator = COMPARATORS[target.comparator];
  if (!comparator)
    throw new Error(`unknown comparator ${JSON.stringify(target.comparator)} in "${result.figure}"`);
  const judged = target.of === 'ratio' ? ratioOf(result) : result.value;
  if (judged === null || judged === undefined || (typeof judged === 'number' && !Number.isFinite(judged)))
    return VERDICTS.fail;
  return comparator.holds(judged, target.limit) ? VERDICTS.pass : VERDICTS.fail;
}

/**
 * A number for reading: thousands separated, 3 significant digits below 100.
 *
 * @example
 * formatNumber(38400); // '38,400'
 * formatNumber(0.8234); // '0.823'
 */
export function formatNumber(value) {
  if (!isNumber(value)) return String(value ?? '');
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) || magnitude >= 100) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

const withUnit = (value, unit) => {
  if (value === null || value === undefined) return '';
  const text = formatNumber(value);
  if (!unit) return text;
  return unit === '×' ? `${text}×` : `${text} ${unit}`;
};

/**
 * The target as text: `≤ 1.15× raw axios`, `< 100 ms`, `≥ 0.8× floor`.
 *
 * @example
 * formatTarget({ of: 'ratio', comparator: '>=', limit: 0.8 }, { baselineName: 'floor' }); // '≥ 0.8× floor'
 */
export function formatTarget(target, result = {}) {
  if (!target) return '';
  const sign = COMPARATORS[target.comparator]?.sign ?? target.comparator;
  // A limit is written as the issue wrote it (0.8, 1.15, 32,768), not padded to a precision.
  const limit =
    typeof target.limit === 'number'
      ? target.limit.toLocaleString('en-US', { maximumFractionDigits: 3 })
      : String(target.limit);
  if (target.of === 'ratio') return `${sign} ${limit}× ${result.baselineName ?? 'baseline'}`;
  return result.unit ? `${sign} ${limit} ${result.unit}` : `${sign} ${limit}`;
}

/**
 * One result as the cells of the table (strings), the verdict included.
 *
 * @example
 * rowOf({ suite: 'sdk', figure: 'SDK / raw axios', value: 0.9, unit: 'ms', baseline: 0.8 });
 */
export function rowOf(result) {
  const ratio = ratioOf(result);
  const baseline = withUnit(result.baseline, result.unit);
  return {
    suite: result.suite ?? '',
    figure: result.figure,
    value: result.notMeasured
      ? '—'
      : result.value === null
        ? 'no value'
        : withUnit(result.value, result.unit),
    baseline: baseline && result.baselineName ? `${baseline} (${result.baselineName})` : baseline,
    ratio: ratio === null ? '' : `${formatNumber(ratio)}×`,
    target: formatTarget(result.target, result),
    result: verdictOf(result),
    note: result.notMeasured ?? result.note ?? '',
  };
}

export const COLUMNS = ['suite', 'figure', 'value', 'baseline', 'ratio', 'target', 'result', 'note'];

/**
 * Results as an aligned plain-text table for the terminal.
 *
 * @example
 * console.log(textTable(results));
 */
export function textTable(results) {
  const rows = results.map(rowOf);
  const widths = COLUMNS.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)));
  const line = (cells) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index]))
      .join('  ')
      .trimEnd();
  return [
    line(COLUMNS),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(COLUMNS.map((column) => row[column]))),
  ].join('\n');
}

/**
 * Text made safe for a Markdown table cell that a Vue-based site (VitePress) also compiles: pipes
 * escaped, angle brackets and braces as entities (so `<wsc-event-card>` stays text, not a tag).
 */
export function escapeCell(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('|', '\\|')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('{', '&#123;')
    .replaceAll('}', '&#125;')
    .replaceAll('\n', ' ');
}

/** Rows of objects as a Markdown table, every cell escaped. */
export function markdownTable(rows, columns, headers = columns) {
  const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [
    line(headers),
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => line(columns.map((column) => row[column] ?? ''))),
  ].join('\n');
}

/**
 * Counts of each verdict, for the summary line.
 *
 * @example
 * tally(results); // { pass: 30, FAIL: 4, reported: 6, 'not measured': 2 }
 */
export function tally(results) {
  const counts = Object.fromEntries(Object.values(VERDICTS).map((verdict) => [verdict, 0]));
  for (const result of results) counts[verdictOf(result)] += 1;
  return counts;
}

/** The lines of one `<!-- #region name -->` of the report. */
function region(name, lines) {
  return [`<!-- #region ${name} -->`, ...lines, `<!-- #endregion ${name} -->`];
}

/**
 * docs/parts/performance-report.md: what was run, on what machine, when, and the tables, each in a
 * `<!-- #region name -->` (date, command, duration, summary, machine, results, suites, notes) that every
 * language's performance page includes (`<!--@include: @/parts/performance-report.md#results-->`)
 * between its own words: one table, however many languages show it.
 *
 * @param {object} report
 * @param {object[]} report.results recorded results
 * @param {{ label: string, value: string }[]} report.machine the machine's description
 * @param {string} report.date ISO date and time (UTC) of the run
 * @param {string} report.command the command that produced it
 * @param {number} report.seconds how long the whole run took
 * @param {{ name: string, exitCode: number, seconds: number }[]} report.suites each suite's run
 * @param {string[]} [report.notes] lines said under the table
 * @example
 * writeFileSync('docs/parts/performance-report.md', renderReport(report));
 */
export function renderReport({ results, machine, date, command, seconds, suites, notes = [] }) {
  const counts = tally(results);
  const summary = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([verdict, count]) => `${count} ${verdict}`)
    .join(', ');
  const suiteRows = suites.map((suite) => ({
    suite: suite.name,
    command: suite.command,
    seconds: formatNumber(Math.round(suite.seconds)),
    exit: suite.exitCode === 0 ? 'ok' : `FAILED (exit ${suite.exitCode})`,
  }));
  return [
    "<!-- Written by `npm run bench` (scripts/bench-report.mjs); do not edit. Each language's performance.md",
    '     includes these regions between its own words. -->',
    ...region('date', [date]),
    ...region('command', [`\`${command}\``]),
    ...region('duration', [formatDuration(seconds)]),
    ...region('summary', [summary]),
    ...region('machine', [markdownTable(machine, ['label', 'value'], ['', ''])]),
    ...region('results', [
      markdownTable(results.map(rowOf), COLUMNS, [
        'suite',
        'figure',
        'value',
        'baseline',
        'ratio',
        'target',
        'result',
        'note',
      ]),
    ]),
    ...region('suites', [markdownTable(suiteRows, ['suite', 'command', 'seconds', 'exit'])]),
    ...region(
      'notes',
      notes.map((note) => `- ${note}`),
    ),
    '',
  ].join('\n');
}

/**
 * Seconds as `12 min 5 s`.
 *
 * @example
 * formatDuration(725); // '12 min 5 s'
 */
export function formatDuration(seconds) {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes} min ${whole % 60} s` : `${whole} s`;
}
