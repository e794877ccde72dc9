import { describe, expect, it } from 'vitest';
import { CoverageReportSchema } from '../coverage';
import { bestCoverage, computeCoverage } from './coverage';

const standards = [
  { id: 'iso-37120-2018', body: 'ISO' as const },
  { id: 'itu-t-y4900', body: 'ITU' as const },
  { id: 'iec-61850', body: 'IEC' as const },
];

describe('computeCoverage', () => {
  const report = computeCoverage({
    painPoints: [
      { id: 'a', domain: 'water', voteCount: 5 },
      { id: 'b', domain: 'water', voteCount: 9 },
      { id: 'c', domain: 'energy', voteCount: 1 },
      { id: 'd', domain: 'privacy', voteCount: 2 },
      { id: 'e', domain: 'privacy', voteCount: 7 },
    ],
    mappings: [
      { painPointId: 'a', standardId: 'iso-37120-2018', coverage: 'partial' },
      { painPointId: 'a', standardId: 'itu-t-y4900', coverage: 'full' },
      { painPointId: 'c', standardId: 'iec-61850', coverage: 'partial' },
      { painPointId: 'd', standardId: 'iso-37120-2018', coverage: 'none' },
    ],
    standards,
    generatedAt: '2016-07-13T00:00:00Z',
  });

  it('takes the best mapping of each pain point; no mapping is none', () => {
    expect(report.totals).toEqual({ full: 1, partial: 1, none: 3, total: 5 });
  });

  it('counts per domain, listing every domain', () => {
    expect(report.byDomain).toHaveLength(11);
    expect(report.byDomain.find((row) => row.domain === 'water')).toEqual({
      domain: 'water',
      full: 1,
      partial: 0,
      none: 1,
      total: 2,
    });
  });

  it('counts per body with that body’s standards only', () => {
    const iso = report.byBody.find((row) => row.body === 'ISO');
    const itu = report.byBody.find((row) => row.body === 'ITU');
    expect(iso).toEqual({ body: 'ISO', full: 0, partial: 1, none: 4, total: 5 });
    expect(itu).toEqual({ body: 'ITU', full: 1, partial: 0, none: 4, total: 5 });
  });

  it('lists gaps: uncovered first, then partial, most voted first', () => {
    expect(report.gaps.map((gap) => [gap.painPointId, gap.coverage])).toEqual([
      ['b', 'none'],
      ['e', 'none'],
      ['d', 'none'],
      ['c', 'partial'],
    ]);
  });

  it('produces a report the schema accepts', () => {
    expect(CoverageReportSchema.safeParse(report).success).toBe(true);
  });

  it('picks the best coverage level', () => {
    expect(bestCoverage('partial', 'full')).toBe('full');
    expect(bestCoverage('none', 'partial')).toBe('partial');
    expect(bestCoverage('none', 'none')).toBe('none');
  });
});
