import type { CoverageCounts, CoverageGap, CoverageReport } from '../coverage';
import { type CoverageLevel, DOMAINS, type Domain, STANDARD_BODIES, type StandardBody } from '../enums';

/** The parts of a pain point, mapping and standard the computation reads. */
export interface CoverageInput {
  painPoints: readonly { id: string; domain: Domain; voteCount: number }[];
  mappings: readonly { painPointId: string; standardId: string; coverage: CoverageLevel }[];
  standards: readonly { id: string; body: StandardBody }[];
  /** Stamp for `generatedAt`; pass it in so the function stays pure. */
  generatedAt: string;
}

const RANK: Record<CoverageLevel, number> = { full: 0, partial: 1, none: 2 };

/**
 * Returns the better of two coverage levels (`full` beats `partial` beats `none`).
 *
 * @example
 * bestCoverage('partial', 'full'); // 'full'
 */
export function bestCoverage(left: CoverageLevel, right: CoverageLevel): CoverageLevel {
  return RANK[left] <= RANK[right] ? left : right;
}

function emptyCounts(): CoverageCounts {
  return { full: 0, partial: 0, none: 0, total: 0 };
}

function count(counts: CoverageCounts, level: CoverageLevel): void {
  counts[level] += 1;
  counts.total += 1;
}

/**
 * Computes the coverage report: a pain point's coverage is the best coverage of its mappings
 * (none without mappings), overall, per domain, and per standards body (counting only that
 * body's standards). Gaps list uncovered pain points first, then partly covered, most voted first.
 *
 * @example
 * computeCoverage({
 *   painPoints: [{ id: 'p1', domain: 'water', voteCount: 3 }],
 *   mappings: [{ painPointId: 'p1', standardId: 'iso-24510-2007', coverage: 'partial' }],
 *   standards: [{ id: 'iso-24510-2007', body: 'ISO' }],
 *   generatedAt: new Date().toISOString(),
 * }).gaps; // [{ painPointId: 'p1', domain: 'water', coverage: 'partial', voteCount: 3 }]
 */
export function computeCoverage(input: CoverageInput): CoverageReport {
  const bodyOf = new Map(input.standards.map((standard) => [standard.id, standard.body]));
  const overall = new Map<string, CoverageLevel>();
  const perBody = new Map<string, CoverageLevel>();
  for (const mapping of input.mappings) {
    overall.set(
      mapping.painPointId,
      bestCoverage(overall.get(mapping.painPointId) ?? 'none', mapping.coverage),
    );
    const body = bodyOf.get(mapping.standardId);
    if (body) {
      const key = `${body} ${mapping.painPointId}`;
      perBody.set(key, bestCoverage(perBody.get(key) ?? 'none', mapping.coverage));
    }
  }

  const totals = emptyCounts();
  const byDomain = DOMAINS.map((domain) => ({ domain, ...emptyCounts() }));
  const byBody = STANDARD_BODIES.map((body) => ({ body, ...emptyCounts() }));
  // Built from this version's own levels, so the ranking below needs no default.
  const gaps: (CoverageGap & { coverage: CoverageLevel })[] = [];
  for (const painPoint of input.painPoints) {
    const coverage = overall.get(painPoint.id) ?? 'none';
    count(totals, coverage);
    const domainCounts = byDomain[DOMAINS.indexOf(painPoint.domain)];
    if (domainCounts) count(domainCounts, coverage);
    for (const bodyCounts of byBody)
      count(bodyCounts, perBody.get(`${bodyCounts.body} ${painPoint.id}`) ?? 'none');
    if (coverage !== 'full') {
      gaps.push({
        painPointId: painPoint.id,
        domain: painPoint.domain,
        coverage,
        voteCount: painPoint.voteCount,
      });
    }
  }
  gaps.sort(
    (left, right) =>
      RANK[right.coverage] - RANK[left.coverage] ||
      right.voteCount - left.voteCount ||
      (left.painPointId < right.painPointId ? -1 : 1),
  );
  return { generatedAt: input.generatedAt, totals, byDomain, byBody, gaps };
}
