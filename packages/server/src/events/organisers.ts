import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import { hasRole } from '../access/guards';
import type { PrincipalAccount } from '../access/principal';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import { organizationOf } from './repository';

/**
 * True when the member may manage an event organised by `organiserIds`: admins, and members
 * whose membership of one of the organiser organizations is approved (the profile's
 * organization is only ever the approved one).
 *
 * @example
 * if (await isOrganiser(db, account, event.organiserIds)) showRegistrants();
 */
export async function isOrganiser(
  db: Kysely<DatabaseSchema>,
  account: PrincipalAccount,
  organiserIds: readonly string[],
): Promise<boolean> {
  if (hasRole(account, 'admin')) return true;
  const organizationId = await organizationOf(db, account.stakeholderId);
  return organizationId !== null && organiserIds.includes(organizationId);
}

/**
 * Throws 403 `organiser-required` unless {@link isOrganiser}.
 *
 * @example
 * await requireOrganiser(db, account, event.organiserIds);
 */
export async function requireOrganiser(
  db: Kysely<DatabaseSchema>,
  account: PrincipalAccount,
  organiserIds: readonly string[],
): Promise<void> {
  if (await isOrganiser(db, account, organiserIds)) return;
  throw domainError('organiser-required', {
    detail:
      'Only admins and approved members of an organiser organization of this event may do this. Ask to join the organization (POST /v1/organizations/{id}/membership-requests); its managers approve members.',
  });
}

/**
 * The signed-in member acting, or 401 `authentication-required`.
 *
 * @example
 * const account = requireMember(actorOf(request));
 */
export function requireMember(actor: Pick<Actor, 'account'>): PrincipalAccount {
  if (actor.account) return actor.account;
  throw domainError('authentication-required', {
    detail: 'Send "Authorization: Bearer <token>" with a session or SSO user token.',
    headers: { 'www-authenticate': 'Bearer' },
  });
}
