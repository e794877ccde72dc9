import * as z from 'zod/mini';
import { LANGUAGES, type Language } from './enums';
import { object } from './object';
import { type TextLines, textRule } from './text';

/** Text in one or more UN languages: `{ en: 'Water leaks', fr: "Fuites d'eau" }`. */
export type LocalizedText = Partial<Record<Language, string>>;

/** Order tried after the requested languages: English first, then the other UN languages. */
export const FALLBACK_LANGUAGES: readonly Language[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];

function localizedText(value: z.ZodMiniOptional<z.ZodMiniString<string>>) {
  return object({ ar: value, zh: value, en: value, fr: value, ru: value, es: value }).check(
    z.refine((text) => LANGUAGES.some((language) => (text[language] ?? '').trim() !== ''), {
      message: 'Give the text in at least one language (ar, zh, en, fr, ru or es)',
    }),
  );
}

/**
 * Builds the LocalizedText schema of a request field: values of at most `maxLength` characters,
 * each held to the text rule (`textRule`) of single-line text (titles, names) or multi-line text
 * (descriptions), so an issue names the language (`title.en`). At least one language must hold
 * non-blank text; the issue then points at the object itself.
 *
 * @example
 * const TitleSchema = localizedTextSchema(200, 'single');
 * TitleSchema.parse({ en: 'Flooded underpasses' });
 */
export function localizedTextSchema(maxLength: number, lines: TextLines) {
  return localizedText(z.optional(z.string().check(textRule(lines), z.maxLength(maxLength))));
}

/** LocalizedText with a generous length limit, for responses and catalogue data. */
export const LocalizedTextSchema = localizedText(z.optional(z.string().check(z.maxLength(20_000))));

const LANGUAGE_SET: ReadonlySet<string> = new Set(LANGUAGES);

/**
 * Tells whether a string is one of the six platform languages.
 *
 * @example
 * isLanguage('fr'); // true
 * isLanguage('de'); // false
 */
export function isLanguage(value: string): value is Language {
  return LANGUAGE_SET.has(value);
}

/**
 * Reads an HTTP `Accept-Language` header into platform languages, most preferred first.
 * Regional tags collapse to their language (`zh-Hans-CN` → `zh`); unknown languages, `*` and
 * `q=0` entries are dropped; each language appears once.
 *
 * @example
 * parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7'); // ['fr', 'en']
 */
export function parseAcceptLanguage(header: string | null | undefined): Language[] {
  if (!header) return [];
  const ranked: { language: Language; quality: number; order: number }[] = [];
  header.split(',').forEach((part, order) => {
    const [tag = '', ...parameters] = part.trim().split(';');
    const language = tag.trim().toLowerCase().split('-')[0] ?? '';
    if (!isLanguage(language)) return;
    let quality = 1;
    for (const parameter of parameters) {
      const [name, value] = parameter.trim().split('=');
      if (name?.trim() === 'q' && value !== undefined) {
        const parsed = Number(value.trim());
        quality = Number.isFinite(parsed) ? parsed : 0;
      }
    }
    if (quality > 0) ranked.push({ language, quality, order });
  });
  ranked.sort((left, right) => right.quality - left.quality || left.order - right.order);
  return [...new Set(ranked.map((entry) => entry.language))];
}

/**
 * Picks the text to show: the requested languages in order, then English, then French,
 * Spanish, Russian, Chinese and Arabic. Blank values are skipped. `preferred` may be one
 * language, a list, or a raw `Accept-Language` header. For text with an author language (pain
 * points), pass `[...requested, 'en', original]`: the platform's order is the reader's
 * languages, English, the author's language, then the fallbacks (as the server serves it).
 *
 * @example
 * resolveText({ fr: 'Eau', en: 'Water' }, 'fr'); // { text: 'Eau', language: 'fr' }
 * resolveText({ fr: 'Eau', en: 'Water' }, 'zh-CN,zh;q=0.9'); // { text: 'Water', language: 'en' }
 * resolveText({ zh: '水', ar: 'ماء' }, ['fr', 'en', 'zh']); // { text: '水', language: 'zh' }
 */
export function resolveText(
  text: LocalizedText,
  preferred: Language | readonly Language[] | string | null | undefined = [],
): { text: string; language: Language } {
  const requested: readonly Language[] =
    typeof preferred === 'string'
      ? isLanguage(preferred)
        ? [preferred]
        : parseAcceptLanguage(preferred)
      : (preferred ?? []);
  for (const language of [...requested, ...FALLBACK_LANGUAGES]) {
    const value = text[language];
    if (value !== undefined && value.trim() !== '') return { text: value, language };
  }
  return { text: '', language: requested[0] ?? 'en' };
}

/**
 * Writing direction of a language, for the `dir` attribute.
 *
 * @example
 * textDirection('ar'); // 'rtl'
 * textDirection('zh'); // 'ltr'
 */
export function textDirection(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}
