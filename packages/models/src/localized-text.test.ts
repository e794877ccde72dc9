import { describe, expect, it } from 'vitest';
import {
  LocalizedTextSchema,
  localizedTextSchema,
  parseAcceptLanguage,
  resolveText,
  textDirection,
} from './localized-text';
import { issuePaths } from './test-support';

describe('LocalizedTextSchema', () => {
  it('accepts text in any one language', () => {
    expect(LocalizedTextSchema.parse({ zh: '交通拥堵' })).toEqual({ zh: '交通拥堵' });
  });

  it('rejects an empty object, blank text and unknown languages are stripped', () => {
    expect(LocalizedTextSchema.safeParse({}).success).toBe(false);
    expect(LocalizedTextSchema.safeParse({ en: '   ' }).success).toBe(false);
    expect(LocalizedTextSchema.safeParse({ de: 'Wasser' }).success).toBe(false);
  });

  it('names the language whose text is too long or not a string', () => {
    expect(issuePaths(localizedTextSchema(5, 'single'), { en: 'Too long' })).toEqual(['en']);
    expect(issuePaths(LocalizedTextSchema, { en: 'Water', fr: 3 })).toEqual(['fr']);
  });
});

describe('parseAcceptLanguage', () => {
  it('orders by quality, collapses regions, drops unknown and q=0', () => {
    expect(parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7')).toEqual(['fr', 'en']);
    expect(parseAcceptLanguage('de, zh-Hans-CN;q=0.5, ar;q=0.9, es;q=0')).toEqual(['ar', 'zh']);
    expect(parseAcceptLanguage('ru;q=0.3, *;q=0.1, EN')).toEqual(['en', 'ru']);
  });

  it('reads nothing from an empty or absent header', () => {
    expect(parseAcceptLanguage('')).toEqual([]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });
});

describe('resolveText', () => {
  const text = { fr: 'Fuites d’eau', en: 'Water leaks', ar: 'تسرب المياه' };

  it('serves the requested language when present', () => {
    expect(resolveText(text, 'fr')).toEqual({ text: 'Fuites d’eau', language: 'fr' });
    expect(resolveText(text, ['zh', 'ar'])).toEqual({ text: 'تسرب المياه', language: 'ar' });
  });

  it('falls back to English, then French, Spanish, Russian, Chinese, Arabic', () => {
    expect(resolveText(text, 'zh')).toEqual({ text: 'Water leaks', language: 'en' });
    expect(resolveText({ ar: 'أ', zh: '中', ru: 'р' }, 'es')).toEqual({ text: 'р', language: 'ru' });
    expect(resolveText({ ar: 'أ', zh: '中' }, [])).toEqual({ text: '中', language: 'zh' });
    expect(resolveText({ ar: 'أ' })).toEqual({ text: 'أ', language: 'ar' });
  });

  it('skips blank values and reads an Accept-Language header', () => {
    expect(resolveText({ fr: ' ', es: 'Agua' }, 'fr')).toEqual({ text: 'Agua', language: 'es' });
    expect(resolveText(text, 'ar-SA,fr;q=0.5')).toEqual({ text: 'تسرب المياه', language: 'ar' });
  });
});

describe('textDirection', () => {
  it('is right-to-left for Arabic only', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('zh')).toBe('ltr');
  });
});
