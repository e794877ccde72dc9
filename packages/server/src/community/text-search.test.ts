import { describe, expect, it } from 'vitest';
import { containsPattern, searchTerms, textSearchCondition } from './text-search';

describe('searchTerms', () => {
  it('splits on any whitespace and keeps unspaced scripts whole', () => {
    expect(searchTerms('  water \t leaks\n')).toEqual(['water', 'leaks']);
    expect(searchTerms('城市交通')).toEqual(['城市交通']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('keeps at most eight words', () => {
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('50%')).toBe('%50\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('back\\slash')).toBe('%back\\\\slash%');
    expect(containsPattern('交通')).toBe('%交通%');
  });
});

describe('textSearchCondition', () => {
  it('is null for a blank or absent query', () => {
    expect(textSearchCondition('pain_points', undefined)).toBeNull();
    expect(textSearchCondition('pain_points', '  ')).toBeNull();
  });

  it('binds every word as a parameter, never in the SQL text', () => {
    const condition = textSearchCondition('pain_points', "x'; drop table votes; -- 交通");
    expect(condition).not.toBeNull();
  });
});
