import type { StakeholderListParams } from '@wsc/models';
import { type Kysely, type Selectable, sql } from 'kysely';
import { afterTimestampKey, type KeyValue, timestampKey } from '../community/keyset-cursor';
import { containsPattern } from '../community/text-search';
import type { DatabaseSchema, StakeholdersTable } from '../database/schema';

type Database = Kysely<DatabaseSchema>;

/** A profile row plus its keyset key (created_at with microseconds). */
export type StakeholderRow = Selectable<StakeholdersTable> & { created_at_key: string };

/**
 * Profiles of active members only: deleted and disabled accounts leave the directory. The
 * account's e-mail is never selected, so it cannot leak through this query.
 */
function selectPublicProfiles(db: Database) {
  return db
    .selectFrom('stakeholders')
    .innerJoin('accounts', 'accounts.id', 'stakeholders.id')
    .selectAll('stakeholders')
    .select(timestampKey('stakeholders.created_at').as('created_at_key'))
    .where('accounts.deleted_at', 'is', null)
    .where('accounts.disabled_at', 'is', null);
}

/**
 * One page of the directory, newest members first (keyset on created_at, id); at most `limit` rows.
 * `organization` is an organization id or slug; `q` matches name, city or bio anywhere.
 *
 * @example
 * const rows = await listStakeholders(db, { role: 'utility', limit: 20 }, null, 21);
 */
export async function listStakeholders(
  db: Database,
  params: StakeholderListParams,
  after: readonly KeyValue[] | null,
  limit: number,
): Promise<StakeholderRow[]> {
  let query = selectPublicProfiles(db);
  if (params.role) query = query.where('stakeholders.role', '=', params.role);
  if (params.country) query = query.where('stakeholders.country', '=', params.country);
  if (params.organization) {
    const organization = params.organization;
    query = query.where((eb) =>
      eb(
        'stakeholders.organization_id',
        'in',
        eb
          .selectFrom('organizations')
          .select('organizations.id')
          .where((inner) =>
            inner.or([
              inner('organizations.id', '=', organization),
              inner('organizations.slug', '=', organization),
            ]),
          ),
      ),
    );
  }
  if (params.q?.trim()) {
    const pattern = containsPattern(params.q.trim());
    query = query.where(
      sql<boolean>`(stakeholders.display_name ilike ${pattern} or stakeholders.city ilike ${pattern} or stakeholders.bio ilike ${pattern})`,
    );
  }
  if (after) {
    query = query.where(afterTimestampKey('stakeholders.created_at', 'stakeholders.id', 'desc', after));
  }
  return query
    .orderBy('stakeholders.created_at', 'desc')
    .orderBy('stakeholders.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * One public profile (active members only).
 *
 * @example
 * await findStakeholder(db, id);
 */
export async function findStakeholder(db: Database, id: string): Promise<StakeholderRow | undefined> {
  return selectPublicProfiles(db).where('stakeholders.id', '=', id).executeTakeFirst();
}
