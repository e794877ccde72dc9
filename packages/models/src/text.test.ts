import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CommentCreateSchema } from './comment';
import { localizedTextSchema } from './localized-text';
import { PainPointCreateSchema } from './pain-point';
import { CityNameSchema } from './primitives';
import { ProfileUpdateSchema } from './stakeholder';
import { issuePaths } from './test-support';
import { type TextLines, textProblem, textRule } from './text';

/** Text no field takes, each with the message's telling words. */
const REFUSED_EVERYWHERE: [string, string, RegExp][] = [
  ['a lone high surrogate', 'Gen\uD800eva', /lone surrogate \(U\+D800\)/],
  ['a lone low surrogate', '\uDC00', /lone surrogate \(U\+DC00\)/],
  ['NUL', 'Gen\u0000eva', /control character U\+0000/],
  ['BEL', 'a\u0007b', /control character U\+0007/],
  ['ESC', '\u001b[31mred', /control character U\+001B/],
  ['DEL', 'a\u007fb', /control character U\+007F/],
  ['a C1 control', 'a\u0085b', /control character U\+0085/],
  ['zero-width spaces only', '\u200B\u200B', /only invisible/],
  ['ZWNJ and ZWJ only', '\u200C\u200D', /only invisible/],
  ['a byte order mark and a word joiner', '\uFEFF\u2060', /only invisible/],
  ['a soft hyphen', '\u00AD', /only invisible/],
  ['bidi marks and isolates', '\u200E\u200F\u2066\u2069\u202E', /only invisible/],
  ['white space around a zero-width space', '  \u200B \u3000', /only invisible/],
  ['a combining mark alone', '\u0301', /only invisible/],
  ['a Hangul filler', '\u3164', /only invisible/],
];

/** Refused in single-line text only. */
const LINE_BREAKS: [string, string][] = [
  ['LF', 'Gen\neva'],
  ['CR', 'Gen\reva'],
  ['CR LF', 'Geneva\r\n'],
  ['TAB', 'Gen\teva'],
  ['a line separator', 'Gen\u2028eva'],
];

/** Accepted in both. */
const ACCEPTED: [string, string][] = [
  ['Chinese', '深圳'],
  ['Arabic with a right-to-left mark', 'دبي\u200F'],
  ['Persian with a ZWNJ', 'می\u200Cخواهم'],
  ['an emoji joined with ZWJ', '👩\u200D💻 Smart city'],
  ['a flag (surrogate pairs)', 'Genève 🇨🇭'],
  ['Devanagari with combining marks', 'मुंबई'],
  ['white space only (left to trimming and minimum lengths)', '   '],
  ['empty', ''],
];

describe.each<TextLines>(['single', 'multiple'])('textProblem for %s-line text', (lines) => {
  it.each(REFUSED_EVERYWHERE)('refuses %s', (_, value, message) => {
    expect(textProblem(value, lines)).toMatch(message);
  });

  it.each(ACCEPTED)('accepts %s', (_, value) => {
    expect(textProblem(value, lines)).toBeNull();
  });

  it.each(LINE_BREAKS)(`${lines === 'single' ? 'refuses' : 'accepts'} %s`, (_, value) => {
    if (lines === 'single') expect(textProblem(value, lines)).toMatch(/Must be one line/);
    else expect(textProblem(value, lines)).toBeNull();
  });
});

describe('textRule', () => {
  it('refuses before trimming, so a line break at the end is not trimmed away', () => {
    const schema = z.string().check(textRule('single'), z.trim());
    expect(schema.safeParse('Geneva\n').success).toBe(false);
    expect(schema.parse('  Geneva ')).toBe('Geneva');
  });

  it('never replaces a character: accepted text comes back as sent', () => {
    const schema = z.string().check(textRule('multiple'));
    expect(schema.parse('Line one\r\n\tLine two 👩\u200D💻')).toBe('Line one\r\n\tLine two 👩\u200D💻');
  });
});

describe('text fields of the request schemas', () => {
  it('names the field path of the refused text', () => {
    expect(issuePaths(CityNameSchema, 'Gen\neva')).toEqual(['']);
    expect(issuePaths(localizedTextSchema(200, 'single'), { en: 'Water', fr: 'Eau\u0000' })).toEqual(['fr']);
    expect(issuePaths(ProfileUpdateSchema, { displayName: 'Ana\nBel', bio: 'Line one\nLine two' })).toEqual([
      'displayName',
    ]);
    expect(issuePaths(CommentCreateSchema, { body: '\u200B\u200D' })).toEqual(['body']);
    expect(
      issuePaths(PainPointCreateSchema, {
        title: { en: 'Flooded\nunderpasses' },
        description: { en: 'First line\nsecond line' },
        domain: 'water',
        severity: 'low',
        city: 'Gen\uD800',
      }),
    ).toEqual(['title.en', 'city']);
  });
});
