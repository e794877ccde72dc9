import type {
  Membership,
  MembershipListParams,
  MembershipRequest,
  MembershipUpdate,
  Organization,
  OrganizationUpdate,
  Page,
} from '@wsc/models';
import { decideMembershipChange, joinsByVerifiedDomain } from '@wsc/models/rules';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import { hasRole } from '../access/guards';
import { recordAudit } from '../audit/record';
import { readKeysetPage } from '../community/keyset-cursor';
import type { DatabaseSchema } from '../database/schema';
import { type DomainError, domainError } from '../errors/domain-error';
import { requireMember } from '../events/organisers';
import {
  approvedElsewhere,
  deleteMembership,
  findMembership,
  isOrganizationManager,
  listMemberMemberships,
  listOrganizationMemberships,
  lockMemberProfile,
  lockMemberships,
  saveMembership,
  toMembership,
} from './memberships-repository';
import { findOrganization, toOrganization, updateOrganizationRecord } from './repository';

type Database = Kysely<DatabaseSchema>;

/**
 * Who decides on memberships: a signed-in member (an admin, or a manager of the organization),
 * or the operator at the admin CLI (an admin without an account, named in `audit`).
 */
export interface MembershipDecider {
  accountId: string | null;
  admin: boolean;
  partnerId: string | null;
  requestId: string | null;
  /** Extra audit data: the CLI records `{ via: 'cli', operator }`. */
  audit?: Record<string, unknown>;
}

/**
 * The decider behind a request: the signed-in member, an admin when they hold the role.
 *
 * @example
 * await decideMembership(db, deciderOf(actorOf(request)), 'iec', accountId, { status: 'approved' });
 */
export function deciderOf(actor: Actor): MembershipDecider {
  const account = requireMember(actor);
  return {
    accountId: account.id,
    admin: hasRole(account, 'admin'),
    partnerId: actor.partnerId,
    requestId: actor.requestId,
  };
}

async function requireOrganization(db: Database, idOrSlug: string) {
  const organization = await findOrganization(db, idOrSlug);
  if (!organization) {
    throw domainError('not-found', { detail: `No organization has the id or slug ${idOrSlug}.` });
  }
  return organization;
}

function managerRequired(organizationId: string, detail?: string): DomainError {
  return domainError('organization-manager-required', {
    detail:
      detail ??
      `Only the managers of ${organizationId} and admins decide on its memberships (ask an admin to name managers).`,
  });
}

function memberElsewhere(organizationId: string, other: string): DomainError {
  return domainError('membership-conflict', {
    detail: `This member belongs to ${other}; a member belongs to one organization at a time. They leave ${other} first (DELETE /v1/me/memberships/${other}), or its managers remove them, before ${organizationId} approves them.`,
    errors: [{ path: 'status', message: `Already a member of ${other}`, code: 'member-elsewhere' }],
  });
}

/**
 * The signed-in member asks to join an organization. A request already pending or approved is
 * answered as it stands (`created: false`); a refused or removed member may ask again. A
 * confirmed address on one of the organization's verified domains joins at once, unless the
 * member belongs to another organization.
 *
 * @example
 * const { membership, created } = await requestMembership(db, actor, 'iec', { note: 'I chair TC 111' });
 */
