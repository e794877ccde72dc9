import type { OrganizationListParams } from '@wsc/models';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { KeyValue } from '../community/keyset-cursor';
import { containsPattern } from '../community/text-search';
import type { DatabaseSchema, OrganizationsTable } from '../database/schema';

type Database = Kysely<DatabaseSchema>;

export type OrganizationRow = Selectable<OrganizationsTable>;

/**
 * One page of organizations by name (keyset on name, id); `limit + 1` rows.
 *
 * @example
 * const rows = await listOrganizations(db, { membership: 'ISO', limit: 20 }, null);
 */
export async function listOrganizations(
  db: Database,
  params: OrganizationListParams,
  after: readonly KeyValue[] | null,
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
  return query
    .orderBy('name', 'asc')
    .orderBy('id', 'asc')
    .limit(params.limit + 1)
    .execute();
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
