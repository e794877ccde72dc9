import {
  FALLBACK_LANGUAGES,
  type Language,
  type LocalizedText,
  parseAcceptLanguage,
  resolveText,
} from '@wsc/models';

/** A localized pair (title + description) reduced to the language the reader gets. */
export interface LocalizedPair {
  title: LocalizedText;
  description: LocalizedText;
  language: Language;
}

/**
 * The order languages are tried in for text with an author language: the reader's
 * `Accept-Language` preferences, then English (the platform's common language: a French reader
 * understands it more often than the author's Chinese), then the author's language, then
 * `resolveText`'s fallbacks (fr, es, ru, zh, ar).
 *
 * @example
 * readingOrder(['fr'], 'zh'); // ['fr', 'en', 'zh']
 */
export function readingOrder(requested: readonly Language[], original: Language): Language[] {
  return [...requested, 'en', original];
}

/**
 * Picks the reader's language for a title and description in {@link readingOrder}. The title
 * decides `language`; the description follows it when it has that language.
 *
 * @example
 * localizePair({ zh: '交通', en: 'Traffic' }, { zh: '拥堵' }, 'zh', ['fr']);
 * // { title: { en: 'Traffic' }, description: { zh: '拥堵' }, language: 'en' }
 */
export function localizePair(
  title: LocalizedText,
  description: LocalizedText,
  original: Language,
  requested: readonly Language[],
): LocalizedPair {
  const order = readingOrder(requested, original);
  const chosenTitle = resolveText(title, order);
  const chosenDescription = resolveText(description, [chosenTitle.language, ...order]);
  return {
    title: { [chosenTitle.language]: chosenTitle.text },
    description: { [chosenDescription.language]: chosenDescription.text },
    language: chosenTitle.language,
  };
}

/**
 * Picks one language for a LocalizedText with no author language (standards): the reader's
 * preferences, then the platform fallbacks.
 *
 * @example
 * localizeText({ en: 'Indicators', fr: 'Indicateurs' }, ['fr']); // { text: { fr: 'Indicateurs' }, language: 'fr' }
 */
export function localizeText(
  text: LocalizedText,
  requested: readonly Language[],
): { text: LocalizedText; language: Language } {
  const chosen = resolveText(text, requested);
  return { text: { [chosen.language]: chosen.text }, language: chosen.language };
}

/**
 * The reader's languages from `Accept-Language`, most preferred first (may be empty).
 *
 * @example
 * requestedLanguages('zh-CN,zh;q=0.9,en;q=0.8'); // ['zh', 'en']
 */
export function requestedLanguages(header: string | string[] | undefined): Language[] {
  return parseAcceptLanguage(Array.isArray(header) ? header.join(',') : header);
}

/**
 * The `Content-Language` value of a response holding items served in `languages`: each
 * language once, in the order met; the reader's first choice (or English) when there is none.
 *
 * @example
 * contentLanguage(['zh', 'en', 'zh'], []); // 'zh, en'
 */
export function contentLanguage(languages: readonly string[], requested: readonly Language[]): string {
  const unique = [...new Set(languages)];
  if (unique.length > 0) return unique.join(', ');
  return requested[0] ?? FALLBACK_LANGUAGES[0] ?? 'en';
}
