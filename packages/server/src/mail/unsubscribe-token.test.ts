import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, databases, type TestServer } from '../test-support';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

describe.each(databases())('unsubscribe tokens on $kind', ({ kind }) => {
  let app: TestServer;

  beforeAll(async () => {
    app = await createTestServer({ kind });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('the first signature while another transaction is writing the key waits for it and uses it', async () => {
    await app.db.deleteFrom('mail_signing_keys').execute();
    const claim = { accountId: '4f7a3c7e-0000-4000-8000-000000000001', kind: 'digest' } as const;
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first transaction writes the key and stays open; the second's insert then waits for it,
    // and its statement's snapshot predates the first's commit.
    const first = app.db.transaction().execute(async (trx) => {
      const token = await signUnsubscribeToken(trx, claim);
      await held;
      return token;
    });
    await pause(300);
    const second = app.db.transaction().execute((trx) => signUnsubscribeToken(trx, claim));
    await pause(300);
    release();
    const tokens = await Promise.all([first, second]);
    expect(tokens[1]).toBe(tokens[0]);
    expect(await app.db.selectFrom('mail_signing_keys').select('id').execute()).toHaveLength(1);
    expect(await verifyUnsubscribeToken(app.db, tokens[0])).toEqual(claim);
  });
});
