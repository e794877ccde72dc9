import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createServer } from '../app';
import { createTestServer, databases, type TestServer } from '../test-support';
import { rebaseOutboxOrder } from './outbox-order';
import { OUTBOX_START, readOutboxAfter } from './outbox-reader';
import { recordEvent } from './record-event';

/** Far above any transaction a test cluster has run. */
const AHEAD = 2n ** 40n;

describe.each(databases())('the outbox order after a move, on $kind', ({ kind }) => {
  let app: TestServer;

  beforeAll(async () => {
    app = await createTestServer({ kind, webhookWorker: false });
  });
  beforeEach(() => app.reset());
  afterAll(() => app?.dispose());

  async function recordFive(): Promise<number[]> {
    const ids: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const { id } = await app.db.transaction().execute((trx) =>
        recordEvent(trx, {
          type: 'pain_point.voted',
          subject: { type: 'pain_point', id: `pp-${index}` },
          data: { painPointId: `pp-${index}` },
          visibility: 'public',
        }),
      );
      ids.push(id);
    }
    return ids;
  }

  /** Gives each event the writing transaction `AHEAD + offset`, as another cluster would have. */
  async function writtenBy(offsets: Map<number, number>): Promise<void> {
    for (const [id, offset] of offsets) {
      await sql`update outbox_events set xact_id = ${String(AHEAD + BigInt(offset))}::xid8 where id = ${id}`.execute(
        app.db,
      );
    }
  }

  const readIds = async () => {
    const page = await readOutboxAfter(app.db, OUTBOX_START);
    return { ids: page.rows.map((row) => row.id), pending: page.pending };
  };

  test('an outbox from a cluster ahead of this one is re-based when the API starts, in the same order', async () => {
    const [a, b, c, d, e] = (await recordFive()) as [number, number, number, number, number];
    // On the old cluster b's transaction committed after c's (ids are drawn without a lock), and
    // d and e came from one transaction: readers went a, c, b, d, e.
    await writtenBy(
      new Map([
        [a, 10],
        [b, 30],
        [c, 20],
        [d, 40],
        [e, 40],
      ]),
    );
    // As restored: every event waits for a transaction this cluster has not run.
    expect(await readIds()).toEqual({ ids: [], pending: true });

    const restarted = await createServer({
      database: app.testDatabase,
      logLevel: 'silent',
      rateLimit: false,
      webhookWorker: false,
    });
    try {
      expect(await readIds()).toEqual({ ids: [a, c, b, d, e], pending: false });
      const positions = await sql<{ id: number; xact: string }>`
        select id, xact_id::text as xact from outbox_events order by id
      `.execute(app.db);
      // Two runs of rising ids (a, c, then b, d, e): two positions, the first two transaction ids.
      expect(positions.rows.map((row) => [Number(row.id), row.xact])).toEqual([
        [a, '3'],
        [b, '4'],
        [c, '3'],
        [d, '4'],
        [e, '4'],
      ]);
      const [next] = await recordFive();
      const after = await readOutboxAfter(app.db, { xact: 4, id: e });
      expect(after.rows[0]?.id).toBe(next);
    } finally {
      await restarted.close();
    }
  });

  test('an outbox written here is left as it is; two instances starting at once re-base once', async () => {
    await recordFive();
    const before = await sql<{
      xact: string;
    }>`select xact_id::text as xact from outbox_events order by id`.execute(app.db);
    expect(await rebaseOutboxOrder(app.db)).toEqual({ events: 0, runs: 0 });
    const unchanged = await sql<{
      xact: string;
    }>`select xact_id::text as xact from outbox_events order by id`.execute(app.db);
    expect(unchanged.rows).toEqual(before.rows);

    await sql`update outbox_events set xact_id = (xact_id::text::int8 + ${String(AHEAD)}::int8)::text::xid8`.execute(
      app.db,
    );
    const rebases = await Promise.all([rebaseOutboxOrder(app.db), rebaseOutboxOrder(app.db)]);
    expect(rebases.map((rebase) => rebase.events).sort()).toEqual([0, 5]);
    expect((await readIds()).ids).toHaveLength(5);
  });
});
