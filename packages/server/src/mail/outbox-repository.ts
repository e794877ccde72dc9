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

/** A claim of due mails: up to `limit` (0: none) for `leaseUntil`, under `token`. */
export interface MailClaim {
  now: Date;
  leaseUntil: Date;
  token: string;
  limit: number;
}

interface ClaimedRow {
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
}

function attemptRows(attempts: readonly { claimed: ClaimedMail; outcome: MailAttemptOutcome }[]) {
  return attempts.map(({ claimed, outcome }) => ({
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
}

/**
 * Records finished attempts and claims the next due mails in ONE statement (one round trip, no
 * transaction of its own: a statement is atomic). Recording: each attempt moves its mail on and
 * logs a `mail_attempts` row only if its worker's claim still holds (a mail whose lease ran out
 * and that another worker took records nothing here); a finished mail's secrets are erased; a
 * permanent refusal marks the address undeliverable. Claiming: up to `claim.limit` due mails,
 * oldest due first, `FOR UPDATE SKIP LOCKED` so two workers (two instances) never claim one row;
 * the lease lets a row claimed by a killed worker be claimed again once it expires. A mail to an
 * address this statement marks is claimed as undeliverable.
 *
 * @example
 * const next = await recordAndClaimMails(db, finished, { now, leaseUntil, token: randomUUID(), limit: 64 });
 */
export async function recordAndClaimMails(
  db: Database,
  attempts: readonly { claimed: ClaimedMail; outcome: MailAttemptOutcome }[],
  claim: MailClaim,
): Promise<ClaimedMail[]> {
  const json = JSON.stringify(attemptRows(attempts));
  const result = await sql<ClaimedRow>`
    with attempt as (
      select * from jsonb_to_recordset(${json}::jsonb) as attempt(
        id text, claim_token text, status text, attempts integer, message_id text, smtp_code integer,
        smtp_answer text, attempted_at timestamptz, next_attempt_at timestamptz, sent_at timestamptz,
        finished boolean, outcome text, duration_milliseconds integer, mark_undeliverable boolean,
        address_normalized text, account_id text)
    ),
    recorded as (
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
      from attempt
      where mail.id = attempt.id and mail.claim_token = attempt.claim_token
      returning mail.id
    ),
    logged as (
      insert into mail_attempts (mail_id, attempted_at, outcome, smtp_code, smtp_answer, duration_milliseconds)
      select attempt.id, attempt.attempted_at, attempt.outcome, attempt.smtp_code, attempt.smtp_answer,
             attempt.duration_milliseconds
      from attempt join recorded on recorded.id = attempt.id
    ),
    marked as (
      -- One row per address even when two mails to it were refused in this group.
      insert into mail_undeliverable_addresses (address_normalized, account_id, mail_id, smtp_code, smtp_answer, marked_at)
      select distinct on (attempt.address_normalized) attempt.address_normalized, attempt.account_id,
             attempt.id, attempt.smtp_code, attempt.smtp_answer, attempt.attempted_at
      from attempt join recorded on recorded.id = attempt.id
      where attempt.mark_undeliverable
      order by attempt.address_normalized, attempt.id
      on conflict (address_normalized) do nothing
    ),
    due as (
      select mail.id
      from mail_outbox mail
      where mail.status = 'pending'
        and mail.next_attempt_at <= ${claim.now}
        and (mail.locked_until is null or mail.locked_until <= ${claim.now})
        and not exists (select 1 from attempt where attempt.id = mail.id)
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
              (exists (select 1 from mail_undeliverable_addresses marked
                       where marked.address_normalized = mail.address_normalized)
               or exists (select 1 from attempt
                          where attempt.mark_undeliverable
                            and attempt.address_normalized = mail.address_normalized)) as undeliverable
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

/**
 * Claims up to `limit` due mails for `leaseUntil` ({@link recordAndClaimMails} with nothing to
 * record). One statement.
 *
 * @example
 * const batch = await claimDueMails(db, { now, leaseUntil, token: randomUUID(), limit: 16 });
 */
export function claimDueMails(db: Database, claim: MailClaim): Promise<ClaimedMail[]> {
  return recordAndClaimMails(db, [], claim);
}

/**
 * Records attempts ({@link recordAndClaimMails} claiming nothing). One statement however many
 * there are.
 *
 * @example
 * await recordMailAttempts(db, [{ claimed, outcome }]);
 */
export async function recordMailAttempts(
  db: Database,
  attempts: readonly { claimed: ClaimedMail; outcome: MailAttemptOutcome }[],
): Promise<void> {
  if (attempts.length === 0) return;
  const now = new Date(0);
  await recordAndClaimMails(db, attempts, { now, leaseUntil: now, token: '', limit: 0 });
}

/**
 * Gives back claimed mails a worker will not send (it stops with a batch claimed ahead): they
 * are claimable at once instead of when their lease expires.
 *
 * @example
 * await releaseMailClaims(db, ['mail_…'], token);
 */
export async function releaseMailClaims(db: Database, ids: readonly string[], token: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('mail_outbox')
    .set({ locked_until: null, claim_token: null })
    .where('id', 'in', [...ids])
    .where('claim_token', '=', token)
    .where('status', '=', 'pending')
    .execute();
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
