import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, databases, type SignedUp, signUp, type TestServer } from '../test-support/index';

describe.each(databases())('Idempotency-Key on $kind', ({ kind }) => {
  let app: TestServer;
  let admin: SignedUp;
  beforeAll(async () => {
    app = await createTestServer({ kind });
  });
  beforeEach(async () => {
    await app.reset();
    admin = await signUp(app, { roles: ['admin'] });
  });
  afterAll(() => app?.dispose());

  const createPartner = (key: string, name: string, headers = admin.headers) =>
    app.inject({
      method: 'POST',
      url: '/v1/partners',
      headers: { ...headers, 'idempotency-key': key },
      payload: { name },
    });
  const countPartners = async () => (await app.db.selectFrom('partners').select('id').execute()).length;

  test('the same key and body replays the first answer with Idempotent-Replayed: true', async () => {
    const first = await createPartner('key-1', 'ITU site');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await createPartner('key-1', 'ITU site');
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(await countPartners()).toBe(1);
  });

  test('the same key with another body is 422 and changes nothing', async () => {
    await createPartner('key-2', 'ITU site');
    const other = await createPartner('key-2', 'ISO site');
    expect(other.statusCode).toBe(422);
    expect(other.json().type).toContain('idempotency-key-reused');
    expect(await countPartners()).toBe(1);
  });

  test('20 concurrent identical requests have one effect and one answer', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => createPartner('key-3', 'Concurrent')),
    );
    const statuses = new Set(responses.map((response) => response.statusCode));
    expect(statuses).toEqual(new Set([201]));
    expect(new Set(responses.map((response) => response.json().id)).size).toBe(1);
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(
      19,
    );
    expect(await countPartners()).toBe(1);
  });

  test('a write refused by a concurrent change (409) stores no answer: the retry with the same key runs', async () => {
    // The fault: the partners table refuses the insert as a CHECK constraint would after a race.
    await sql`
      create or replace function refuse_partner() returns trigger language plpgsql as $$
      begin raise exception 'raced' using errcode = 'check_violation'; end $$
    `.execute(app.db);
    await sql`create trigger refuse_partner before insert on partners
      for each row execute function refuse_partner()`.execute(app.db);
    let refused: Awaited<ReturnType<typeof createPartner>>;
    try {
      refused = await createPartner('key-race', 'Raced');
    } finally {
      await sql`drop trigger if exists refuse_partner on partners`.execute(app.db);
      await sql`drop function if exists refuse_partner()`.execute(app.db);
    }
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ title: 'Conflict with the current state' });
    expect(await countPartners()).toBe(0);

    const retried = await createPartner('key-race', 'Raced');
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await countPartners()).toBe(1);
  });

  test('keys are scoped per caller: the same key from two admins is two requests', async () => {
    const other = await signUp(app, { roles: ['admin'] });
    await createPartner('shared-key', 'Mine');
    const theirs = await createPartner('shared-key', 'Mine', other.headers);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(await countPartners()).toBe(2);
  });

  test('requests without a key are not deduplicated', async () => {
    await app.inject({ method: 'POST', url: '/v1/partners', headers: admin.headers, payload: { name: 'A' } });
    await app.inject({ method: 'POST', url: '/v1/partners', headers: admin.headers, payload: { name: 'A' } });
    expect(await countPartners()).toBe(2);
  });

  test('a failed validation is not stored: the corrected request with the same key runs', async () => {
    const invalid = await createPartner('key-4', '');
    expect(invalid.statusCode).toBe(422);
    const fixed = await createPartner('key-4', 'Fixed');
    expect(fixed.statusCode).toBe(201);
  });

  test('answers carrying a credential are never stored: a repeat is 409, never a second key', async () => {
    const partner = (await createPartner('p', 'Keys')).json();
    const createKey = () =>
      app.inject({
        method: 'POST',
        url: `/v1/partners/${partner.id}/keys`,
        headers: { ...admin.headers, 'idempotency-key': 'key-5' },
        payload: { kind: 'secret', scopes: ['sso'] },
      });
    const first = await createKey();
    expect(first.statusCode).toBe(201);
    const repeat = await createKey();
    expect(repeat.statusCode).toBe(409);
    expect(repeat.json().type).toContain('idempotency-replay-unavailable');
    expect(repeat.body).not.toContain(first.json().key);
    const stored = await app.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', 'key-5')
      .executeTakeFirstOrThrow();
    expect(stored.response_body).toBeNull();
    expect((await app.db.selectFrom('partner_keys').select('id').execute()).length).toBe(1);
  });

  test('an invalid key is 400', async () => {
    const response = await createPartner('x'.repeat(256), 'Too long key');
    expect(response.statusCode).toBe(400);
    expect(response.json().type).toContain('invalid-idempotency-key');
  });

  test('records expire after 24 hours and the key can be used again', async () => {
    await createPartner('key-6', 'Old');
    await app.db
      .updateTable('idempotency_keys')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const fresh = await createPartner('key-6', 'New');
    expect(fresh.statusCode).toBe(201);
    expect(await countPartners()).toBe(2);
    const record = await app.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', 'key-6')
      .executeTakeFirstOrThrow();
    expect(record.expires_at.getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
  });
});