export async function requestMembership(
  db: Database,
  actor: Actor,
  organizationIdOrSlug: string,
  request: MembershipRequest,
): Promise<{ membership: Membership; created: boolean }> {
  const account = requireMember(actor);
  const organization = await requireOrganization(db, organizationIdOrSlug);
  return db.transaction().execute(async (trx) => {
    const profile = await lockMemberProfile(trx, account.id);
    if (!profile) throw domainError('not-found', { detail: 'Account not found.' });
    const existing = (await lockMemberships(trx, organization.id, [account.id])).get(account.id);
    if (existing && (existing.status === 'pending' || existing.status === 'approved')) {
      const row = await findMembership(trx, organization.id, account.id);
      return { membership: toMembership(row as NonNullable<typeof row>), created: false };
    }
    const address = { email: profile.email, emailConfirmed: profile.email_confirmed_at !== null };
    const joinsNow =
      joinsByVerifiedDomain(address, organization.verified_domains) &&
      (await approvedElsewhere(trx, account.id, organization.id)) === undefined;
    await saveMembership(trx, organization.id, account.id, {
      status: joinsNow ? 'approved' : 'pending',
      role: 'member',
      basis: joinsNow ? 'email-domain' : 'request',
      note: request.note ?? null,
      requested: true,
      decidedBy: null,
    });
    await recordAudit(trx, {
      actorId: account.id,
      partnerId: actor.partnerId,
      requestId: actor.requestId,
      action: joinsNow ? 'organization_membership.approved' : 'organization_membership.requested',
      subjectType: 'organization',
      subjectId: organization.id,
      data: { accountId: account.id, basis: joinsNow ? 'email-domain' : 'request' },
    });
    const row = await findMembership(trx, organization.id, account.id);
    return { membership: toMembership(row as NonNullable<typeof row>), created: true };
  });
}

/**
 * The signed-in member's memberships: asked, approved, refused or removed.
 *
 * @example
 * const { data } = await listMyMemberships(db, actor);
 */
export async function listMyMemberships(db: Database, actor: Actor): Promise<{ data: Membership[] }> {
  const account = requireMember(actor);
  const rows = await listMemberMemberships(db, account.id);
  return { data: rows.map(toMembership) };
}

/**
 * The signed-in member withdraws a request or leaves an organization (the powers it gave end at
 * once); 404 when there is nothing to withdraw.
 *
 * @example
 * await leaveMembership(db, actor, 'iec');
 */
export async function leaveMembership(db: Database, actor: Actor, organizationId: string): Promise<void> {
  const account = requireMember(actor);
  await db.transaction().execute(async (trx) => {
    await lockMemberProfile(trx, account.id);
    const was = await deleteMembership(trx, organizationId, account.id);
    if (!was) {
      throw domainError('not-found', { detail: `You have no membership or request at ${organizationId}.` });
    }
    await recordAudit(trx, {
      actorId: account.id,
      partnerId: actor.partnerId,
      requestId: actor.requestId,
      action: was === 'approved' ? 'organization_membership.left' : 'organization_membership.withdrawn',
      subjectType: 'organization',
      subjectId: organizationId,
      data: { accountId: account.id, status: was },
    });
  });
}

/**
 * One page of an organization's memberships (its managers and admins), oldest request first.
 *
 * @example
 * const page = await listMemberships(db, deciderOf(actor), 'iec', { status: 'pending', limit: 20 });
 */
export async function listMemberships(
  db: Database,
  decider: MembershipDecider,
  organizationIdOrSlug: string,
  params: MembershipListParams,
): Promise<Page<Membership>> {
  const organization = await requireOrganization(db, organizationIdOrSlug);
  if (
    !decider.admin &&
    (decider.accountId === null || !(await isOrganizationManager(db, organization.id, decider.accountId)))
  ) {
    throw managerRequired(organization.id);
  }
  const sort = `memberships:${params.status ?? 'all'}`;
  return readKeysetPage({
    cursor: params.cursor,
    limit: params.limit,
    sort,
    keyTypes: ['timestamp', 'string'],
    read: (after, count) => listOrganizationMemberships(db, organization.id, params, after, count),
    keysOf: (row) => [row.requested_at_key, row.account_id],
    toItem: toMembership,
  });
}

/**
 * A manager or admin approves, refuses or removes a member, or names or dismisses a manager
 * (the rule is `decideMembershipChange` of @wsc/models). An admin may add someone who never
 * asked (an organization's first managers). The member's powers follow in the same transaction:
 * the profile organization, organiser rights, eligibility, and (within the live check interval)
 * open live streams.
 *
 * @example
 * await decideMembership(db, deciderOf(actor), 'iec', accountId, { status: 'approved', role: 'manager' });
 */
