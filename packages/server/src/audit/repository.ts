import type { Kysely } from 'kysely';
import { afterTimestampKey, type KeyValue, timestampKey } from '../community/keyset-cursor';
import type { DatabaseSchema } from '../database/schema';

/** Filters of `GET /v1/audit-log`; they combine with AND. */
export interface AuditLogFilters {
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  actorId?: string | undefined;
}

/**
 * One page of the audit log, newest first (keyset on `at` to the microsecond, then id);
 * `limit + 1` rows, each with `at_key`, its time as the cursor and the API give it.
 *
 * @example
 * const rows = await listAuditEntries(db, { subjectType: 'comment' }, null, 21);
 */
export async function listAuditEntries(
  db: Kysely<DatabaseSchema>,
  filters: AuditLogFilters,
  after: readonly KeyValue[] | null,
  limit: number,
) {
  let query = db
    .selectFrom('audit_log')
    .select([
      'audit_log.id',
      'audit_log.actor_id',
      'audit_log.partner_id',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.data',
      'audit_log.request_id',
      timestampKey('audit_log.at').as('at_key'),
    ]);
  if (filters.subjectType) query = query.where('audit_log.subject_type', '=', filters.subjectType);
  if (filters.subjectId) query = query.where('audit_log.subject_id', '=', filters.subjectId);
  if (filters.actorId) query = query.where('audit_log.actor_id', '=', filters.actorId);
  if (after) {
    query = query.where(afterTimestampKey('audit_log.at', 'audit_log.id', 'desc', after));
  }
  return query.orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(limit).execute();
}
