import { describe, expect, it } from 'vitest';
import { hidesOnReports } from './report-hiding';

describe('hidesOnReports', () => {
  it('hides on three reporters from two independent sources', () => {
    expect(hidesOnReports({ reporters: 3, independentSources: 2 })).toBe(true);
  });

  it.each([
    ['ten reporters of one source', { reporters: 10, independentSources: 1 }],
    ['reporters of no independent source', { reporters: 5, independentSources: 0 }],
    ['two reporters of two sources', { reporters: 2, independentSources: 2 }],
  ])('does not hide on %s', (_label, tally) => {
    expect(hidesOnReports(tally)).toBe(false);
  });
});
