/**
 * Text made safe to place in HTML, between tags or in a quoted attribute.
 *
 * @param {unknown} value
 * @example
 * escapeHtml('<b>"R&D"</b>'); // '&#60;b&#62;&#34;R&#38;D&#34;&#60;/b&#62;'
 */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
