import type { VoteResult } from '@wsc/models';
import type { Kysely } from 'kysely';
import type { Actor } from '../community/actor';
import type { DatabaseSchema } from '../database/schema';
import { HttpProblem } from '../http/problem';
import { recordPainPointVoted } from '../outbox/community-events';
import { deleteVote, insertVote, voteState } from './repository';

type Database = Kysely<DatabaseSchema>;

/**
 * Sets (`voted: true`) or clears the signed-in member's vote on a pain point. Idempotent: the
 * same call twice leaves one vote (or none) and answers the same count; only a call that changed
 * the vote records a `pain_point.voted` event. A member can only ever touch their own vote: the
 * account comes from the token, never from the request. The common case (a new vote) is one
 * transaction of three statements, with no read before it: the insert itself refuses unknown and
 * duplicate pain points, and only a call that changed nothing reads the pain point to answer.
 *
 * @example
 * await setVote(db, actor, painPointId, true); // { painPointId, voteCount: 1, voted: true }
 */
export async function setVote(
  db: Database,
  actor: Actor,
  painPointId: string,
  voted: boolean,
): Promise<VoteResult> {
  const account = actor.account;
  if (!account) throw new HttpProblem(401, 'Sign-in required', { type: 'authentication-required' });
  const voteCount = await db.transaction().execute(async (trx) => {
    const change = voted
      ? await insertVote(trx, painPointId, account.id, actor.partnerId)
      : await deleteVote(trx, painPointId, account.id);
    if (change) {
      await recordPainPointVoted(trx, painPointId, change.voteCount, actor.partnerId);
      return change.voteCount;
    }
    // Nothing changed (a repeated call, or a refusal): no event; tell the caller why.
    const state = await voteState(trx, painPointId);
    if (!state) {
      throw new HttpProblem(404, 'Pain point not found', {
        detail: `No pain point has the id ${painPointId}.`,
      });
    }
    if (voted && state.status === 'duplicate') {
      throw new HttpProblem(409, 'Vote on the original', {
        type: 'duplicate-pain-point',
        detail: `This pain point repeats ${state.duplicateOf ?? 'another one'}; its votes were moved there.`,
      });
    }
    return state.voteCount;
  });
  return { painPointId, voteCount, voted };
}
