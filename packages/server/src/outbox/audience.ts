import type { AccountRole } from '@wsc/models';

/**
 * Who may read an event beyond the public. Anyone matching one list reads the full payload;
 * admins read everything. Stored as JSON in `outbox_events.audience`.
 */
export interface RestrictedAudience {
  /** Members (account ids) who may read it: the registrant, the author… */
  accountIds?: string[] | undefined;
  /** Account roles that may read it: `['moderator']` for hidden comments. */
  roles?: AccountRole[] | undefined;
  /** Members of these organizations (the event's organisers) and partners linked to them. */
  organizationIds?: string[] | undefined;
  /** Partners (secret keys, webhook endpoints) that may read it. */
  partnerIds?: string[] | undefined;
}

/** `'public'`, or the restricted audience of a personal or moderation event. */
export type Audience = 'public' | RestrictedAudience;

/**
 * The stored form: `{ public: true }` or the lists. `organisersOfEvent` names an event whose
 * organisers may read it: stored as the event's id, not as its organisers of the day, because
 * organisers change; the outbox reader turns it into today's `organizationIds` (see
 * `readOutboxAfter`), so a replay applies today's rules.
 */
export type StoredAudience =
  | { public: true }
  | (RestrictedAudience & { organisersOfEvent?: string | undefined });

/**
 * Who is reading a stream. `partnerId` is set only for a secret key: a publishable key lives in
 * browsers, so it can never unlock a partner's private events.
 */
export interface Viewer {
  accountId: string | null;
  roles: readonly AccountRole[];
  organizationId: string | null;
  partnerId: string | null;
}

/** Nobody in particular: reads public events only. */
export const PUBLIC_VIEWER: Viewer = Object.freeze({
  accountId: null,
  roles: [],
  organizationId: null,
  partnerId: null,
});

/**
 * True when `viewer` may read the full payload of an event with this audience.
 *
 * @example
 * canRead({ accountIds: ['a1'] }, { ...PUBLIC_VIEWER, accountId: 'a1' }); // true
 * canRead({ roles: ['moderator'] }, PUBLIC_VIEWER); // false
 */
export function canRead(audience: StoredAudience, viewer: Viewer): boolean {
  if ('public' in audience && audience.public) return true;
  if (viewer.roles.includes('admin')) return true;
  const restricted = audience as RestrictedAudience;
  if (viewer.accountId && restricted.accountIds?.includes(viewer.accountId)) return true;
  if (restricted.roles?.some((role) => viewer.roles.includes(role))) return true;
  if (viewer.organizationId && restricted.organizationIds?.includes(viewer.organizationId)) return true;
  if (viewer.partnerId && restricted.partnerIds?.includes(viewer.partnerId)) return true;
  return false;
}

/**
 * The stored form of an audience; the partner a change came through joins a restricted
 * audience (it receives its own users' registrations).
 *
 * @example
 * storedAudience({ accountIds: ['a1'] }, 'p1'); // { accountIds: ['a1'], partnerIds: ['p1'] }
 */
export function storedAudience(audience: Audience, partnerId: string | null): StoredAudience {
  if (audience === 'public') return { public: true };
  const partnerIds = [...new Set([...(audience.partnerIds ?? []), ...(partnerId ? [partnerId] : [])])];
  return {
    ...(audience.accountIds?.length ? { accountIds: [...new Set(audience.accountIds)] } : {}),
    ...(audience.roles?.length ? { roles: [...new Set(audience.roles)] } : {}),
    ...(audience.organizationIds?.length ? { organizationIds: [...new Set(audience.organizationIds)] } : {}),
    ...(partnerIds.length ? { partnerIds } : {}),
  };
}
