import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  createPartner,
  createTestServer,
  databases,
  signUp,
  ssoSignIn,
  type TestServer,
} from '../test-support';
import { CURRENT_PASSWORD_GUESSES_PER_HOUR } from './current-password';

// Moving an account's address moves its password resets: a session alone must not do it.
describe.each(databases())('PATCH /v1/me with a new e-mail address on $kind', ({ kind }) => {
  let app: TestServer;

  beforeAll(async () => {
    app = await createTestServer({ kind });
  });
  beforeEach(() => app.reset());
  afterAll(() => app?.dispose());
  afterEach(() => {
    vi.useRealTimers();
  });

  const patchMe = (headers: Record<string, string>, payload: object) =>
    app.inject({ method: 'PATCH', url: '/v1/me', headers, payload });
  const stateOf = async (accountId: string) => ({
    email: (
      await app.db
        .selectFrom('accounts')
        .select('email')
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow()
    ).email,
    city: (
      await app.db
        .selectFrom('stakeholders')
        .select('city')
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow()
    ).city,
    mails: (
      await app.db.selectFrom('mail_outbox').select('template').where('account_id', '=', accountId).execute()
    ).map((row) => row.template),
  });

  test('a password account must send its current password: missing 422, wrong 403, right 200', async () => {
    const member = await signUp(app, { email: 'owner@example.org' });
    const before = await stateOf(member.accountId);

    const missing = await patchMe(member.headers, { email: 'thief@example.org', city: 'Lyon' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].path).toBe('currentPassword');

    const wrong = await patchMe(member.headers, {
      email: 'thief@example.org',
      city: 'Lyon',
      currentPassword: 'a guess at the password',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().type).toMatch(/\/current-password-wrong$/);
    expect(wrong.json().errors[0].path).toBe('currentPassword');
    // Nothing of either request was written: not the city, not the address, no mail.
    expect(await stateOf(member.accountId)).toEqual(before);

    const right = await patchMe(member.headers, {
      email: 'owner.new@example.org',
      city: 'Lyon',
      currentPassword: member.password,
    });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().account).toMatchObject({ email: 'owner.new@example.org', emailConfirmedAt: null });
    const after = await stateOf(member.accountId);
    expect(after).toMatchObject({ email: 'owner.new@example.org', city: 'Lyon' });
    expect(after.mails.sort()).toEqual([...before.mails, 'email-changed', 'email-confirmation'].sort());

    // The same address again, or no address, needs no password.
    expect((await patchMe(member.headers, { email: 'Owner.New@example.org' })).statusCode).toBe(200);
    expect((await patchMe(member.headers, { city: 'Nice' })).statusCode).toBe(200);
    // A password alone changes nothing.
    expect((await patchMe(member.headers, { currentPassword: member.password })).statusCode).toBe(422);
  });

  test('an account that signs in only through a partner gets 403 email-managed-by-partner', async () => {
    const partner = await createPartner(app);
    const member = await ssoSignIn(app, partner, { externalUserId: 'u-1' });
    for (const payload of [
      { email: 'elsewhere@example.org' },
      { email: 'elsewhere@example.org', currentPassword: 'anything at all' },
    ]) {
      const answer = await patchMe(member.headers, payload);
      expect(answer.statusCode).toBe(403);
      expect(answer.json().type).toMatch(/\/email-managed-by-partner$/);
    }
    expect((await stateOf(member.stakeholderId)).email).toBe('u-1@partner.example.org');
  });

  test('wrong guesses sent at once are limited per account; then even the right one waits', async () => {
    // Guesses are counted per clock hour: the test's clock (Date only) stands ten minutes into the
    // current hour, so a run at 22:59:59 does not count its last tries in the next hour.
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    vi.useFakeTimers({ toFake: ['Date'], now: hour + 600_000 });
    const member = await signUp(app);
    const guesses = CURRENT_PASSWORD_GUESSES_PER_HOUR + 6;
    const answers = await Promise.all(
      Array.from({ length: guesses }, (_, index) =>
        patchMe(member.headers, { email: 'thief@example.org', currentPassword: `guess number ${index}` }),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 403)).toHaveLength(CURRENT_PASSWORD_GUESSES_PER_HOUR);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
    expect(answers.find((answer) => answer.statusCode === 429)?.headers['retry-after']).toBeDefined();

    const right = await patchMe(member.headers, {
      email: 'moved@example.org',
      currentPassword: member.password,
    });
    expect(right.statusCode).toBe(429);
    expect((await stateOf(member.accountId)).email).toBe(member.email);

    // Another account has its own count; a right password costs it no turn.
    const other = await signUp(app);
    for (let index = 0; index < CURRENT_PASSWORD_GUESSES_PER_HOUR + 2; index += 1) {
      const email = `other.${index}@example.org`;
      const moved = await patchMe(other.headers, { email, currentPassword: other.password });
      expect(moved.statusCode, moved.body).toBe(200);
    }
  });
});
