import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Flooded underpasses', 'flooded-underpasses'],
    ['Qualité de l’eau à São Paulo', 'qualite-de-l-eau-a-sao-paulo'],
    ['Straßenbeleuchtung in Łódź', 'strassenbeleuchtung-in-lodz'],
    ['  ISO/IEC 30182:2017 — Smart city concept model ', 'iso-iec-30182-2017-smart-city-concept-model'],
    ['Ærø Øresund Œuvre', 'aero-oresund-oeuvre'],
    ['Bogotá: ¿Dónde está el agua?', 'bogota-donde-esta-el-agua'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('falls back to an id-based slug for non-Latin titles', () => {
    expect(slugify('智慧城市的交通拥堵', { fallbackId: 'pp_8f3K2x9Q' })).toBe('pp-8f3k2x9q');
    expect(slugify('ازدحام المرور', { fallbackId: '01HZX3Q9Y7K2M4N6P8R0T2V4W6' })).toBe('01hzx3q9y7k2m4n6');
    expect(slugify('Пробки', { fallbackId: 'abc' })).toBe('abc');
    expect(slugify('智慧城市')).toBe('');
  });

  it('cuts at a word boundary within the maximum length', () => {
    expect(slugify('water leaks found too late in old networks', { maxLength: 20 })).toBe(
      'water-leaks-found',
    );
    expect(slugify('a'.repeat(100)).length).toBe(80);
  });

  it('always yields a valid slug (or nothing) from any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        const slug = slugify(text, { fallbackId: 'pp_1' });
        expect(slug === '' || isValidSlug(slug)).toBe(true);
      }),
    );
  });
});

describe('isValidSlug', () => {
  it('accepts lower-case hyphenated words only', () => {
    expect(isValidSlug('iso-37120-2018')).toBe(true);
    expect(isValidSlug('ISO-37120')).toBe(false);
    expect(isValidSlug('-leading')).toBe(false);
    expect(isValidSlug('double--hyphen')).toBe(false);
    expect(isValidSlug('a'.repeat(81))).toBe(false);
  });
});
