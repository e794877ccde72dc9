import { createHash } from 'node:crypto';

/**
 * The comparable form of a code or reference people type: trimmed, inner spaces dropped, upper
 * case (`itu-2016 0042` and `ITU-20160042` are one code).
 *
 * @example
 * normalizeCode(' itu-2016 0042 '); // 'ITU-20160042'
 */
export function normalizeCode(code: string): string {
  return code.trim().replace(/\s+/g, '').toUpperCase();
}

/**
 * What is stored of an invitation code, member code or co-located reference: a sha256 of its
 * normalized form, so a leaked table hands out no usable codes.
 *
 * @example
 * hashCode('ITU-2016-0042') === hashCode(' itu-2016-0042'); // true
 */
export function hashCode(code: string): string {
  return createHash('sha256').update(normalizeCode(code)).digest('hex');
}

/**
 * The last four characters, for lists and messages (`…0042`).
 *
 * @example
 * codeHint('ITU-2016-0042'); // '…0042'
 */
export function codeHint(code: string): string {
  return `…${normalizeCode(code).slice(-4)}`;
}