export async function decideMembership(
  db: Database,
  decider: MembershipDecider,
  organizationIdOrSlug: string,
  accountId: string,
  change: MembershipUpdate,
): Promise<Membership> {
  const organization = await requireOrganization(db, organizationIdOrSlug);
  return db.transaction().execute(async (trx) => {
    // The member's profile first (every change of a member's memberships takes this turn),
    // then both memberships in one order, so a manager being removed waits for, or refuses,
    // the decision they are making.
    const profile = await lockMemberProfile(trx, accountId);
    if (!profile) {
      throw domainError('not-found', {
        detail: `No member has the account id ${accountId}.`,
      });
    }
    const locked = await lockMemberships(trx, organization.id, [accountId, decider.accountId ?? accountId]);
    const actingAsManager =
      !decider.admin &&
      decider.accountId !== null &&
      locked.get(decider.accountId)?.status === 'approved' &&
      locked.get(decider.accountId)?.role === 'manager';
    if (!decider.admin && !actingAsManager) throw managerRequired(organization.id);
    const current = locked.get(accountId) ?? null;
    const outcome = decideMembershipChange(current, change, decider.admin ? 'admin' : 'manager');
    if (!outcome.allowed) {
      throw domainError(outcome.status === 404 ? 'not-found' : 'membership-transition', {
        detail: outcome.reason,
        ...(outcome.field ? { errors: [{ path: outcome.field, message: outcome.reason }] } : {}),
      });
    }
    if (outcome.changed) {
      if (outcome.state.status === 'approved' && profile.organization_id !== organization.id) {
        const other = await approvedElsewhere(trx, accountId, organization.id);
        if (other) throw memberElsewhere(organization.id, other);
      }
      const statusChanged = outcome.state.status !== (current?.status ?? null);
      await saveMembership(trx, organization.id, accountId, {
        status: outcome.state.status,
        role: outcome.state.role,
        basis: statusChanged ? 'decision' : (current?.basis ?? 'decision'),
        decidedBy: decider.accountId,
      });
      const audit = {
        actorId: decider.accountId,
        partnerId: decider.partnerId,
        requestId: decider.requestId,
        subjectType: 'organization',
        subjectId: organization.id,
      };
      if (statusChanged) {
        await recordAudit(trx, {
          ...audit,
          action: `organization_membership.${outcome.state.status}`,
          data: { ...decider.audit, accountId, from: current?.status ?? null, to: outcome.state.status },
        });
      }
      const roleBefore = current?.role ?? 'member';
      if (outcome.state.role !== roleBefore) {
        await recordAudit(trx, {
          ...audit,
          action:
            outcome.state.role === 'manager'
              ? 'organization_manager.appointed'
              : 'organization_manager.dismissed',
          data: { ...decider.audit, accountId },
        });
      }
    }
    const row = await findMembership(trx, organization.id, accountId);
    return toMembership(row as NonNullable<typeof row>);
  });
}

/**
 * An admin sets the organization's verified e-mail domains.
 *
 * @example
 * await updateOrganization(db, decider, 'iec', { verifiedDomains: ['iec.ch'] });
 */
export async function updateOrganization(
  db: Database,
  decider: MembershipDecider,
  organizationIdOrSlug: string,
  update: OrganizationUpdate,
): Promise<Organization> {
  if (!decider.admin) {
    throw domainError('role-required', {
      detail: 'Only admins set the verified e-mail domains of an organization.',
    });
  }
  const organization = await requireOrganization(db, organizationIdOrSlug);
  return db.transaction().execute(async (trx) => {
    const before = organization.verified_domains;
    const verifiedDomains = update.verifiedDomains ? [...new Set(update.verifiedDomains)] : before;
    const updated = await updateOrganizationRecord(trx, organization.id, { verifiedDomains });
    await recordAudit(trx, {
      actorId: decider.accountId,
      partnerId: decider.partnerId,
      requestId: decider.requestId,
      action: 'organization.updated',
      subjectType: 'organization',
      subjectId: organization.id,
      data: { ...decider.audit, verifiedDomains: { from: before, to: verifiedDomains } },
    });
    return toOrganization(updated);
  });
}
