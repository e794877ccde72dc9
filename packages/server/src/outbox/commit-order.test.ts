import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { postPainPoint, quickMember } from '../community/fixtures';
import type { NotificationListener } from '../database/listen';
import { OUTBOX_CHANNEL } from '../database/outbox-commits';
import { createEventAs, createMembers, type TestMember } from '../events/fixtures';
import { openStream, type SseConnection, type SseFrame } from '../live/test-sse-client';
import { createTestServer, databases, type TestServer, whileAuditWriteIsSlow } from '../test-support';
import { changeVote } from '../votes/repository';
import { OutboxFeed } from './outbox-feed';
import { latestOutboxPosition, OUTBOX_START, positionAfterEvent, readOutboxAfter } from './outbox-reader';
import { recordEvent } from './record-event';

const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

function votedEvent(painPointId: string) {
  return {
    type: 'pain_point.voted' as const,
    subject: { type: 'pain_point', id: painPointId },
    data: { painPointId },
    visibility: 'public' as const,
  };
}

describe.each(databases())('outbox announcements on $kind', ({ kind }) => {
  let app: TestServer;
  let announced = 0;
  let stop: () => void;

  beforeAll(async () => {
    app = await createTestServer({ kind, webhookWorker: false });
    stop = app.database.onOutboxCommit(() => {
      announced += 1;
    });
  });
  afterAll(async () => {
    stop?.();
    await app?.dispose();
  });
  beforeEach(async () => {
    await app.reset();
    announced = 0;
  });

  test('a transaction that wrote events is announced once, after its commit', async () => {
    let duringTransaction = -1;
    await app.db.transaction().execute(async (trx) => {
      await recordEvent(trx, votedEvent('pp-1'));
      await recordEvent(trx, votedEvent('pp-2'));
      duringTransaction = announced;
    });
    expect(duringTransaction).toBe(0);
    expect(announced).toBe(1);
  });

  test('a rolled-back transaction and one without events are not announced', async () => {
    await expect(
      app.db.transaction().execute(async (trx) => {
        await recordEvent(trx, votedEvent('pp-1'));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await app.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
    });
    expect(announced).toBe(0);
    const stored = await app.db.selectFrom('outbox_events').select('id').execute();
    expect(stored).toEqual([]);
  });

  test('a statement on its own (the vote) is announced when it returns, a repeated one too (a spare read)', async () => {
    const member = await quickMember(app);
    const painPoint = await postPainPoint(app, member.headers);
    announced = 0;
    const input = { painPointId: painPoint.id, accountId: member.accountId, partnerId: null, voted: true };
    expect((await changeVote(app.db, input))?.voteCount).toBeGreaterThan(0);
    expect(announced).toBe(1);
    // The repeated vote inserts nothing, but its statement names the outbox: one spare read, no harm.
    expect(await changeVote(app.db, input)).toBeUndefined();
    expect(announced).toBe(2);
  });

  test("the feed reads after other instances' NOTIFYs and skips its own, which name it", async () => {
    if (kind === 'postgres') {
      const payloads: string[] = [];
      const stop = await app.database.listen(OUTBOX_CHANNEL, (payload) => payloads.push(payload));
      try {
        await app.db.transaction().execute((trx) => recordEvent(trx, votedEvent('pp-1')));
        const origin = app.database.outboxOrigin;
        for (let waited = 0; !payloads.includes(origin) && waited < 2000; waited += 20) await wait(20);
        // Other test files' instances share the channel (one database, other schemas).
        expect(payloads).toContain(origin);
      } finally {
        await stop();
      }
    }
    let heard: NotificationListener = () => {};
    const feed = new OutboxFeed(
      {
        ...app.database,
        listen: async (_channel, onNotify) => {
          heard = onNotify;
          return async () => {};
        },
      },
      app.log,
    );
    await feed.start();
    try {
      await feed.poke();
      const poke = vi.spyOn(feed, 'poke');
      heard(app.database.outboxOrigin);
      expect(poke).not.toHaveBeenCalled();
      heard('another instance');
      heard(''); // an instance of an earlier release
      expect(poke).toHaveBeenCalledTimes(2);
    } finally {
      await feed.stop();
    }
  });

  test('resuming after an event: its own position; one past the retention or from the future still skips nothing newer', async () => {
    const ids: number[] = [];
    for (const painPointId of ['pp-1', 'pp-2', 'pp-3', 'pp-4']) {
      ids.push((await app.db.transaction().execute((trx) => recordEvent(trx, votedEvent(painPointId)))).id);
    }
    const [, second, third, fourth] = ids as [number, number, number, number];
    // On a shared PostgreSQL server, other sessions' open transactions may hold the events back
    // for a moment (they are not settled yet): wait until they are.
    for (let tries = 0; (await readOutboxAfter(app.db, OUTBOX_START)).pending; tries += 1) {
      if (tries > 500) throw new Error('the outbox never settled');
      await wait(10);
    }
    const idsAfter = async (id: number) =>
      (await readOutboxAfter(app.db, await positionAfterEvent(app.db, id))).rows.map((row) => row.id);
    expect(await idsAfter(second)).toEqual([third, fourth]);
    // The retention removed the second event: a client that last saw it gets what followed it.
    await app.db.deleteFrom('outbox_events').where('id', '=', second).execute();
    expect(await idsAfter(second)).toEqual([third, fourth]);
    // An id this database never gave (another database, a reset): from now on, like a new reader.
    expect(await idsAfter(fourth + 1000)).toEqual([]);
    expect(await positionAfterEvent(app.db, fourth + 1000)).toEqual(await latestOutboxPosition(app.db));
  });
});

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('outbox order with writers that overlap (PostgreSQL)', () => {
  let app: TestServer;
  let base: string;
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    app = await createTestServer({ kind: 'postgres', webhookWorker: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await app?.dispose();
  });

  async function connect(query: string) {
    const stream = await openStream(`${base}/v1/stream${query}`);
    streams.push(stream);
    await stream.until((frames) => frames.some((frame) => frame.retry !== undefined));
    return stream;
  }

  test('a smaller id committed after a larger one is neither lost nor holds the other writer up', async () => {
    const stream = await connect('?topics=votes');
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let idOfFirst!: number;
    let firstRecorded!: () => void;
    const recorded = new Promise<void>((resolve) => {
      firstRecorded = resolve;
    });
    // Writer 1 draws its id, then stays open.
    const first = app.db.transaction().execute(async (trx) => {
      idOfFirst = (await recordEvent(trx, votedEvent('slow'))).id;
      firstRecorded();
      await held;
    });
    await recorded;
    let idOfSecond: number;
    try {
      // Writer 2 draws a larger id and commits while writer 1 is still open: no common lock waits.
      const second = app.db.transaction().execute((trx) => recordEvent(trx, votedEvent('quick')));
      const outcome = await Promise.race([second.then(() => 'committed'), wait(3000).then(() => 'waiting')]);
      expect(outcome).toBe('committed');
      idOfSecond = (await second).id;
      expect(idOfSecond).toBeGreaterThan(idOfFirst);

      // Writer 2's event waits behind writer 1's open transaction instead of going out alone.
      await wait(300);
      expect(stream.events().map((frame) => frame.id)).toEqual([]);
    } finally {
      release();
      await first;
    }
    // Writer 1 began first, so its event comes first; a reader that took writer 2's event alone
    // would have skipped writer 1's for good.
    await stream.until((frames) => frames.filter((frame) => frame.event).length >= 2, 5000);
    expect(stream.events().map((frame) => Number(frame.id))).toEqual([idOfFirst, idOfSecond]);

    // Resuming after either event gives exactly what followed it in that order.
    const afterFirst = await connect(`?topics=votes&lastEventId=${idOfFirst}`);
    await afterFirst.until((frames) => frames.some((frame) => frame.id), 5000);
    const afterSecond = await connect(`?topics=votes&lastEventId=${idOfSecond}`);
    const third = await app.db.transaction().execute((trx) => recordEvent(trx, votedEvent('third')));
    await afterSecond.until((frames) => frames.some((frame) => frame.id === String(third.id)), 5000);
    await afterFirst.until((frames) => frames.some((frame) => frame.id === String(third.id)), 5000);
    expect(afterFirst.events().map((frame) => Number(frame.id))).toEqual([idOfSecond, third.id]);
    expect(afterSecond.events().map((frame) => Number(frame.id))).toEqual([third.id]);
  });

  test('caughtUp waits for an event held back by an older transaction; poke does not', async () => {
    const handed: number[] = [];
    const unsubscribe = app.outbox.subscribe((rows) => handed.push(...rows.map((row) => row.id)));
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let began!: () => void;
    const open = new Promise<void>((resolve) => {
      began = resolve;
    });
    // An older transaction with a transaction id, in another schema's place: any write will do.
    const older = app.db.transaction().execute(async (trx) => {
      await sql`select pg_current_xact_id()`.execute(trx);
      began();
      await held;
    });
    try {
      await open;
      const event = await app.db.transaction().execute((trx) => recordEvent(trx, votedEvent('held')));
      await app.outbox.poke();
      expect(handed).not.toContain(event.id);
      let caughtUp = false;
      const waiting = app.outbox.caughtUp().then(() => {
        caughtUp = true;
      });
      await wait(100);
      expect(caughtUp).toBe(false);
      release();
      await waiting;
      expect(handed).toContain(event.id);
    } finally {
      release();
      await older;
      unsubscribe();
    }
  });

  test('concurrent votes on one pain point reach the stream in the order of their counts', async () => {
    const voters = await Promise.all(Array.from({ length: 40 }, () => quickMember(app)));
    const painPoint = await postPainPoint(app, voters[0]?.headers ?? {});
    const stream = await connect(`?topics=pain-points/${painPoint.id}`);
    const answers = await Promise.all(
      voters.map((voter) =>
        app.inject({ method: 'PUT', url: `/v1/pain-points/${painPoint.id}/vote`, headers: voter.headers }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(voters.map(() => 200));
    await stream.until(
      (frames) => frames.filter((frame) => frame.event === 'pain_point.voted').length >= 40,
      10_000,
    );
    const counts = stream
      .events()
      .filter((frame) => frame.event === 'pain_point.voted')
      .map((frame) => (JSON.parse(frame.data ?? '{}') as { data: { voteCount: number } }).data.voteCount);
    // A page showing the last count it received shows the real one.
    expect(counts).toEqual(voters.map((_, index) => index + 1));
  });

  test('concurrent registrations reach the stream with seats left in the order seats were taken', async () => {
    const [organiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
    const event = await createEventAs(app, organiser.headers, { capacity: 30 });
    const attendees = await createMembers(app, 30);
    const stream = await connect(`?topics=events/${event.id}`);
    const answers = await Promise.all(
      attendees.map((attendee) =>
        app.inject({
          method: 'POST',
          url: `/v1/events/${event.id}/registrations`,
          headers: attendee.headers,
          payload: { claim: { communityMember: true } },
        }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(attendees.map(() => 201));
    const created = (frames: SseFrame[]) => frames.filter((frame) => frame.event === 'registration.created');
    await stream.until((frames) => created(frames).length >= 30, 10_000);
    const seatsLeft = created(stream.events()).map(
      (frame) => (JSON.parse(frame.data ?? '{}') as { data: { seatsLeft: number } }).data.seatsLeft,
    );
    expect(seatsLeft).toEqual(attendees.map((_, index) => 29 - index));
  });

  test('a programme edit that read the event before a capacity edit committed still states the new capacity', async () => {
    const [organiser] = (await createMembers(app, 1, { organizationId: 'itu' })) as [TestMember];
    const event = await createEventAs(app, organiser.headers, { capacity: 10 });
    const stream = await connect(`?topics=events/${event.id}`);
    const startsAt = new Date(Date.parse(event.startsAt) + 3_600_000).toISOString();
    const endsAt = new Date(Date.parse(event.startsAt) + 7_200_000).toISOString();
    // The fault: the capacity edit stays open for 400 ms after it locked the event (a slow disk,
    // a busy server), long enough for a programme edit to read the event and try to write.
    const { slow: capacityEdit, attempted: session } = await whileAuditWriteIsSlow(
      app.db,
      "new.action = 'event.updated' and new.data -> 'changed' ? 'capacity'",
      () =>
        app.inject({
          method: 'PATCH',
          url: `/v1/events/${event.id}`,
          headers: organiser.headers,
          payload: { capacity: 30 },
        }),
      () =>
        app.inject({
          method: 'POST',
          url: `/v1/events/${event.id}/sessions`,
          headers: organiser.headers,
          payload: { title: { en: 'Water' }, startsAt, endsAt },
        }),
    );
    expect(session.statusCode).toBe(201);
    expect(capacityEdit.statusCode).toBe(200);
    const updates = (frames: SseFrame[]) => frames.filter((frame) => frame.event === 'event.updated');
    await stream.until((frames) => updates(frames).length >= 2, 10_000);
    const stated = updates(stream.events()).map(
      (frame) => (JSON.parse(frame.data ?? '{}') as { data: { capacity: number } }).data.capacity,
    );
    // A page showing the last frame's capacity shows the stored one.
    expect(stated).toEqual([30, 30]);
  });

  test('votes on different pain points commit side by side while another writer holds its transaction', async () => {
    const accounts = await Promise.all(Array.from({ length: 5 }, () => quickMember(app)));
    const painPoint = await postPainPoint(app, accounts[0]?.headers ?? {});
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let open!: () => void;
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    const holder = app.db.transaction().execute(async (trx) => {
      await recordEvent(trx, votedEvent('holder'));
      open();
      await held;
    });
    await opened;
    const votes = Promise.all(
      accounts.map((account) =>
        changeVote(app.db, {
          painPointId: painPoint.id,
          accountId: account.accountId,
          partnerId: null,
          voted: true,
        }),
      ),
    );
    const outcome = await Promise.race([votes.then(() => 'committed'), wait(3000).then(() => 'waiting')]);
    release();
    await holder;
    expect(outcome).toBe('committed');
    expect((await votes).every((change) => typeof change?.voteCount === 'number')).toBe(true);
  });
});
