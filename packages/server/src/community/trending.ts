import { type Expression, type RawBuilder, sql } from 'kysely';

/** Zero of the trending clock: the day the community was launched (press release, 18 January 2016). */
export const TRENDING_EPOCH = '2016-01-18T00:00:00Z';

/** Seconds of recency worth ten times the votes (12.5 hours), as in Reddit's "hot" ranking. */
export const TRENDING_SECONDS_PER_TENFOLD = 45_000;

/**
 * The trending score of a pain point: log10(1 + votes) + seconds since {@link TRENDING_EPOCH}
 * / 45,000. It depends only on the vote count and the creation time, never on "now", so it is
 * stored, indexed and keyset-paginated like the other sorts, and changes only when votes do.
 *
 * @example
 * trendingScore(9, new Date('2016-01-18T12:30:00Z')); // 2
 */
export function trendingScore(voteCount: number, createdAt: Date): number {
  const seconds = (createdAt.getTime() - Date.parse(TRENDING_EPOCH)) / 1000;
  return Math.log10(1 + voteCount) + seconds / TRENDING_SECONDS_PER_TENFOLD;
}

/**
 * The same score computed by the database, for inserts and vote updates in one statement.
 *
 * @example
 * db.updateTable('pain_points').set({ trending_score: trendingScoreSql(sql`vote_count + 1`, sql.ref('created_at')) });
 */
export function trendingScoreSql(
  voteCount: Expression<number>,
  createdAt: Expression<Date>,
): RawBuilder<number> {
  return sql<number>`(log((1 + ${voteCount})::double precision) + extract(epoch from (${createdAt} - ${sql.lit(TRENDING_EPOCH)}::timestamptz))::double precision / ${sql.lit(TRENDING_SECONDS_PER_TENFOLD)})`;
}

/**
 * {@link trendingScoreSql} as SQL text over SQL text operands, for statements whose text is
 * built once (the vote statement).
 *
 * @example
 * trendingScoreText('vote_count + 1', 'created_at');
 */
export function trendingScoreText(voteCount: string, createdAt: string): string {
  return `(log((1 + ${voteCount})::double precision) + extract(epoch from (${createdAt} - '${TRENDING_EPOCH}'::timestamptz))::double precision / ${TRENDING_SECONDS_PER_TENFOLD})`;
}
