import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { trendingScoreSql } from '../pain-points/trending';

type Database = Kysely<DatabaseSchema>;

/** What a vote call left behind: the pain point's count, and whether this call changed it. */
export interface VoteChange {
  voteCount: number;
  changed: boolean;
}

/**
 * Records a member's vote and, only when the vote is new, adds one to the pain point's
 * `vote_count` (and its trending score) in the same transaction. The primary key
 * (pain_point_id, account_id) turns a repeated or concurrent second vote into a no-op, and the
 * `vote_count + 1` update takes the row lock, so the count always equals the stored votes.
 * The vote is stored only if the pain point exists and is not a duplicate (one statement, no
 * read before it); `undefined` means one of those was the case, or the member had voted: the
 * caller reads the pain point to tell which.
 *
 * @example
 * const change = await insertVote(trx, painPointId, accountId, partnerId); // { voteCount: 3, changed: true }
 */
export async function insertVote(
  db: Database,
  painPointId: string,
  accountId: string,
  partnerId: string | null,
): Promise<VoteChange | undefined> {
  const inserted = await db
    .insertInto('votes')
    .columns(['pain_point_id', 'account_id', 'partner_id'])
    .expression((eb) =>
      eb
        .selectFrom('pain_points')
        .select([
          'pain_points.id',
          sql<string>`${accountId}::text`.as('account_id'),
          sql<string | null>`${partnerId}::text`.as('partner_id'),
        ])
        .where('pain_points.id', '=', painPointId)
        .where('pain_points.status', '<>', 'duplicate'),
    )
    .onConflict((conflict) => conflict.columns(['pain_point_id', 'account_id']).doNothing())
    .returning('pain_point_id')
    .executeTakeFirst();
  if (!inserted) return undefined;
  return { voteCount: await adjustVoteCount(db, painPointId, 1), changed: true };
}

/**
 * Removes a member's vote and, only when there was one, takes one off `vote_count`.
 * `undefined`: there was no vote (or no such pain point); the caller reads the pain point.
 *
 * @example
 * const change = await deleteVote(trx, painPointId, accountId); // { voteCount: 2, changed: true }
 */
export async function deleteVote(
  db: Database,
  painPointId: string,
  accountId: string,
): Promise<VoteChange | undefined> {
  const deleted = await db
    .deleteFrom('votes')
    .where('pain_point_id', '=', painPointId)
    .where('account_id', '=', accountId)
    .returning('pain_point_id')
    .executeTakeFirst();
  if (!deleted) return undefined;
  return { voteCount: await adjustVoteCount(db, painPointId, -1), changed: true };
}

async function adjustVoteCount(db: Database, painPointId: string, delta: 1 | -1): Promise<number> {
  const newCount = sql<number>`vote_count + ${sql.lit(delta)}`;
  const row = await db
    .updateTable('pain_points')
    .set({
      vote_count: newCount as never,
      trending_score: trendingScoreSql(newCount, sql.ref('created_at')) as never,
    })
    .where('id', '=', painPointId)
    .returning('vote_count')
    .executeTakeFirstOrThrow();
  return row.vote_count;
}

/**
 * What a vote call that changed nothing needs to answer: the count and whether the pain point
 * may be voted for. `undefined` when there is no such pain point.
 *
 * @example
 * const state = await voteState(trx, painPointId); // { voteCount: 3, status: 'open', duplicateOf: null }
 */
export async function voteState(
  db: Database,
  painPointId: string,
): Promise<{ voteCount: number; status: string; duplicateOf: string | null } | undefined> {
  const row = await db
    .selectFrom('pain_points')
    .select(['vote_count', 'status', 'duplicate_of'])
    .where('id', '=', painPointId)
    .executeTakeFirst();
  return row && { voteCount: row.vote_count, status: row.status, duplicateOf: row.duplicate_of };
}

/**
 * Counts the stored votes of a pain point (tests compare it with `vote_count`).
 *
 * @example
 * await countVotes(db, id); // 50
 */
export async function countVotes(db: Database, painPointId: string): Promise<number> {
  const row = await db
    .selectFrom('votes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('pain_point_id', '=', painPointId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Moves the votes of a pain point marked duplicate onto its original, in the caller's
 * transaction (which holds the duplicate's row lock). Members who voted for both keep one vote
 * on the original. Both counts change by exactly the rows moved and removed, so each stays
 * equal to its stored votes. Returns how many votes the original gained.
 *
 * @example
 * await moveVotes(trx, duplicateId, originalId); // 12
 */
export async function moveVotes(db: Database, fromId: string, toId: string): Promise<number> {
  const moved = await db
    .insertInto('votes')
    .columns(['pain_point_id', 'account_id', 'partner_id', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('votes')
        .select([sql<string>`${toId}::text`.as('pain_point_id'), 'account_id', 'partner_id', 'created_at'])
        .where('pain_point_id', '=', fromId),
    )
    .onConflict((conflict) => conflict.columns(['pain_point_id', 'account_id']).doNothing())
    .returning('account_id')
    .execute();
  const removed = await db
    .deleteFrom('votes')
    .where('pain_point_id', '=', fromId)
    .returning('account_id')
    .execute();
  if (moved.length > 0) await adjustVoteCountBy(db, toId, moved.length);
  if (removed.length > 0) await adjustVoteCountBy(db, fromId, -removed.length);
  return moved.length;
}

async function adjustVoteCountBy(db: Database, painPointId: string, delta: number): Promise<void> {
  const newCount = sql<number>`vote_count + ${delta}::integer`;
  await db
    .updateTable('pain_points')
    .set({
      vote_count: newCount as never,
      trending_score: trendingScoreSql(newCount, sql.ref('created_at')) as never,
    })
    .where('id', '=', painPointId)
    .execute();
}
