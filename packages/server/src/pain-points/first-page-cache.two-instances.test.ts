import type { Page, PainPointView } from '@wsc/models';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../app';
import { createTestDatabase, signUp, type TestDatabase } from '../test-support';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.warn(
    'SKIPPED src/pain-points/first-page-cache.two-instances.test.ts: set TEST_DATABASE_URL to run it',
  );
}

type Server = Awaited<ReturnType<typeof createServer>>;

describe.skipIf(!url)('first-page cache across two instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // A TTL far longer than the test: only the outbox notification can refresh B's page.
    const options = {
      database,
      logLevel: 'silent',
      rateLimit: false as const,
      seed: false,
      firstPageCacheMilliseconds: 60_000,
    };
    a = await createServer(options);
    b = await createServer({ ...options, migrate: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.close();
  });

  async function firstPageOf(server: Server): Promise<Page<PainPointView>> {
    const response = await server.inject({ url: '/v1/pain-points?sort=top' });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page<PainPointView>;
  }

  /** Polls B until its page passes `check` (the notification travels through PostgreSQL). */
  async function untilOnB(check: (page: Page<PainPointView>) => boolean): Promise<Page<PainPointView>> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const page = await firstPageOf(b);
      if (check(page) || Date.now() > deadline) return page;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  test('a pain point posted and a vote cast through A refresh the page cached on B', async () => {
    const member = await signUp(a);
    const before = await firstPageOf(b);
    const posted = await a.inject({
      method: 'POST',
      url: '/v1/pain-points',
      headers: { authorization: `Bearer ${member.token}` },
      payload: {
        title: { en: 'Buses and traffic lights do not talk' },
        description: { en: 'Signal priority needs one interface.' },
        domain: 'mobility',
      },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const id = (posted.json() as PainPointView).id;
    const afterPost = await untilOnB((page) => page.data.some((item) => item.id === id));
    expect(afterPost.data.length).toBe(before.data.length + 1);

    const vote = await a.inject({
      method: 'PUT',
      url: `/v1/pain-points/${id}/vote`,
      headers: { authorization: `Bearer ${member.token}` },
    });
    expect(vote.statusCode, vote.body).toBe(200);
    const afterVote = await untilOnB((page) =>
      page.data.some((item) => item.id === id && item.voteCount === 1),
    );
    expect(afterVote.data.find((item) => item.id === id)?.voteCount).toBe(1);
  });
});
