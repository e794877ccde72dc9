// RFC 4180 CSV of pain points: CRLF line ends, fields quoted when they hold a comma, a quote or a
// line break (quotes doubled), UTF-8 with a byte order mark so that Excel reads Chinese and Arabic
// right instead of guessing a legacy code page.

export const BYTE_ORDER_MARK = '\uFEFF';
const LINE_END = '\r\n';

/**
 * One field: quoted only when it must be. Text written by the community that starts like a
 * spreadsheet formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading apostrophe, so that
 * opening the export cannot run a formula someone typed into a title (OWASP "CSV injection").
 *
 * @param {string | number | null | undefined} value
 * @param {{ text?: boolean }} [options] `text`: the value was written by a person.
 * @example
 * csvField('Water, leaks'); // '"Water, leaks"'
 * csvField('=HYPERLINK("x")', { text: true }); // '"\'=HYPERLINK(""x"")"'
 */
export function csvField(value, options = {}) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (options.text && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The columns, in order: a header name and how to read it from a pain point. */
const COLUMNS = /** @type {const} */ ([
  ['id', (/** @type {PainPoint} */ painPoint) => painPoint.id],
  ['country', (/** @type {PainPoint} */ painPoint) => painPoint.country],
  ['city', (/** @type {PainPoint} */ painPoint) => painPoint.city, true],
  ['domain', (/** @type {PainPoint} */ painPoint) => painPoint.domain],
  ['severity', (/** @type {PainPoint} */ painPoint) => painPoint.severity],
  ['status', (/** @type {PainPoint} */ painPoint) => painPoint.status],
  ['language', (/** @type {PainPoint} */ painPoint) => painPoint.language],
  ['title', (/** @type {PainPoint} */ painPoint) => localized(painPoint.title, painPoint.language), true],
  [
    'description',
    (/** @type {PainPoint} */ painPoint) => localized(painPoint.description, painPoint.language),
    true,
  ],
  ['votes', (/** @type {PainPoint} */ painPoint) => painPoint.voteCount],
  ['comments', (/** @type {PainPoint} */ painPoint) => painPoint.commentCount],
  ['created_at', (/** @type {PainPoint} */ painPoint) => painPoint.createdAt],
  ['updated_at', (/** @type {PainPoint} */ painPoint) => painPoint.updatedAt],
]);

/** @typedef {import('@wsc/models').PainPointView} PainPoint */

/**
 * The text in the language the API served it in, else the first language it has.
 * @param {Partial<Record<string, string>>} text
 * @param {string} language
 */
function localized(text, language) {
  return text[language] ?? Object.values(text).find((value) => value) ?? '';
}

/** The header line, after the byte order mark. */
export function csvHeader() {
  return `${BYTE_ORDER_MARK}${COLUMNS.map(([name]) => name).join(',')}${LINE_END}`;
}

/**
 * One pain point as one CSV record (line break included).
 *
 * @param {PainPoint} painPoint
 * @example
 * csvRow(painPoint); // 'pp_1,CH,Geneva,water,high,open,fr,Fuites,…\r\n'
 */
export function csvRow(painPoint) {
  return `${COLUMNS.map(([, read, text]) => csvField(read(painPoint), { text: text === true })).join(',')}${LINE_END}`;
}
