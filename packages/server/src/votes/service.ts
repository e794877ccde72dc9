import type { VoteResult } from '@wsc/models';
import type { Kysely } from 'kysely';
import type { Actor } from '../community/actor';
import type { DatabaseSchema } from '../database/schema';
import { HttpProblem } from '../http/problem';
import { recordPainPointEvent } from '../outbox/community-events';
import { findPainPoint } from '../pain-points/repository';
import { deleteVote, insertVote } from './repository';

type Database = Kysely<DatabaseSchema>;

/**
 * Sets (`voted: true`) or clears the signed-in member's vote on a pain point. Idempotent: the
 * same call twice leaves one vote (or none) and answers the same count. A member can only ever
 * touch their own vote: the account comes from the token, never from the request.
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
  const painPoint = await findPainPoint(db, painPointId);
  if (!painPoint) {
    throw new HttpProblem(404, 'Pain point not found', {
      detail: `No pain point has the id ${painPointId}.`,
    });
  }
  if (voted && painPoint.status === 'duplicate') {
    throw new HttpProblem(409, 'Vote on the original', {
      type: 'duplicate-pain-point',
      detail: `This pain point repeats ${painPoint.duplicate_of ?? 'another one'}; its votes were moved there.`,
    });
  }
  const voteCount = await db.transaction().execute(async (trx) => {
    const count = voted
      ? await insertVote(trx, painPointId, account.id, actor.partnerId)
      : await deleteVote(trx, painPointId, account.id);
    await recordPainPointEvent(trx, 'pain_point.voted', painPointId, actor.partnerId);
    return count;
  });
  return { painPointId, voteCount, voted };
}
