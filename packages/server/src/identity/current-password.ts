import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import { verifyPassword } from './password';

/** Wrong current passwords one account may send per hour before every try is refused. */
export const CURRENT_PASSWORD_GUESSES_PER_HOUR = 10;

const HOUR_MILLISECONDS = 3_600_000;

/**
 * Checks the password a signed-in member sends to prove a session is theirs (to change the
 * account's address): 403 `current-password-wrong` naming `currentPassword` when it is not the
 * account's, and 429 `rate-limited` once the account has sent
 * {@link CURRENT_PASSWORD_GUESSES_PER_HOUR} wrong ones this hour (the right one included then,
 * so the answer tells nothing). Each try takes a turn before scrypt runs, in the database (shared
 * by every instance), so many guesses sent at once cannot all be tried; a right password gives its
 * turn back. Call it outside any transaction: scrypt is slow.
 *
 * @example
 * await checkCurrentPassword(db, { accountId, passwordHash, password: body.currentPassword, now: new Date() });
 */
export async function checkCurrentPassword(
  db: Kysely<DatabaseSchema>,
  attempt: { accountId: string; passwordHash: string; password: string; now: Date },
): Promise<void> {
  const hour = new Date(Math.floor(attempt.now.getTime() / HOUR_MILLISECONDS) * HOUR_MILLISECONDS);
  const turn = await db
    .insertInto('current_password_guesses')
    .values({ account_id: attempt.accountId, window_start: hour, count: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['account_id', 'window_start'])
        .doUpdateSet({ count: sql<number>`current_password_guesses.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  // Old windows go as new ones come: a few rows per account that guessed lately.
  await db
    .deleteFrom('current_password_guesses')
    .where('account_id', '=', attempt.accountId)
    .where('window_start', '<', hour)
    .execute();
  if (Number(turn.count) > CURRENT_PASSWORD_GUESSES_PER_HOUR) {
    const retryAfter = Math.max(
      1,
      Math.ceil((hour.getTime() + HOUR_MILLISECONDS - attempt.now.getTime()) / 1000),
    );
    throw domainError('rate-limited', {
      detail: `Too many wrong passwords: at most ${CURRENT_PASSWORD_GUESSES_PER_HOUR} an hour for one account.`,
      headers: { 'retry-after': String(retryAfter) },
    });
  }
  if (await verifyPassword(attempt.password, attempt.passwordHash)) {
    await db
      .updateTable('current_password_guesses')
      .set({ count: sql<number>`count - 1` })
      .where('account_id', '=', attempt.accountId)
      .where('window_start', '=', hour)
      .execute();
    return;
  }
  throw domainError('current-password-wrong', {
    detail: 'This is not the password of your account.',
    errors: [{ path: 'currentPassword', message: 'Not the password of your account', code: 'wrong' }],
  });
}
