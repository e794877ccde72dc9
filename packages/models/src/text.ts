import * as z from 'zod/mini';

/** One line (names, titles, cities) or several (descriptions, comments, notes). */
export type TextLines = 'single' | 'multiple';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls but TAB, LF and CR, then DEL and the C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// What single-line text may not hold besides: TAB, LF, CR and the Unicode line separators.
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
// Characters that show nothing on their own: white space, format characters (zero-width space,
// ZWNJ, ZWJ, word joiner, BOM, soft hyphen, bidi marks, embeddings and isolates), combining marks
// and variation selectors with nothing to combine with, and the Hangul fillers.
const INVISIBLE = /[\s\p{Cf}\p{Mn}\u115F\u1160\u3164\uFFA0]/gu;

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why `value` is not acceptable as text a person typed, or null when it is: a lone UTF-16
 * surrogate (it cannot be stored as UTF-8, and replacing it would change the text), a control
 * character (NUL and the other C0 and C1 controls; TAB, LF and CR are allowed in multi-line
 * text), a line break or TAB in single-line text, or text made only of invisible characters
 * (zero-width characters, soft hyphens, bidi marks, white space) with at least one that is not
 * white space. Plain white space is left to the field's own rules (trimming, minimum length).
 *
 * @example
 * textProblem('Geneva', 'single'); // null
 * textProblem('Gen\neva', 'single'); // 'Must be one line, without line breaks or tabs'
 * textProblem('\u200B\u200D', 'multiple'); // 'Holds only invisible characters'
 */
export function textProblem(value: string, lines: TextLines): string | null {
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) {
    return `Contains a lone surrogate (${codePoint(surrogate[0])}), not a character: send valid Unicode`;
  }
  const control = CONTROL.exec(value);
  if (control) return `Contains the control character ${codePoint(control[0])}`;
  if (lines === 'single' && LINE_BREAK_OR_TAB.test(value)) {
    return 'Must be one line, without line breaks or tabs';
  }
  if (value.trim() !== '' && value.replace(INVISIBLE, '') === '') {
    return 'Holds only invisible characters';
  }
  return null;
}

/**
 * The zod check of every text field a request carries: refuses what {@link textProblem}
 * refuses, with its message, on the field's own path. Put it first, before `z.trim()`, so a line
 * break at either end is refused rather than trimmed away.
 *
 * @example
 * const CityNameSchema = z.string().check(textRule('single'), z.trim(), z.minLength(1));
 */
export function textRule(lines: TextLines) {
  // A plain refine (a yes-or-no predicate), so `compileCheck` keeps compiling the schemas that hold
  // it; the message is worked out only for text that fails.
  return z.refine<string>((value) => textProblem(value, lines) === null, {
    error: (issue) => textProblem(String(issue.input), lines) ?? 'Invalid text',
  });
}
