import type { AccountRole, PainPointStatus } from '../enums';

/** Who moves a pain point: account roles, plus `author` for the person who reported it. */
export type LifecycleActor = AccountRole | 'author';

/** Who is asking for the move, and the data some moves need. */
export interface TransitionContext {
  /** Roles of the account asking (admins may do every legal move). */
  actorRoles: readonly AccountRole[];
  /** Whether the account asking reported this pain point. */
  isAuthor?: boolean;
  /** Id of this pain point, to refuse marking it a duplicate of itself. */
  painPointId?: string;
  /** Required to move to `duplicate`: the pain point this one repeats. */
  duplicateOf?: string | null;
}

/** Why a move was refused: `forbidden` maps to HTTP 403, the rest to 409 or 422. */
export type TransitionRefusal = 'unchanged' | 'terminal' | 'not-allowed' | 'forbidden' | 'needs-duplicate-of';

export type TransitionResult = { ok: true } | { ok: false; code: TransitionRefusal; reason: string };

const STAFF: readonly LifecycleActor[] = ['moderator', 'admin'];
const REVIEWERS: readonly LifecycleActor[] = ['expert', 'moderator', 'admin'];
const STAFF_OR_AUTHOR: readonly LifecycleActor[] = ['author', 'moderator', 'admin'];

/**
 * The legal moves and who may make them. Triage (under-review) and mapping belong to experts
 * and moderators; closing also to the author; `duplicate` is terminal because other pain points
 * point at the original and votes were moved there.
 */
export const PAIN_POINT_TRANSITIONS: Readonly<
  Record<PainPointStatus, Partial<Record<PainPointStatus, readonly LifecycleActor[]>>>
> = {
  open: { 'under-review': REVIEWERS, mapped: REVIEWERS, closed: STAFF_OR_AUTHOR, duplicate: STAFF },
  'under-review': { open: REVIEWERS, mapped: REVIEWERS, closed: STAFF, duplicate: STAFF },
  mapped: { 'under-review': REVIEWERS, addressed: REVIEWERS, closed: STAFF, duplicate: STAFF },
  addressed: { open: STAFF, mapped: REVIEWERS, closed: STAFF },
  closed: { open: STAFF_OR_AUTHOR },
  duplicate: {},
};

function actorsOf(context: TransitionContext): LifecycleActor[] {
  return context.isAuthor ? [...context.actorRoles, 'author'] : [...context.actorRoles];
}

/**
 * Decides whether a pain point may move from one status to another, and for whom.
 *
 * @example
 * transitionPainPoint('open', 'under-review', { actorRoles: ['expert'] }); // { ok: true }
 * transitionPainPoint('open', 'closed', { actorRoles: ['member'] });
 * // { ok: false, code: 'forbidden', reason: 'Only the author, a moderator or an admin may …' }
 */
export function transitionPainPoint(
  from: PainPointStatus,
  to: PainPointStatus,
  context: TransitionContext,
): TransitionResult {
  if (from === to) return { ok: false, code: 'unchanged', reason: `The pain point is already ${from}` };
  if (from === 'duplicate') {
    return { ok: false, code: 'terminal', reason: 'A duplicate is final: discuss and vote on the original' };
  }
  const allowed = PAIN_POINT_TRANSITIONS[from][to];
  if (!allowed)
    return { ok: false, code: 'not-allowed', reason: `A pain point cannot move from ${from} to ${to}` };
  const actors = actorsOf(context);
  if (!actors.some((actor) => allowed.includes(actor))) {
    return {
      ok: false,
      code: 'forbidden',
      reason: `Only ${allowed.join(', ')} may move a pain point from ${from} to ${to}`,
    };
  }
  if (to === 'duplicate' && (!context.duplicateOf || context.duplicateOf === context.painPointId)) {
    return {
      ok: false,
      code: 'needs-duplicate-of',
      reason: 'Name the original pain point (duplicateOf), other than this one',
    };
  }
  return { ok: true };
}

/**
 * Lists the statuses the given actor may move a pain point to, e.g. to build a menu.
 *
 * @example
 * allowedTransitions('closed', { actorRoles: ['member'], isAuthor: true }); // ['open']
 */
export function allowedTransitions(from: PainPointStatus, context: TransitionContext): PainPointStatus[] {
  const actors = actorsOf(context);
  return (Object.keys(PAIN_POINT_TRANSITIONS[from]) as PainPointStatus[]).filter((to) =>
    PAIN_POINT_TRANSITIONS[from][to]?.some((actor) => actors.includes(actor)),
  );
}
