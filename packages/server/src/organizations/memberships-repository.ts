import type { Membership, MembershipListParams } from '@wsc/models';
import { type Kysely, type Selectable, sql } from 'kysely';
import { afterTimestampKey, type KeyValue, timestampKey } from '../community/keyset-cursor';
import type { DatabaseSchema, OrganizationMembershipsTable } from '../database/schema';

type Database = Kysely<DatabaseSchema>;

/** A membership row with the member's name and address, as the member and managers see it. */
export interface MembershipRow extends Selectable<OrganizationMembershipsTable> {
  display_name: string | null;
  email: string;
  deleted_at: Date | null;
  /** requested_at with microseconds, for the keyset cursor. */
  requested_at_key: string;
}

function selectMembership(db: Database) {
  return db
    .selectFrom('organization_memberships')
    .innerJoin('accounts', 'accounts.id', 'organization_memberships.account_id')
    .leftJoin('stakeholders', 'stakeholders.id', 'organization_memberships.account_id')
    .selectAll('organization_memberships')
    .select([
      'stakeholders.display_name',
      'accounts.email',
      'accounts.deleted_at',
      timestampKey('organization_memberships.requested_at').as('requested_at_key'),
    ]);
}

/**
 * The one mapper from a membership row to the API object.
 *
 * @example
 * const membership = toMembership(row);
 */
export function toMembership(row: MembershipRow): Membership {
  return {
    organizationId: row.organization_id,
    accountId: row.account_id,
    displayName: row.display_name ?? '',
    email: row.deleted_at ? null : row.email,
    status: row.status,
    role: row.role,
    basis: row.basis,
    note: row.note,
    requestedAt: row.requested_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  };
}

/**
 * One membership with its member, or undefined.
 *
 * @example
 * const row = await findMembership(trx, 'iec', accountId);
 */
export async function findMembership(
  db: Database,
  organizationId: string,
  accountId: string,
): Promise<MembershipRow | undefined> {
  return selectMembership(db)
    .where('organization_memberships.organization_id', '=', organizationId)
    .where('organization_memberships.account_id', '=', accountId)
    .executeTakeFirst() as Promise<MembershipRow | undefined>;
}

/**
 * Locks the memberships of `accountIds` in an organization, in id order (every decision locks
 * in this order, so two managers acting on each other take turns instead of deadlocking), and
 * answers them by account.
 *
 * @example
 * const locked = await lockMemberships(trx, 'iec', [managerId, memberId]);
 */
export async function lockMemberships(
  db: Database,
  organizationId: string,
  accountIds: readonly string[],
): Promise<Map<string, Selectable<OrganizationMembershipsTable>>> {
  const rows = await db
    .selectFrom('organization_memberships')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('account_id', 'in', [...new Set(accountIds)])
    .orderBy('account_id')
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [row.account_id, row]));
}

/**
 * Locks the member's profile row: every change of a member's memberships takes this turn first,
 * so an approval elsewhere, a request and a departure of the same member never interleave.
 * Answers the member's approved organization, or undefined when the account has no profile
 * (deleted).
 *
 * @example
 * const profile = await lockMemberProfile(trx, accountId);
 */
export async function lockMemberProfile(
  db: Database,
  accountId: string,
): Promise<{ organization_id: string | null; email: string; email_confirmed_at: Date | null } | undefined> {
  return db
    .selectFrom('stakeholders')
    .innerJoin('accounts', 'accounts.id', 'stakeholders.id')
    .select(['stakeholders.organization_id', 'accounts.email', 'accounts.email_confirmed_at'])
    .where('stakeholders.id', '=', accountId)
    .where('accounts.deleted_at', 'is', null)
    .forUpdate(['stakeholders'])
    .executeTakeFirst();
}

/** The new state of a membership row, written with {@link saveMembership}. */
export interface MembershipValues {
  status: OrganizationMembershipsTable['status'];
  role: 'member' | 'manager';
  basis: OrganizationMembershipsTable['basis'];
  note?: string | null;
  /** A new request starts its clock again; a decision keeps it. */
  requested?: boolean;
  decidedBy: string | null;
}

/**
 * Inserts or updates the membership, and keeps the member's profile organization in step: the
 * approved organization, or none once it is no longer approved. Call with the profile locked.
 *
 * @example
 * await saveMembership(trx, 'iec', accountId, { status: 'approved', role: 'member', basis: 'decision', decidedBy: managerId });
 */
