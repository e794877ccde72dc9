import { CompiledQuery, type Kysely, sql } from 'kysely';
import { preparedStatement } from '../database/prepared-statements';
import type { DatabaseSchema } from '../database/schema';
import { subjectTurnSql } from '../database/turns';
import { storedAudience } from '../outbox/audience';
import { SUBSCRIBED_ENDPOINTS_SQL } from '../outbox/record-event';
import { topicsOf } from '../outbox/topics';
import { trendingScoreSql, trendingScoreText } from '../pain-points/trending';

type Database = Kysely<DatabaseSchema>;

/** Who sets or clears a vote, through which partner, on which pain point. */
export interface VoteChangeInput {
  painPointId: string;
  accountId: string;
  partnerId: string | null;
  /** true: vote; false: withdraw the vote. */
  voted: boolean;
}

/**
 * One statement (so one round trip and its own transaction, no BEGIN/COMMIT): take the pain
 * point's turn (`holdSubject` inline: before anything gives the transaction its id), store or
 * delete the vote; only when that changed a row, add or take one off `vote_count` (and the
 * trending score) and write the `pain_point.voted` event with the webhook deliveries of every
 * subscribed endpoint. Data-modifying CTEs run once each, and each step reads the previous
 * one's RETURNING, so they run in that order. Votes on one pain point therefore reach every
 * stream in the order of their counts; votes on different pain points share no lock. The
 * database announces the event after the statement commits (`database/outbox-commits.ts`).
 * The SQL text is built once; a vote compiles nothing.
 */
function voteStatement(voted: boolean): string {
  // The status is read through a row lock: the statement's snapshot was taken before it waited
  // for its turn, and a locking read checks the row's latest version instead (a merge that made
  // it a duplicate meanwhile excludes it).
  const change = voted
    ? `insert into votes (pain_point_id, account_id, partner_id)
      select target.id, $2::text, $3::text from (
        select pain_points.id from pain_points, turn
        where pain_points.id = $1 and pain_points.status <> 'duplicate'
        for no key update of pain_points
      ) target
      on conflict (pain_point_id, account_id) do nothing
      returning pain_point_id`
    : `delete from votes using turn where pain_point_id = $1 and account_id = $2 returning pain_point_id`;
  const newCount = voted ? 'vote_count + 1' : 'vote_count - 1';
  return `with turn as (select ${subjectTurnSql('pain_point', '$1::text')}),
    changed as (${change}),
    counted as (
      update pain_points
      set vote_count = ${newCount}, trending_score = ${trendingScoreText(newCount, 'created_at')}
      where id = (select pain_point_id from changed)
      returning id, vote_count
    ),
    inserted as (
      insert into outbox_events (type, subject_type, subject_id, topics, data, audience, public_data, partner_id)
      select 'pain_point.voted', 'pain_point', counted.id, $4::text[],
             jsonb_build_object('painPointId', counted.id, 'voteCount', counted.vote_count), $5::jsonb, null, $3::text
      from counted
      returning id, type
    ),
    deliveries as (
      insert into webhook_deliveries (endpoint_id, event_id, event_type)
      select endpoint.id, inserted.id, inserted.type
      ${SUBSCRIBED_ENDPOINTS_SQL}
      returning endpoint_id
    )
    select counted.vote_count, (select count(*) from deliveries) as deliveries
    from counted cross join inserted`;
}

const CAST_VOTE_SQL = preparedStatement(voteStatement(true));
const WITHDRAW_VOTE_SQL = preparedStatement(voteStatement(false));
/** `pain_point.voted` is public: every subscribed endpoint gets it, whoever voted. */
const PUBLIC_AUDIENCE = JSON.stringify(storedAudience('public', null));

/**
 * Sets or clears a member's vote. Only a call that changed the vote changes `vote_count` and
 * records a `pain_point.voted` event (`{ painPointId, voteCount }`, never who voted), all in
 * one statement. The primary key (pain_point_id, account_id) turns a repeated or concurrent
 * second vote into a no-op, and the count update takes the row lock, so the count always
 * equals the stored votes. A vote is stored only if the pain point exists and is not a
 * duplicate. Returns the new count, or `undefined` when nothing changed (a repeated call, no
 * such pain point, a duplicate): the caller reads the pain point to tell which.
 *
 * @example
 * await changeVote(db, { painPointId, accountId, partnerId: null, voted: true }); // 3
 */
export async function changeVote(db: Database, input: VoteChangeInput): Promise<number | undefined> {
  const topics = topicsOf('pain_point.voted', { type: 'pain_point', id: input.painPointId }, {});
  const result = await db.executeQuery<{ vote_count: number }>(
    CompiledQuery.raw(input.voted ? CAST_VOTE_SQL : WITHDRAW_VOTE_SQL, [
      input.painPointId,
      input.accountId,
      input.partnerId,
      topics,
      PUBLIC_AUDIENCE,
    ]),
  );
  return result.rows[0]?.vote_count;
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
