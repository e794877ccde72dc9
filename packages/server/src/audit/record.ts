import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

export interface AuditEntry {
  /** Account that acted; null for a partner's server or the system. */
  actorId: string | null;
  /** `noun.verb`, e.g. `comment.hidden`, `partner_key.revoked`. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  data?: Record<string, unknown>;
  partnerId?: string | null;
  requestId?: string | null;
}

/**
 * Appends one entry to the audit log, in the caller's transaction so the log and the change
 * commit together.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.updateTable('comments').set({ hidden_at: new Date() }).where('id', '=', id).execute();
 *   await recordAudit(trx, { actorId: account.id, action: 'comment.hidden', subjectType: 'comment', subjectId: id });
 * });
 */
export async function recordAudit(db: Kysely<DatabaseSchema>, entry: AuditEntry): Promise<void> {
  await auditInsert(db, entry).execute();
}

/**
 * The statement that appends an entry (see {@link recordAudit}), unrun: for a caller that writes
 * it with its other writes in one statement (a data-modifying `WITH`).
 *
 * @example
 * await recordEvent(trx, { …, alsoWrite: [auditInsert(trx, entry)] });
 */
export function auditInsert(db: Kysely<DatabaseSchema>, entry: AuditEntry) {
  return db.insertInto('audit_log').values({
    actor_id: entry.actorId,
    partner_id: entry.partnerId ?? null,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    data: JSON.stringify(entry.data ?? {}),
    request_id: entry.requestId ?? null,
  });
}
