import * as z from 'zod/mini';
import { CoverageLevelSchema, DomainSchema, StandardBodySchema } from './enums';
import { DateTimeSchema, IdSchema } from './primitives';

/** How many pain points are fully, partly or not covered. */
export const CoverageCountsSchema = z.object({
  full: z.number(),
  partial: z.number(),
  none: z.number(),
  total: z.number(),
});
export type CoverageCounts = z.infer<typeof CoverageCountsSchema>;

/** A pain point no standard fully addresses: the work list for standards committees. */
export const CoverageGapSchema = z.object({
  painPointId: IdSchema,
  domain: DomainSchema,
  coverage: CoverageLevelSchema,
  voteCount: z.number(),
});
export type CoverageGap = z.infer<typeof CoverageGapSchema>;

/** `GET /v1/coverage`: coverage per domain and per standards body, and the gap list. */
export const CoverageReportSchema = z.object({
  generatedAt: DateTimeSchema,
  totals: CoverageCountsSchema,
  byDomain: z.array(z.object({ domain: DomainSchema, ...CoverageCountsSchema.shape })),
  byBody: z.array(z.object({ body: StandardBodySchema, ...CoverageCountsSchema.shape })),
  /** Uncovered first, then partly covered; most voted first within each. */
  gaps: z.array(CoverageGapSchema),
});
export type CoverageReport = z.infer<typeof CoverageReportSchema>;
