import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';

/** Confirmation or reset mails one address may ask for per hour. */
export const MAIL_REQUESTS_PER_ADDRESS = 5;
/** Confirmation or reset requests one client address may make per hour. */
export const MAIL_REQUESTS_PER_CLIENT = 30;

/**
 * Counts a request for an account mail against its address and its client, per hour, in the
 * database (so every instance shares the counts, with or without Redis), and refuses with 429
 * `rate-limited` past either limit. The address is counted whether or not an account has it, so
 * the answer tells nothing about which addresses are known; it is stored as a sha256.
 *
 * @example
 * await throttleMailRequest(db, { address: 'ada@example.org', client: request.ip, now: new Date() });
 */
export async function throttleMailRequest(
  db: Kysely<DatabaseSchema>,
  request: { address: string; client: string; now: Date },
): Promise<void> {
  const hour = new Date(Math.floor(request.now.getTime() / 3_600_000) * 3_600_000);
  const addressBucket = `address:${createHash('sha256').update(request.address.trim().toLowerCase()).digest('hex')}`;
  const result = await sql<{ bucket: string; count: number }>`
    insert into mail_request_counts (bucket, window_start, count)
    values (${addressBucket}, ${hour}, 1), (${`ip:${request.client}`}, ${hour}, 1)
    on conflict (bucket, window_start) do update set count = mail_request_counts.count + 1
    returning bucket, count
  `.execute(db);
  // Old windows go as new ones come: the table stays a few rows per active client.
  await db
    .deleteFrom('mail_request_counts')
    .where('window_start', '<', new Date(hour.getTime() - 3_600_000))
    .execute();
  const retryAfter = String(
    Math.max(1, Math.ceil((hour.getTime() + 3_600_000 - request.now.getTime()) / 1000)),
  );
  for (const row of result.rows) {
    const limit = row.bucket === addressBucket ? MAIL_REQUESTS_PER_ADDRESS : MAIL_REQUESTS_PER_CLIENT;
    if (Number(row.count) > limit) {
      throw domainError('rate-limited', {
        detail: `Too many requests for account mail: at most ${limit} an hour ${row.bucket === addressBucket ? 'for one address' : 'from one client'}.`,
        headers: { 'retry-after': retryAfter },
      });
    }
  }
}
