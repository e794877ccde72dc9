import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';

type Database = Kysely<DatabaseSchema>;

/** A queued mail claimed by a worker, with what it needs to render and send it. */
export interface ClaimedMail {
  id: string;
  accountId: string | null;
  address: string;
  addressNormalized: string;
  template: string;
  language: string;
  data: Record<string, unknown>;
  secrets: Record<string, string>;
  messageId: string | null;
  attempts: number;
  maxAttempts: number;
  claimToken: string;
  /** The address answered a permanent failure before: send nothing unless the template may. */
  undeliverable: boolean;
}

const parseJson = <Value>(value: Value | string | null): Value | null =>
  typeof value === 'string' ? (JSON.parse(value) as Value) : value;

/**
 * Claims up to `limit` due mails for `leaseUntil`, oldest due first. `FOR UPDATE SKIP LOCKED`
 * keeps two workers (two instances) from claiming one row; the lease lets a row claimed by a
 * killed worker be claimed again once it expires. One statement, one round trip.
 *
 * @example
 * const batch = await claimDueMails(db, { now, leaseUntil, token: randomUUID(), limit: 16 });
 */
export async function claimDueMails(
  db: Database,
  claim: { now: Date; leaseUntil: Date; token: string; limit: number },
): Promise<ClaimedMail[]> {
  const result = await sql<{
    id: string;
    account_id: string | null;
    address: string;
    address_normalized: string;
    template: string;
    language: string;
    data: Record<string, unknown> | string;
    secrets: Record<string, string> | string | null;
    message_id: string | null;
    attempts: number;
    max_attempts: number;
    claim_token: string;
    undeliverable: boolean;
  }>`
    with due as (
      select mail.id
      from mail_outbox mail
      where mail.status = 'pending'
        and mail.next_attempt_at <= ${claim.now}
        and (mail.locked_until is null or mail.locked_until <= ${claim.now})
      order by mail.next_attempt_at, mail.id
      limit ${claim.limit}
      for update of mail skip locked
    )
    update mail_outbox mail
    set locked_until = ${claim.leaseUntil}, claim_token = ${claim.token}
    from due
    where mail.id = due.id
    returning mail.id, mail.account_id, mail.address, mail.address_normalized, mail.template,
              mail.language, mail.data, mail.secrets, mail.message_id, mail.attempts,
              mail.max_attempts, mail.claim_token,
              exists (select 1 from mail_undeliverable_addresses marked
                      where marked.address_normalized = mail.address_normalized) as undeliverable
  `.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    accountId: row.account_id,
    address: row.address,
    addressNormalized: row.address_normalized,
    template: row.template,
    language: row.language,
    data: parseJson(row.data) ?? {},
    secrets: parseJson(row.secrets) ?? {},
    messageId: row.message_id,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    claimToken: row.claim_token,
    undeliverable: row.undeliverable,
  }));
}

/** How one attempt ended. */
export interface MailAttemptOutcome {
  at: Date;
  /** `sent`; `retry` at `nextAttemptAt`; `failed` for good; `suppressed` (undeliverable address). */
  outcome: 'sent' | 'retry' | 'failed' | 'suppressed';
  nextAttemptAt: Date | null;
  smtpCode: number | null;
  /** The server's answer or the error, already redacted of addresses. */
  smtpAnswer: string | null;
  durationMilliseconds: number;
  messageId: string;
  /** A permanent refusal of the recipient: mark the address undeliverable. */
  markUndeliverable: boolean;
}

/**
 * Logs one attempt and moves the mail on, only if this worker's claim still holds; erases the
 * mail's secrets once it is finished; marks the address undeliverable on a permanent refusal.
 *
 * @example
 * await recordMailAttempt(db, claimed, outcome);
 */
export async function recordMailAttempt(
  db: Database,
  claimed: ClaimedMail,
  outcome: MailAttemptOutcome,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const finished = outcome.outcome !== 'retry';
    const updated = await trx
      .updateTable('mail_outbox')
      .set({
        status: outcome.outcome === 'retry' ? 'pending' : outcome.outcome,
        attempts: outcome.outcome === 'suppressed' ? claimed.attempts : claimed.attempts + 1,
        message_id: outcome.messageId,
        last_smtp_code: outcome.smtpCode,
        last_smtp_answer: outcome.smtpAnswer,
        last_attempt_at: outcome.at,
        next_attempt_at: finished ? null : outcome.nextAttemptAt,
        sent_at: outcome.outcome === 'sent' ? outcome.at : null,
        locked_until: null,
        claim_token: null,
        ...(finished ? { secrets: null } : {}),
      })
      .where('id', '=', claimed.id)
      .where('claim_token', '=', claimed.claimToken)
      .executeTakeFirst();
    // A lost claim (the lease ran out and another worker took the mail) records nothing.
    if (Number(updated.numUpdatedRows) === 0) return;
    await trx
      .insertInto('mail_attempts')
      .values({
        mail_id: claimed.id,
        attempted_at: outcome.at,
        outcome: outcome.outcome,
        smtp_code: outcome.smtpCode,
        smtp_answer: outcome.smtpAnswer,
        duration_milliseconds: outcome.durationMilliseconds,
      })
      .execute();
    if (outcome.markUndeliverable) {
      await trx
        .insertInto('mail_undeliverable_addresses')
        .values({
          address_normalized: claimed.addressNormalized,
          account_id: claimed.accountId,
          mail_id: claimed.id,
          smtp_code: outcome.smtpCode,
          smtp_answer: outcome.smtpAnswer,
          marked_at: outcome.at,
        })
        .onConflict((conflict) => conflict.column('address_normalized').doNothing())
        .execute();
    }
  });
}

/**
 * When the next mail becomes claimable (due, or its lease expiring), or null when none waits.
 *
 * @example
 * const next = await nextClaimableMailAt(db);
 */
export async function nextClaimableMailAt(db: Database): Promise<Date | null> {
  const result = await sql<{ at: Date | string | null }>`
    select min(greatest(next_attempt_at, coalesce(locked_until, next_attempt_at))) as at
    from mail_outbox
    where status = 'pending'
  `.execute(db);
  const at = result.rows[0]?.at;
  return at ? new Date(at) : null;
}

/**
 * Lifts the undeliverable mark of an address (the member confirmed it again), in the caller's
 * transaction.
 *
 * @example
 * await clearUndeliverable(trx, 'ada@example.org');
 */
export async function clearUndeliverable(db: Database, addressNormalized: string): Promise<void> {
  await db
    .deleteFrom('mail_undeliverable_addresses')
    .where('address_normalized', '=', addressNormalized)
    .execute();
}
