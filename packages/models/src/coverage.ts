import * as z from 'zod/mini';
import { COVERAGE_LEVELS, DOMAINS, STANDARD_BODIES } from './enums';
import { object } from './object';
import { openEnum } from './open-enum';
import { DateTimeSchema, IdSchema } from './primitives';

/** How many pain points are fully, partly or not covered. */
export const CoverageCountsSchema = object({
  full: z.number(),
  partial: z.number(),
  none: z.number(),
  total: z.number(),
});
export type CoverageCounts = z.infer<typeof CoverageCountsSchema>;

/** A pain point no standard fully addresses: the work list for standards committees. */
export const CoverageGapSchema = object({
  painPointId: IdSchema,
  domain: openEnum(DOMAINS),
  coverage: openEnum(COVERAGE_LEVELS),
  voteCount: z.number(),
});
export type CoverageGap = z.infer<typeof CoverageGapSchema>;

/** `GET /v1/coverage`: coverage per domain and per standards body, and the gap list. */
export const CoverageReportSchema = object({
  generatedAt: DateTimeSchema,
  totals: CoverageCountsSchema,
  byDomain: z.array(object({ domain: openEnum(DOMAINS), ...CoverageCountsSchema.shape })),
  byBody: z.array(object({ body: openEnum(STANDARD_BODIES), ...CoverageCountsSchema.shape })),
  /** Uncovered first, then partly covered; most voted first within each. */
  gaps: z.array(CoverageGapSchema),
});
export type CoverageReport = z.infer<typeof CoverageReportSchema>;
