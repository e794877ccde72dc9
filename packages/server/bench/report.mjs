// Plain-text tables for benchmark output: aligned columns, no dependencies.

/**
 * Renders rows (objects) as an aligned text table with the given columns.
 *
 * @example
 * console.log(table([{ route: 'list', rps: 1200 }], ['route', 'rps']));
 */
export function table(rows, columns) {
  const cells = rows.map((row) => columns.map((column) => format(row[column])));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((line) => line[index].length)),
  );
  const line = (values) =>
    values
      .map((value, index) => value.padEnd(widths[index]))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

function format(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    return Math.abs(value) >= 100
      ? value.toFixed(0)
      : Math.abs(value) >= 1
        ? value.toFixed(2)
        : value.toFixed(3);
  }
  return String(value);
}

/** A ratio rounded for reading, or '' when either side is missing. */
export function ratio(numerator, denominator) {
  if (!numerator || !denominator) return null;
  return Number((numerator / denominator).toFixed(3));
}

/**
 * The value at `fraction` (0.99 for p99) of an ascending list; null when it is empty.
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5); // 3
 */
export function percentile(sorted, fraction) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}
