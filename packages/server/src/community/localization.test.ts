import { describe, expect, it } from 'vitest';
import {
  contentLanguage,
  localizePair,
  localizeText,
  readingOrder,
  requestedLanguages,
} from './localization';

describe('localizePair', () => {
  const title = { zh: '供水管网漏损', en: 'Water network leaks', fr: 'Fuites du réseau' };
  const description = { zh: '老旧管道', en: 'Old pipes' };

  it('serves the first requested language the title has', () => {
    expect(localizePair(title, description, 'zh', ['fr', 'en'])).toEqual({
      title: { fr: 'Fuites du réseau' },
      // No French description: the reader's next choice (English) before the author's language.
      description: { en: 'Old pipes' },
      language: 'fr',
    });
    // English comes before the author's Chinese even when the reader did not list it.
    expect(localizePair(title, description, 'zh', ['fr']).description).toEqual({ en: 'Old pipes' });
  });

  it("falls back to English, then the author's language, then fr, es, ru, zh, ar", () => {
    expect(localizePair(title, description, 'zh', ['ru']).language).toBe('en');
    expect(localizePair({ es: 'Agua', en: 'Water' }, { es: 'x' }, 'es', []).language).toBe('en');
    expect(localizePair({ es: 'Agua', en: 'Water' }, { es: 'x' }, 'es', []).description).toEqual({ es: 'x' });
    // Without English, the author's language beats the other fallbacks.
    expect(localizePair({ fr: 'Eau', zh: '水' }, { zh: '水' }, 'zh', ['ru']).language).toBe('zh');
    expect(localizePair({ ar: 'ماء', ru: 'Вода' }, { ar: 'ماء' }, 'zh', []).language).toBe('ru');
    expect(readingOrder(['fr', 'ar'], 'zh')).toEqual(['fr', 'ar', 'en', 'zh']);
  });

  it('lets the description follow the title language when it can', () => {
    expect(localizePair(title, description, 'zh', ['en']).description).toEqual({ en: 'Old pipes' });
  });
});

describe('localizeText', () => {
  it('falls back to English', () => {
    expect(localizeText({ en: 'Indicators', fr: 'Indicateurs' }, ['ar'])).toEqual({
      text: { en: 'Indicators' },
      language: 'en',
    });
  });
});

describe('requestedLanguages and contentLanguage', () => {
  it('read Accept-Language and describe mixed lists', () => {
    expect(requestedLanguages('zh-CN,zh;q=0.9,en;q=0.8,de;q=0.7')).toEqual(['zh', 'en']);
    expect(requestedLanguages(undefined)).toEqual([]);
    expect(contentLanguage(['zh', 'en', 'zh'], [])).toBe('zh, en');
    expect(contentLanguage([], ['ar'])).toBe('ar');
    expect(contentLanguage([], [])).toBe('en');
  });
});
