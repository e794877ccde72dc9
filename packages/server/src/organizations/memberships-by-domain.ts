import { emailDomainOf, joinsByVerifiedDomain } from '@wsc/models/rules';
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { approvedElsewhere, lockMemberProfile, saveMembership } from './memberships-repository';

type Database = Kysely<DatabaseSchema>;

// Membership that follows from a confirmed address on a verified domain, kept in step with the
// address. A membership records why it was granted only as its `basis` ('email-domain' here),
// not which domain: the domain is written into the audit entry, and on a change of address
// the organisation's verified domains tell whether the old address was the reason.
//
// What the existing "join by verified domain" path grants (requestMembership) is followed
// exactly: a member who ASKED joins at once; nobody joins an organisation they never asked to
// join, even when only one organisation verified their domain (a confirmed address proves
// employment, not the wish to act for the organisation).

/** The system's decision in the audit log: no actor, the rule and the domain as the reason. */
const SYSTEM = { actorId: null, partnerId: null, decidedBy: 'system' } as const;

/**
 * After a member confirmed their address (in that transaction): each PENDING request of theirs
 * to an organisation that verified the address's domain is approved at once, basis
 * `email-domain`, audited as the system's decision with the domain as the reason, unless the
 * member already belongs to another organisation (one at a time). Returns the organisations
 * joined.
 *
 * @example
 * await approveRequestsByConfirmedDomain(trx, accountId, { requestId });
 */
export async function approveRequestsByConfirmedDomain(
  db: Database,
  accountId: string,
  context: { requestId: string | null },
): Promise<string[]> {
  // The member's turn first, as every change of their memberships takes it.
  const profile = await lockMemberProfile(db, accountId);
  const domain = profile ? emailDomainOf(profile.email) : null;
  if (!profile?.email_confirmed_at || !domain) return [];
  const address = { email: profile.email, emailConfirmed: true };
  const pending = await db
    .selectFrom('organization_memberships')
    .innerJoin('organizations', 'organizations.id', 'organization_memberships.organization_id')
    .select(['organization_memberships.organization_id', 'organizations.verified_domains'])
    .where('organization_memberships.account_id', '=', accountId)
    .where('organization_memberships.status', '=', 'pending')
    .where(sql<boolean>`${domain} = any (organizations.verified_domains)`)
    .orderBy('organization_memberships.requested_at')
    .orderBy('organization_memberships.organization_id')
    .forUpdate(['organization_memberships'])
    .execute();
  const joined: string[] = [];
  for (const request of pending) {
    if (!joinsByVerifiedDomain(address, request.verified_domains)) continue;
    // One organisation at a time: the first request approved, the others stay pending.
    if ((await approvedElsewhere(db, accountId, request.organization_id)) !== undefined) break;
    await saveMembership(db, request.organization_id, accountId, {
      status: 'approved',
      role: 'member',
      basis: 'email-domain',
      decidedBy: null,
    });
    await recordAudit(db, {
      actorId: SYSTEM.actorId,
      partnerId: SYSTEM.partnerId,
      requestId: context.requestId,
      action: 'organization_membership.approved',
      subjectType: 'organization',
      subjectId: request.organization_id,
      data: {
        accountId,
        from: 'pending',
        to: 'approved',
        basis: 'email-domain',
        decidedBy: SYSTEM.decidedBy,
        reason: { rule: 'verified-email-domain', domain },
      },
    });
    joined.push(request.organization_id);
  }
  return joined;
}

/**
 * After a member moved their address to another domain (in that transaction): each approved
 * membership granted by the old address's domain (basis `email-domain`, the organisation
 * verifying that domain) is removed, audited as the system's decision with the old domain as
 * the reason. A manager's or admin's decision (basis `decision`) stays: it did not rest on the
 * address. Returns the organisations left.
 *
 * @example
 * await removeMembershipsOfFormerDomain(trx, accountId, 'ada@iec.ch', 'ada@example.org', { requestId });
 */
export async function removeMembershipsOfFormerDomain(
  db: Database,
  accountId: string,
  previousEmail: string,
  newEmail: string,
  context: { requestId: string | null },
): Promise<string[]> {
  const previousDomain = emailDomainOf(previousEmail);
  if (!previousDomain || previousDomain === emailDomainOf(newEmail)) return [];
  await lockMemberProfile(db, accountId);
  const granted = await db
    .selectFrom('organization_memberships')
    .innerJoin('organizations', 'organizations.id', 'organization_memberships.organization_id')
    .select(['organization_memberships.organization_id', 'organization_memberships.role'])
    .where('organization_memberships.account_id', '=', accountId)
    .where('organization_memberships.status', '=', 'approved')
    .where('organization_memberships.basis', '=', 'email-domain')
    .where(sql<boolean>`${previousDomain} = any (organizations.verified_domains)`)
    .orderBy('organization_memberships.organization_id')
    .forUpdate(['organization_memberships'])
    .execute();
  for (const membership of granted) {
    await saveMembership(db, membership.organization_id, accountId, {
      status: 'removed',
      role: membership.role,
      basis: 'email-domain',
      decidedBy: null,
    });
    await recordAudit(db, {
      actorId: SYSTEM.actorId,
      partnerId: SYSTEM.partnerId,
      requestId: context.requestId,
      action: 'organization_membership.removed',
      subjectType: 'organization',
      subjectId: membership.organization_id,
      data: {
        accountId,
        from: 'approved',
        to: 'removed',
        basis: 'email-domain',
        decidedBy: SYSTEM.decidedBy,
        reason: { rule: 'address-left-verified-domain', domain: previousDomain },
      },
    });
  }
  return granted.map((membership) => membership.organization_id);
}
