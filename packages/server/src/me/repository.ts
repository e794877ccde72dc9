import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  AccountsTable,
  CommentReportsTable,
  CommentsTable,
  DatabaseSchema,
  StakeholdersTable,
  VotesTable,
} from '../database/schema';
import { revokeUserTokens } from '../identity/accounts-repository';
import { listAuthoredPainPoints } from '../pain-points/repository';
import { listMemberRegistrations } from '../registrations/repository';
import type { MappingRow } from '../standards/repository';
import { forgetVoter } from '../votes/repository';

type Database = Kysely<DatabaseSchema>;

/**
 * The signed-in member's account and profile rows.
 *
 * @example
 * const { account, profile } = await findMe(db, accountId);
 */
export async function findMe(
  db: Database,
  accountId: string,
): Promise<{ account: Selectable<AccountsTable>; profile: Selectable<StakeholdersTable> } | undefined> {
  const account = await db
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!account) return undefined;
  const profile = await db
    .selectFrom('stakeholders')
    .selectAll()
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!profile) return undefined;
  return { account, profile };
}

/** Profile and account columns `PATCH /v1/me` may change. */
export interface MeChanges {
  displayName?: string;
  role?: string;
  country?: string | null;
  city?: string | null;
  bio?: string | null;
  language?: string | null;
}

/**
 * Applies profile and language changes in the caller's transaction.
 *
 * @example
 * await updateMe(trx, accountId, { city: 'Singapore' });
 */
export async function updateMe(db: Database, accountId: string, changes: MeChanges): Promise<void> {
  const profile = {
    ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
    ...(changes.role === undefined ? {} : { role: changes.role }),
    ...(changes.country === undefined ? {} : { country: changes.country }),
    ...(changes.city === undefined ? {} : { city: changes.city }),
    ...(changes.bio === undefined ? {} : { bio: changes.bio }),
  };
  if (Object.keys(profile).length > 0) {
    await db
      .updateTable('stakeholders')
      .set({ ...profile, updated_at: sql`now()` as never })
      .where('id', '=', accountId)
      .execute();
  }
  if (changes.language !== undefined) {
    await db
      .updateTable('accounts')
      .set({ language: changes.language, updated_at: sql`now()` as never })
      .where('id', '=', accountId)
      .execute();
  }
}

/**
 * Everything a member authored or did, for the data export.
 *
 * @example
 * const data = await collectMemberData(db, accountId);
 */
export async function collectMemberData(db: Database, accountId: string) {
  const painPoints = await listAuthoredPainPoints(db, accountId);
  const votes: Selectable<VotesTable>[] = await db
    .selectFrom('votes')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();
  const comments = await db
    .selectFrom('comments')
    .innerJoin('pain_points', 'pain_points.id', 'comments.pain_point_id')
    .selectAll('comments')
    .select('pain_points.locked')
    .where('comments.author_id', '=', accountId)
    .orderBy('comments.created_at')
    .execute();
  const reports: Selectable<CommentReportsTable>[] = await db
    .selectFrom('comment_reports')
    .selectAll()
    .where('reporter_id', '=', accountId)
    .orderBy('created_at')
    .execute();
  const mappings: MappingRow[] = await db
    .selectFrom('standard_mappings')
    .select(['id', 'pain_point_id', 'standard_id', 'coverage', 'clause', 'note', 'expert_id', 'created_at'])
    .select(sql<boolean>`note_hidden_at is not null`.as('note_hidden'))
    .where('expert_id', '=', accountId)
    .orderBy('created_at')
    .execute();
  const registrations = await listMemberRegistrations(db, accountId);
  const partners = await partnersOfMember(db, accountId);
  return {
    partners,
    painPoints,
    votes,
    comments: comments as (Selectable<CommentsTable> & { locked: boolean })[],
    reports,
    mappings,
    registrations,
  };
}

/**
 * The partners a member came through, by name, with how: the one they signed up through, those
 * that sign them in (SSO), and those their writes were made through.
 */
async function partnersOfMember(db: Database, accountId: string) {
  const result = await sql<{ id: string; name: string; via: string[] }>`
    select partner.id, partner.name, array_agg(distinct link.via order by link.via) as via
    from (
      select partner_id, 'sign-up' as via from stakeholders where id = ${accountId}
      union all select partner_id, 'single-sign-on' from partner_identities where account_id = ${accountId}
      union all select partner_id, 'contributions' from pain_points where author_id = ${accountId}
      union all select partner_id, 'contributions' from comments where author_id = ${accountId}
      union all select partner_id, 'contributions' from comment_reports where reporter_id = ${accountId}
      union all select partner_id, 'contributions' from votes where account_id = ${accountId}
      union all select partner_id, 'contributions' from registrations where account_id = ${accountId}
    ) link
    join partners partner on partner.id = link.partner_id
    group by partner.id, partner.name
    order by partner.name, partner.id
  `.execute(db);
  return result.rows.map((row) => ({ id: row.id, name: row.name, via: sortedLinks(row.via) }));
}

const LINK_ORDER = ['sign-up', 'single-sign-on', 'contributions'] as const;

/** `array_agg` comes back as a PostgreSQL array literal on some drivers: read both forms. */
function sortedLinks(via: string[] | string): (typeof LINK_ORDER)[number][] {
  const links = Array.isArray(via) ? via : via.replace(/^\{|\}$/g, '').split(',');
  return LINK_ORDER.filter((link) => links.includes(link));
}

/**
 * Deletes a member the way threads survive it, in the caller's transaction: their pain points,
 * comments, reports and mappings stay with the author set to null ("deleted member"); their
 * votes stay counted but point at an account that no longer holds any personal data, and no
 * longer at its address (`forgetVoter`: where another account with the same address votes too,
 * that vote is the person's); the
 * profile and partner links are deleted; every token is revoked; the account row is kept as
 * a tombstone with its e-mail and password erased.
 *
 * @example
 * await anonymizeAccount(trx, accountId);
 */
export async function anonymizeAccount(db: Database, accountId: string): Promise<void> {
  // First: it locks the pain points the account voted for before the one below updates those
  // it wrote, in the vote statement's order (pain point, then its voters).
  await forgetVoter(db, accountId);
  await db.updateTable('pain_points').set({ author_id: null }).where('author_id', '=', accountId).execute();
  await db.updateTable('comments').set({ author_id: null }).where('author_id', '=', accountId).execute();
  await db
    .updateTable('comment_reports')
    .set({ reporter_id: null })
    .where('reporter_id', '=', accountId)
    .execute();
  await db
    .updateTable('standard_mappings')
    .set({ expert_id: null })
    .where('expert_id', '=', accountId)
    .execute();
  await revokeUserTokens(db, { accountId });
  await db.deleteFrom('partner_identities').where('account_id', '=', accountId).execute();
  await db.deleteFrom('organization_memberships').where('account_id', '=', accountId).execute();
  await db.deleteFrom('stakeholders').where('id', '=', accountId).execute();
  const tombstone = `deleted-${accountId}@deleted.invalid`;
  await db
    .updateTable('accounts')
    .set({
      email: tombstone,
      email_normalized: tombstone,
      password_hash: null,
      language: null,
      roles: ['member'],
      deleted_at: sql`now()` as never,
      updated_at: sql`now()` as never,
    })
    .where('id', '=', accountId)
    .execute();
}
