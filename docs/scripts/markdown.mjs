// Text from the OpenAPI document and the custom-elements manifest written into Markdown that VitePress
// compiles as Vue templates: outside `code`, `<`, `>` and `{` would be read as HTML or as Vue
// interpolation, so they become entities; code spans are left as written (VitePress shows them verbatim).

/**
 * Escapes prose for a Markdown page, keeping `code spans` as they are.
 * @param {string} text
 * @example
 * escapeText('https://…/problems/<slug> and `{ id }`'); // 'https://…/problems/&lt;slug&gt; and `{ id }`'
 */
export function escapeText(text) {
  return text
    .split(/(`[^`]*`)/)
    .map((part, index) =>
      index % 2 === 1 ? part : part.replace(/[<>{}]/g, (character) => `&#${character.charCodeAt(0)};`),
    )
    .join('');
}

/**
 * One table cell: escaped, on one line, with `|` no longer ending the cell.
 * @param {string | undefined} text
 */
export function cell(text) {
  if (!text) return '';
  return escapeText(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/**
 * A Markdown table.
 * @param {string[]} headings
 * @param {string[][]} rows cells already made with {@link cell} (or code spans)
 */
export function table(headings, rows) {
  return [
    `| ${headings.join(' | ')} |`,
    `| ${headings.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/**
 * A code span that survives any backticks inside it.
 * @param {string} text
 */
export function code(text) {
  const fence = text.includes('`') ? '``' : '`';
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`.replace(/\|/g, '\\|');
}

/**
 * The file-name part of a heading or tag (`pain points` → `pain-points`).
 * @param {string} text
 */
export function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
