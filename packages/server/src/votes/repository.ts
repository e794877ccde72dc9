import { CompiledQuery, type Kysely, sql } from 'kysely';
import { trendingScoreSql, trendingScoreText } from '../community/trending';
import { preparedStatement } from '../database/prepared-statements';
import type { DatabaseSchema } from '../database/schema';
import { subjectTurnSql } from '../database/turns';
import { storedAudience } from '../outbox/audience';
import { SUBSCRIBED_ENDPOINTS_SQL } from '../outbox/record-event';
import { topicsOf } from '../outbox/topics';

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
 * The voter key of an e-mail address, as SQL over the SQL text `address`: the address
 * normalised as `normalizeEmail` does (trimmed, lower case) and hashed, so the vote tables hold
 * no address. A vote counts once per voter key: two accounts of one person (a community account
 * and a partner's SSO account with the same address) add one to a count.
 */
export function voterKeySql(address: string): string {
  return `encode(sha256(convert_to(lower(trim(${address})), 'UTF8')), 'hex')`;
}

/**
 * The voter key a deleted account's votes carry instead of its address's: the address is
 * erased, and votes of the person's other accounts no longer speak for this one.
 *
 * @example
 * deletedVoterKey('a1'); // 'deleted:a1'
 */
export function deletedVoterKey(accountId: string): string {
  return `deleted:${accountId}`;
}

/**
 * One statement (so one round trip and its own transaction, no BEGIN/COMMIT): take the pain
 * point's turn (`holdSubject` inline: before anything gives the transaction its id), lock the
 * pain point's row, store or delete the vote and add it to (take it from) its voter key's
 * accounts in `pain_point_voters`; only when that made the key start (stop) voting, add (take)
 * one to `vote_count` (and the trending score) and write the `pain_point.voted` event with the
 * webhook deliveries of every subscribed endpoint. Data-modifying CTEs run once each, and each
 * step reads the previous one's RETURNING, so they run in that order. Votes on one pain point
 * therefore reach every stream in the order of their counts; votes on different pain points
 * share no lock. The database announces the event after the statement commits
 * (`database/outbox-commits.ts`). The SQL text is built once; a vote compiles nothing.
 *
 * The statement's snapshot was taken before it waited for its turn, so whatever a concurrent
 * vote committed meanwhile is read through locks, which see a row's latest version: the pain
 * point (`for no key update`: its status and count), the voter key's row (the upsert's
 * conflict, `for update` on withdrawal). The row of a voter key is deleted with its last
 * account, never left at zero.
 */
function voteStatement(voted: boolean): string {
  const target = `select pain_points.id, pain_points.vote_count
        from pain_points, turn
        where pain_points.id = $1 ${voted ? "and pain_points.status <> 'duplicate'" : ''}
        for no key update of pain_points`;
  // A vote: the key of the account's address now; the key's row gains an account, and the
  // count a voter when the row is new.
  const cast = `voter as (select ${voterKeySql('email')} as voter_key from accounts where id = $2),
    changed as (
      insert into votes (pain_point_id, account_id, partner_id, voter_key)
      select target.id, $2::text, $3::text, voter.voter_key from target, voter
      on conflict (pain_point_id, account_id) do nothing
      returning pain_point_id, voter_key
    ),
    voters as (
      insert into pain_point_voters (pain_point_id, voter_key, votes)
      select pain_point_id, voter_key, 1 from changed
      on conflict (pain_point_id, voter_key) do update set votes = pain_point_voters.votes + 1
      returning votes
    ),
    counted as (
      update pain_points
      set vote_count = vote_count + 1, trending_score = ${trendingScoreText('vote_count + 1', 'created_at')}
      where id = (select pain_point_id from changed) and (select votes from voters) = 1
      returning id, vote_count
    )`;
  // A withdrawal: the vote's own key (the one it was cast with); the key's row loses an
  // account, and goes, with one voter off the count, when it was the last.
  const withdraw = `changed as (
      delete from votes using target
      where votes.pain_point_id = target.id and votes.account_id = $2
      returning votes.pain_point_id, votes.voter_key
    ),
    voter as (
      select voters.pain_point_id, voters.voter_key, voters.votes
      from pain_point_voters voters join changed using (pain_point_id, voter_key)
      for update of voters
    ),
    kept as (
      update pain_point_voters voters set votes = voter.votes - 1 from voter
      where voters.pain_point_id = voter.pain_point_id and voters.voter_key = voter.voter_key
        and voter.votes > 1
      returning voters.pain_point_id
    ),
    gone as (
      delete from pain_point_voters voters using voter
      where voters.pain_point_id = voter.pain_point_id and voters.voter_key = voter.voter_key
        and voter.votes = 1
      returning voters.pain_point_id
    ),
    counted as (
      update pain_points
      set vote_count = vote_count - 1, trending_score = ${trendingScoreText('vote_count - 1', 'created_at')}
      where id = (select pain_point_id from gone)
      returning id, vote_count
    )`;
  return `with turn as (select ${subjectTurnSql('pain_point', '$1::text')}),
    target as (${target}),
    ${voted ? cast : withdraw},
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
    select coalesce((select vote_count from counted), target.vote_count) as vote_count,
           (select count(*) from counted) as counted, (select count(*) from deliveries) as deliveries
    from changed cross join target`;
}

const CAST_VOTE_SQL = preparedStatement(voteStatement(true));
const WITHDRAW_VOTE_SQL = preparedStatement(voteStatement(false));
/** `pain_point.voted` is public: every subscribed endpoint gets it, whoever voted. */
const PUBLIC_AUDIENCE = JSON.stringify(storedAudience('public', null));

/** What a vote call that changed the member's vote did to the count. */
export interface VoteChange {
  voteCount: number;
  /** False when another account with the same voter key already voted (or still votes). */
  counted: boolean;
}

/**
 * Sets or clears a member's vote. A vote counts once per person (voter key, see
 * {@link voterKeySql}): only a call that made the member's key start or stop voting changes
 * `vote_count` and records a `pain_point.voted` event (`{ painPointId, voteCount }`, never who
 * voted), all in one statement. The primary key (pain_point_id, account_id) turns a repeated or
 * concurrent second vote into a no-op, and every change takes the pain point's row lock, so the
 * count always equals the voter keys of the stored votes. A vote is stored only if the pain
 * point exists and is not a duplicate. Returns the count when the member's vote changed, or
 * `undefined` when nothing changed (a repeated call, no such pain point, a duplicate): the
 * caller reads the pain point to tell which.
 *
 * @example
 * await changeVote(db, { painPointId, accountId, partnerId: null, voted: true }); // { voteCount: 3, counted: true }
 */
export async function changeVote(db: Database, input: VoteChangeInput): Promise<VoteChange | undefined> {
  const topics = topicsOf('pain_point.voted', { type: 'pain_point', id: input.painPointId }, {});
  const result = await db.executeQuery<{ vote_count: number; counted: number | string }>(
    CompiledQuery.raw(input.voted ? CAST_VOTE_SQL : WITHDRAW_VOTE_SQL, [
      input.painPointId,
      input.accountId,
      input.partnerId,
      topics,
      PUBLIC_AUDIENCE,
    ]),
  );
  const row = result.rows[0];
  // count(*) is a bigint: node-postgres reads it as a string, PGlite as a number.
  return row && { voteCount: row.vote_count, counted: Number(row.counted) > 0 };
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
 * Counts the people whose stored votes a pain point has: the distinct voter keys of its votes
 * (tests compare it with `vote_count`).
 *
 * @example
 * await countVotes(db, id); // 50
 */
export async function countVotes(db: Database, painPointId: string): Promise<number> {
  const row = await db
    .selectFrom('votes')
    .select((eb) => eb.fn.count<number>('voter_key').distinct().as('count'))
    .where('pain_point_id', '=', painPointId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Moves the votes of a pain point marked duplicate onto its original, in the caller's
 * transaction (which holds both pain points' turns). Members who voted for both keep one vote
 * on the original; a person voting for both through two accounts keeps both votes, counted
 * once. Both counts change by exactly the voter keys that arrived and left, so each stays equal
 * to its voters. Returns how many votes the original gained.
 *
 * @example
 * await moveVotes(trx, duplicateId, originalId); // 12
 */
export async function moveVotes(db: Database, fromId: string, toId: string): Promise<number> {
  const arrived = await sql<{ moved: number | string; new_voters: number | string }>`
    with moved as (
      insert into votes (pain_point_id, account_id, partner_id, voter_key, created_at)
      select ${toId}::text, account_id, partner_id, voter_key, created_at from votes
      where pain_point_id = ${fromId}
      on conflict (pain_point_id, account_id) do nothing
      returning voter_key
    ),
    keys as (select voter_key, count(*)::integer as votes from moved group by voter_key),
    voters as (
      insert into pain_point_voters (pain_point_id, voter_key, votes)
      select ${toId}::text, voter_key, votes from keys
      on conflict (pain_point_id, voter_key) do update set votes = pain_point_voters.votes + excluded.votes
      returning voter_key, votes
    )
    select (select count(*) from moved) as moved,
           (select count(*) from voters join keys using (voter_key) where voters.votes = keys.votes) as new_voters
  `.execute(db);
  const left = await sql<{ voters: number | string }>`
    with removed as (delete from votes where pain_point_id = ${fromId}),
    voters as (delete from pain_point_voters where pain_point_id = ${fromId} returning voter_key)
    select count(*) as voters from voters
  `.execute(db);
  const moved = Number(arrived.rows[0]?.moved ?? 0);
  const newVoters = Number(arrived.rows[0]?.new_voters ?? 0);
  const voters = Number(left.rows[0]?.voters ?? 0);
  if (newVoters > 0) await adjustVoteCountBy(db, toId, newVoters);
  if (voters > 0) await adjustVoteCountBy(db, fromId, -voters);
  return moved;
}

/**
 * Takes a deleted account's votes off its address, in the deletion's transaction, leaving every
 * count as it was: where another account with the same voter key votes too, that vote already
 * counts for the person and the deleted account's is dropped; elsewhere the vote stays counted
 * under {@link deletedVoterKey}. Locks the pain points' rows first, as the vote statement does,
 * so no vote on them changes their voters meanwhile (and none waits on this in the other order).
 * No count changes, so no event is recorded.
 *
 * @example
 * await forgetVoter(trx, accountId);
 */
export async function forgetVoter(db: Database, accountId: string): Promise<void> {
  await sql`
    select id from pain_points
    where id in (select pain_point_id from votes where account_id = ${accountId})
    order by id
    for no key update
  `.execute(db);
  // Votes that another account of the person keeps counted.
  await sql`
    with dropped as (
      delete from votes using pain_point_voters voters
      where votes.account_id = ${accountId} and voters.pain_point_id = votes.pain_point_id
        and voters.voter_key = votes.voter_key and voters.votes > 1
      returning votes.pain_point_id, votes.voter_key
    )
    update pain_point_voters voters set votes = voters.votes - 1 from dropped
    where voters.pain_point_id = dropped.pain_point_id and voters.voter_key = dropped.voter_key
  `.execute(db);
  // Votes only this account gave its key: counted under the deleted account's key instead.
  const key = deletedVoterKey(accountId);
  await sql`
    with leaving as (
      delete from pain_point_voters voters using votes
      where votes.account_id = ${accountId} and voters.pain_point_id = votes.pain_point_id
        and voters.voter_key = votes.voter_key and votes.voter_key <> ${key}
      returning voters.pain_point_id
    ),
    arriving as (
      insert into pain_point_voters (pain_point_id, voter_key, votes)
      select pain_point_id, ${key}, 1 from leaving
    )
    update votes set voter_key = ${key} where account_id = ${accountId} and voter_key <> ${key}
  `.execute(db);
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
