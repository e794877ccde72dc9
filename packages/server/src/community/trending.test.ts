import { describe, expect, it } from 'vitest';
import { TRENDING_SECONDS_PER_TENFOLD, trendingScore } from './trending';

describe('trendingScore', () => {
  it('is log10(1 + votes) plus recency in units of 12.5 hours', () => {
    expect(trendingScore(9, new Date('2016-01-18T12:30:00Z'))).toBeCloseTo(2, 10);
    expect(trendingScore(0, new Date('2016-01-18T00:00:00Z'))).toBe(0);
  });

  it('ranks a pain point 12.5 hours newer like one with ten times the votes', () => {
    const older = new Date('2026-01-01T00:00:00Z');
    const newer = new Date(older.getTime() + TRENDING_SECONDS_PER_TENFOLD * 1000);
    expect(trendingScore(9, newer)).toBeCloseTo(trendingScore(99, older), 1);
    expect(trendingScore(1, newer)).toBeGreaterThan(trendingScore(5, older));
  });

  it('grows with votes', () => {
    const at = new Date('2026-06-01T00:00:00Z');
    expect(trendingScore(2, at)).toBeGreaterThan(trendingScore(1, at));
  });
});
