import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../primitives';

/** Latin letters that Unicode normalization does not split into a base letter and a mark. */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

export interface SlugifyOptions {
  /** Used when the text yields no Latin letters (Chinese, Arabic, Russian titles). */
  fallbackId?: string;
  /** Default SLUG_MAX_LENGTH (80). */
  maxLength?: number;
}

function toSlug(text: string, maxLength: number): string {
  const ascii = text
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => LATIN_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : ascii.slice(0, maxLength)).replace(
    /-+$/,
    '',
  );
}

/**
 * Makes a URL slug from a title: Latin diacritics become plain letters, everything else a hyphen,
 * cut at a word boundary. A title with (almost) no Latin letters gets a short slug from the id.
 *
 * @example
 * slugify('Qualité de l’eau à São Paulo'); // 'qualite-de-l-eau-a-sao-paulo'
 * slugify('智慧城市的交通拥堵', { fallbackId: 'pp_8f3K2x9Q' }); // 'pp-8f3k2x9q'
 */
export function slugify(text: string, options: SlugifyOptions = {}): string {
  const maxLength = options.maxLength ?? SLUG_MAX_LENGTH;
  const slug = toSlug(text, maxLength);
  if (slug.length >= 3 || options.fallbackId === undefined) return slug;
  return toSlug(options.fallbackId, Math.min(maxLength, 16)) || slug;
}

/**
 * Tells whether a string is a slug the platform accepts.
 *
 * @example
 * isValidSlug('flooded-underpasses'); // true
 * isValidSlug('Flooded underpasses'); // false
 */
export function isValidSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}
