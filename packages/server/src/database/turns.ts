import { CompiledQuery, type Kysely } from 'kysely';
import type { DatabaseSchema } from './schema';

/** What writers take turns on (see {@link holdSubject}). */
export type TurnSubject = 'pain_point' | 'event' | 'partner_user' | 'partner_sso_accounts';

/**
 * Makes the writers of one subject (a pain point, an event) take turns from the start of their
 * transactions. Call it as the FIRST statement of a transaction whose event carries state that
 * other writers of the subject change (vote counts, seats left). Readers go through events in
 * the order their transactions were given ids (migrations/0006_outbox_commit_order.sql), and
 * PostgreSQL gives a transaction its id at its first write or row lock, before any wait for
 * that lock. An advisory lock is waited for without one, so the writer that goes second gets
 * the larger id and its event (with the newer count) comes second on every stream.
 *
 * `partner_user` (id `<partner id>:<external user id>`) serializes single sign-ins of one
 * partner user, so concurrent first sign-ins link one account instead of racing to create two.
 * `partner_sso_accounts` (id: the partner's) serializes the creation of a partner's SSO accounts
 * with each other (the sign-up limit counts them) and with a suspension of those accounts (which
 * then sees every one of them).
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await holdSubject(trx, 'pain_point', id);
 *   // … lock the row, change it, recordEvent …
 * });
 */
export async function holdSubject(
  trx: Kysely<DatabaseSchema>,
  subject: TurnSubject,
  id: string,
): Promise<void> {
  await trx.executeQuery(CompiledQuery.raw(`select ${subjectTurnSql(subject, '$1')}`, [id]));
}

/**
 * The SQL call that takes a subject's turn, the subject's id given as the SQL text `idSql` (a
 * parameter such as `$1`). The one definition of the lock key, for {@link holdSubject} and for
 * statements that take the turn inline (the vote).
 */
export function subjectTurnSql(subject: TurnSubject, idSql: string): string {
  return `pg_advisory_xact_lock(hashtextextended('${subject}:' || ${idSql}, 0))`;
}
