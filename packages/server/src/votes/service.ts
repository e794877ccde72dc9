import type { VoteResult } from '@wsc/models';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import { changeVote, voteState } from './repository';

type Database = Kysely<DatabaseSchema>;

/**
 * Sets (`voted: true`) or clears the signed-in member's vote on a pain point. Idempotent: the
 * same call twice leaves one vote (or none) and answers the same count; only a call that changed
 * the count records a `pain_point.voted` event. A vote counts once per person: accounts sharing
 * an e-mail address (a community account and a partner's SSO account of the same person) each
 * keep their own vote and add one to the count together. A member can only ever touch their own vote: the
 * account comes from the token, never from the request. The common case (a new vote) is one
 * statement, with no read before it and no BEGIN/COMMIT round trips: the insert itself refuses
 * unknown and duplicate pain points, and only a call that changed nothing reads the pain point
 * to answer. On a pain point marked duplicate both calls are refused (409): its votes live on
 * the original.
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
  if (!account) throw domainError('authentication-required');
  const changed = await changeVote(db, {
    painPointId,
    accountId: account.id,
    partnerId: actor.partnerId,
    voted,
  });
  if (changed !== undefined) return { painPointId, voteCount: changed.voteCount, voted };
  // Nothing changed (a repeated call, or a refusal): no event; tell the caller why. A fresh
  // statement, so a concurrent first vote of the same member that made this one a no-op is
  // counted in the answer.
  const state = await voteState(db, painPointId);
  if (!state) {
    throw domainError('not-found', { detail: `No pain point has the id ${painPointId}.` });
  }
  // Votes live on the original once a pain point is marked duplicate: neither casting nor
  // withdrawing one here would do what the member meant (a withdrawal that waited for the merge
  // found its vote already moved).
  if (state.status === 'duplicate') {
    const original = state.duplicateOf ?? 'another one';
    throw domainError('duplicate-pain-point', {
      detail: `${voted ? 'Vote on' : 'Withdraw the vote on'} the original: this pain point repeats ${original}; its votes were moved there.`,
    });
  }
  const voteCount = state.voteCount;
  return { painPointId, voteCount, voted };
}
