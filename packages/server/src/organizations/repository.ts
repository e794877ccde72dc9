import type { Organization, OrganizationListParams } from '@wsc/models';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { KeyValue } from '../community/keyset-cursor';
import { containsPattern } from '../community/text-search';
import type { DatabaseSchema, OrganizationsTable } from '../database/schema';

type Database = Kysely<DatabaseSchema>;

export type OrganizationRow = Selectable<OrganizationsTable>;

/**
 * The one mapper from an organization row to the API object.
 *
 * @example
 * const organization = toOrganization(row);
 */
export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    type: row.type as Organization['type'],
    memberships: row.memberships as Organization['memberships'],
    country: row.country,
    url: row.url,
    verifiedDomains: row.verified_domains,
  };
}

/**
 * One page of organizations by name (keyset on name, id); at most `limit` rows.
 *
 * @example
 * const rows = await listOrganizations(db, { membership: 'ISO', limit: 20 }, null, 21);
 */
export async function listOrganizations(
  db: Database,
  params: OrganizationListParams,
  after: readonly KeyValue[] | null,
  limit: number,
): Promise<OrganizationRow[]> {
  let query = db.selectFrom('organizations').selectAll();
  if (params.type) query = query.where('type', '=', params.type);
  if (params.membership)
    query = query.where(sql<boolean>`memberships @> array[${params.membership}]::text[]`);
  if (params.country) query = query.where('country', '=', params.country);
  if (params.q?.trim()) {
    const pattern = containsPattern(params.q.trim());
    query = query.where(sql<boolean>`(name ilike ${pattern} or slug ilike ${pattern})`);
  }
  if (after) {
    const [name, id] = after;
    query = query.where(sql<boolean>`(name, id) > (${name}, ${id})`);
  }
  return query.orderBy('name', 'asc').orderBy('id', 'asc').limit(limit).execute();
}

/**
 * One organization by id or slug.
 *
 * @example
 * await findOrganization(db, 'iec');
 */
export async function findOrganization(db: Database, idOrSlug: string): Promise<OrganizationRow | undefined> {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .orderBy(sql`id = ${idOrSlug}`, 'desc')
    .executeTakeFirst();
}

/**
 * Writes the organization's verified e-mail domains and answers the updated row.
 *
 * @example
 * const row = await updateOrganizationRecord(trx, 'iec', { verifiedDomains: ['iec.ch'] });
 */
export async function updateOrganizationRecord(
  db: Database,
  id: string,
  values: { verifiedDomains: string[] },
): Promise<OrganizationRow> {
  return db
    .updateTable('organizations')
    .set({ verified_domains: values.verifiedDomains })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
