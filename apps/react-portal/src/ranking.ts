import type { PainPointView } from '@wsc/models';

/** How many pain points each domain shows. */
export const TOP_COUNT = 3;

/**
 * The server's `top` order: most votes first, the greater id breaking ties
 * (`order by vote_count desc, id desc`), so a list re-ranked here matches the next fetch.
 *
 * @example
 * [...painPoints].sort(byVotes);
 */
export function byVotes(left: PainPointView, right: PainPointView): number {
  if (left.voteCount !== right.voteCount) return right.voteCount - left.voteCount;
  return left.id < right.id ? 1 : left.id > right.id ? -1 : 0;
}

/** What a vote did to one domain's list. */
export type VoteOutcome =
  /** The pain point is in the list: its new count, the list re-ranked. */
  | { kind: 'ranked'; list: PainPointView[]; moved: boolean }
  /** The list may no longer be the top (a count fell in a full list): fetch it again. */
  | { kind: 'stale' }
  /** Not in this list. */
  | { kind: 'untouched' };

/**
 * Applies a `pain_point.voted` count to one domain's top list.
 *
 * @example
 * const outcome = applyVote(list, { painPointId: 'pp_1', voteCount: 7 });
 */
export function applyVote(
  list: readonly PainPointView[],
  vote: { painPointId: string; voteCount: number },
): VoteOutcome {
  const index = list.findIndex((painPoint) => painPoint.id === vote.painPointId);
  const current = list[index];
  if (!current) return { kind: 'untouched' };
  // A fall in a full list may let a pain point this page never saw overtake it.
  if (vote.voteCount < current.voteCount && list.length >= TOP_COUNT) return { kind: 'stale' };
  const updated = list.map((painPoint, at) =>
    at === index ? { ...painPoint, voteCount: vote.voteCount } : painPoint,
  );
  updated.sort(byVotes);
  return { kind: 'ranked', list: updated, moved: updated[index]?.id !== vote.painPointId };
}

/**
 * Whether a vote for a pain point in no list could put it into a domain's top: false when every
 * full list's last place already has more.
 *
 * @example
 * if (mayEnter(lists, vote)) refetchItsDomain();
 */
export function mayEnter(lists: Iterable<readonly PainPointView[]>, voteCount: number): boolean {
  for (const list of lists) {
    const last = list[TOP_COUNT - 1];
    if (!last || voteCount >= last.voteCount) return true;
  }
  return false;
}
