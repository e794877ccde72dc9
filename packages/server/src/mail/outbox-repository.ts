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
 * Logs attempts and moves their mails on, in one transaction of three statements however many
 * there are, each only if its worker's claim still holds (a mail whose lease ran out and that
 * another worker took records nothing here); erases a finished mail's secrets; marks an address
 * undeliverable on a permanent refusal.
 *
 * @example
 * await recordMailAttempts(db, [{ claimed, outcome }]);
 */
export async function recordMailAttempts(
  db: Database,
  attempts: readonly { claimed: ClaimedMail; outcome: MailAttemptOutcome }[],
): Promise<void> {
  if (attempts.length === 0) return;
  const rows = attempts.map(({ claimed, outcome }) => ({
    id: claimed.id,
    claim_token: claimed.claimToken,
    status: outcome.outcome === 'retry' ? 'pending' : outcome.outcome,
    attempts: outcome.outcome === 'suppressed' ? claimed.attempts : claimed.attempts + 1,
    message_id: outcome.messageId,
    smtp_code: outcome.smtpCode,
    smtp_answer: outcome.smtpAnswer,
    attempted_at: outcome.at.toISOString(),
    next_attempt_at: outcome.outcome === 'retry' ? (outcome.nextAttemptAt?.toISOString() ?? null) : null,
    sent_at: outcome.outcome === 'sent' ? outcome.at.toISOString() : null,
    finished: outcome.outcome !== 'retry',
    outcome: outcome.outcome,
    duration_milliseconds: outcome.durationMilliseconds,
    mark_undeliverable: outcome.markUndeliverable,
    address_normalized: claimed.addressNormalized,
    account_id: claimed.accountId,
  }));
  const json = JSON.stringify(rows);
  await db.transaction().execute(async (trx) => {
    const updated = await sql<{ id: string }>`
      update mail_outbox mail
      set status = attempt.status,
          attempts = attempt.attempts,
          message_id = attempt.message_id,
          last_smtp_code = attempt.smtp_code,
          last_smtp_answer = attempt.smtp_answer,
          last_attempt_at = attempt.attempted_at,
          next_attempt_at = attempt.next_attempt_at,
          sent_at = attempt.sent_at,
          locked_until = null,
          claim_token = null,
          secrets = case when attempt.finished then null else mail.secrets end
      from jsonb_to_recordset(${json}::jsonb) as attempt(
        id text, claim_token text, status text, attempts integer, message_id text, smtp_code integer,
        smtp_answer text, attempted_at timestamptz, next_attempt_at timestamptz, sent_at timestamptz,
        finished boolean)
      where mail.id = attempt.id and mail.claim_token = attempt.claim_token
      returning mail.id
    `.execute(trx);
    const held = new Set(updated.rows.map((row) => row.id));
    const kept = rows.filter((row) => held.has(row.id));
    if (kept.length === 0) return;
    await trx
      .insertInto('mail_attempts')
      .values(
        kept.map((row) => ({
          mail_id: row.id,
          attempted_at: row.attempted_at,
          outcome: row.outcome,
          smtp_code: row.smtp_code,
          smtp_answer: row.smtp_answer,
          duration_milliseconds: row.duration_milliseconds,
        })),
      )
      .execute();
    const marked = kept.filter((row) => row.mark_undeliverable);
    if (marked.length > 0) {
      await trx
        .insertInto('mail_undeliverable_addresses')
        .values(
          // One row per address even when two mails to it were refused in this batch.
          [...new Map(marked.map((row) => [row.address_normalized, row])).values()].map((row) => ({
            address_normalized: row.address_normalized,
            account_id: row.account_id,
            mail_id: row.id,
            smtp_code: row.smtp_code,
            smtp_answer: row.smtp_answer,
            marked_at: row.attempted_at,
          })),
        )
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
