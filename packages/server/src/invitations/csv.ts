/** One record of a CSV file and the line it starts on (line 1 is the header). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Reads CSV (RFC 4180): commas, double-quoted cells with `""` escapes and line breaks inside
 * quotes, CRLF or LF line ends, a leading byte-order mark. Blank lines are skipped; each record
 * keeps the line it starts on, so errors can point at it.
 *
 * @example
 * parseCsv('code,maxUses\r\nITU-1,"2"\r\n'); // [{ line: 1, cells: ['code', 'maxUses'] }, { line: 2, cells: ['ITU-1', '2'] }]
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let touched = false;
  const endRecord = () => {
    if (touched || cells.length > 0) {
      cells.push(cell);
      records.push({ line: recordLine, cells });
    }
    cells = [];
    cell = '';
    touched = false;
  };
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index] as string;
    if (quoted) {
      if (character === '"') {
        if (source[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else quoted = false;
      } else {
        if (character === '\n') line += 1;
        cell += character;
      }
      continue;
    }
    if (character === '"') {
      quoted = true;
      touched = true;
    } else if (character === ',') {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (character === '\r' || character === '\n') {
      if (character === '\r' && source[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      if (!touched && cells.length === 0) recordLine = line;
      cell += character;
      touched = true;
    }
  }
  endRecord();
  return records.filter((record) => record.cells.some((value) => value.trim() !== ''));
}

/**
 * One CSV cell: quoted when needed; a value a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return first) gets a leading apostrophe (CSV injection).
 *
 * @example
 * csvCell('Zhao, Houlin'); // '"Zhao, Houlin"'
 * csvCell('=HYPERLINK("x")'); // '"\'=HYPERLINK(""x"")"'
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document with a header line and CRLF line ends.
 *
 * @example
 * toCsv(['id', 'name'], [['1', 'IEC']]); // 'id,name\r\n1,IEC\r\n'
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
