import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordEvent } from '../outbox/record-event';
import { createPartner, createTestServer, databases, type TestServer } from '../test-support';
import { startTestReceiver, type TestReceiver } from './test-receiver';

describe.each(databases())('the webhook worker under a stream of events on $kind', ({ kind }) => {
  let app: TestServer;
  let receiver: TestReceiver;
  beforeAll(async () => {
    // The worker runs by itself, woken by the outbox, as in production.
    app = await createTestServer({ kind, webhookAllowPrivate: true });
    receiver = await startTestReceiver();
    await app.ready();
  });
  afterAll(async () => {
    await app?.dispose();
    await receiver?.close();
  });

  async function emitOneAfterAnother(prefix: string, count: number): Promise<void> {
    for (let index = 1; index <= count; index += 1) {
      const id = `${prefix}-${index}`;
      await app.db.transaction().execute((trx) =>
        recordEvent(trx, {
          type: 'pain_point.created',
          subject: { type: 'pain_point', id },
          data: { id, title: { en: `Pain point ${index}` } },
          visibility: 'public',
        }),
      );
    }
  }

  test('events committed one after another share looks at the table', async () => {
    // No endpoint yet: each look is a claim query that finds nothing, the cost a vote used to pay.
    const looksBefore = app.webhookWorker.looks;
    await emitOneAfterAnother('quiet', 40);
    await app.outbox.caughtUp();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const looks = app.webhookWorker.looks - looksBefore;
    expect(looks).toBeGreaterThan(0);
    expect(looks).toBeLessThan(10);
  });

  test('with the event gap, every event of a stream is still delivered, once', async () => {
    const partner = await createPartner(app);
    const created = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: { url: receiver.url, eventTypes: ['pain_point.created'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    await emitOneAfterAnother('burst', 40);
    await receiver.waitFor(40, 20_000);
    const delivered = receiver.received.map((request) => JSON.parse(request.body).data.id as string);
    expect(delivered).toHaveLength(40);
    expect(new Set(delivered).size).toBe(40);
  });
});