export async function saveMembership(
  db: Database,
  organizationId: string,
  accountId: string,
  values: MembershipValues,
): Promise<void> {
  const now = new Date();
  const decided = values.status !== 'pending';
  const row = {
    status: values.status,
    role: values.role,
    basis: values.basis,
    decided_at: decided ? now : null,
    decided_by: decided ? values.decidedBy : null,
    updated_at: now,
    ...(values.note === undefined ? {} : { note: values.note }),
    ...(values.requested ? { requested_at: now } : {}),
  };
  await db
    .insertInto('organization_memberships')
    .values({ organization_id: organizationId, account_id: accountId, ...row, requested_at: now })
    .onConflict((conflict) => conflict.columns(['organization_id', 'account_id']).doUpdateSet(row))
    .execute();
  await setProfileOrganization(db, accountId, organizationId, values.status === 'approved');
}

async function setProfileOrganization(
  db: Database,
  accountId: string,
  organizationId: string,
  approved: boolean,
): Promise<void> {
  if (approved) {
    await db
      .updateTable('stakeholders')
      .set({ organization_id: organizationId, updated_at: sql`now()` as never })
      .where('id', '=', accountId)
      .execute();
    return;
  }
  await db
    .updateTable('stakeholders')
    .set({ organization_id: null, updated_at: sql`now()` as never })
    .where('id', '=', accountId)
    .where('organization_id', '=', organizationId)
    .execute();
}

/**
 * Deletes the member's own request or membership (withdrawn, or left) and clears the profile
 * organization when it was this one. Answers the deleted row's status, or undefined.
 *
 * @example
 * const was = await deleteMembership(trx, 'iec', accountId); // 'approved'
 */
export async function deleteMembership(
  db: Database,
  organizationId: string,
  accountId: string,
): Promise<OrganizationMembershipsTable['status'] | undefined> {
  const deleted = await db
    .deleteFrom('organization_memberships')
    .where('organization_id', '=', organizationId)
    .where('account_id', '=', accountId)
    .returning('status')
    .executeTakeFirst();
  if (deleted) await setProfileOrganization(db, accountId, organizationId, false);
  return deleted?.status;
}

/**
 * The approved organization of a member other than `organizationId`, if any (a member belongs
 * to one organization at a time).
 *
 * @example
 * const other = await approvedElsewhere(trx, accountId, 'iec'); // 'iso' or undefined
 */
export async function approvedElsewhere(
  db: Database,
  accountId: string,
  organizationId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('organization_memberships')
    .select('organization_id')
    .where('account_id', '=', accountId)
    .where('status', '=', 'approved')
    .where('organization_id', '!=', organizationId)
    .executeTakeFirst();
  return row?.organization_id;
}

/**
 * Every membership of one member, newest request first.
 *
 * @example
 * const rows = await listMemberMemberships(db, accountId);
 */
export async function listMemberMemberships(db: Database, accountId: string): Promise<MembershipRow[]> {
  return selectMembership(db)
    .where('organization_memberships.account_id', '=', accountId)
    .orderBy('organization_memberships.requested_at', 'desc')
    .orderBy('organization_memberships.organization_id')
    .execute() as Promise<MembershipRow[]>;
}

/**
 * One page of an organization's memberships, oldest request first (keyset on requested_at with
 * microseconds, then account id); at most `limit` rows.
 *
 * @example
 * const rows = await listOrganizationMemberships(db, 'iec', { status: 'pending', limit: 20 }, null, 21);
 */
export async function listOrganizationMemberships(
  db: Database,
  organizationId: string,
  params: MembershipListParams,
  after: readonly KeyValue[] | null,
  limit: number,
): Promise<MembershipRow[]> {
  let query = selectMembership(db).where('organization_memberships.organization_id', '=', organizationId);
  if (params.status) query = query.where('organization_memberships.status', '=', params.status);
  if (after) {
    query = query.where(
      afterTimestampKey(
        'organization_memberships.requested_at',
        'organization_memberships.account_id',
        'asc',
        after,
      ),
    );
  }
  return query
    .orderBy('organization_memberships.requested_at')
    .orderBy('organization_memberships.account_id')
    .limit(limit)
    .execute() as Promise<MembershipRow[]>;
}

/**
 * True when the account is an approved manager of the organization.
 *
 * @example
 * if (await isOrganizationManager(db, 'iec', accountId)) showRequests();
 */
export async function isOrganizationManager(
  db: Database,
  organizationId: string,
  accountId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('organization_memberships')
    .select('role')
    .where('organization_id', '=', organizationId)
    .where('account_id', '=', accountId)
    .where('status', '=', 'approved')
    .where('role', '=', 'manager')
    .executeTakeFirst();
  return row !== undefined;
}
