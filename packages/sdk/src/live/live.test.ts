import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StubServer, startStubServer } from '../../test/stub-server';
import { WscClient } from '../client';
import type { WscError } from '../errors/wsc-error';
import type { LiveEvent } from './live';

const createdAt = '2026-05-01T08:00:00.000Z';
/** One SSE frame as the server writes it (`live/sse-frame.ts`): the event JSON on one data line. */
function frame(id: string, type: string, data: Record<string, unknown>): string {
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify({ id, type, createdAt, data })}\n\n`;
}

let stub: StubServer;
beforeAll(async () => {
  stub = await startStubServer();
});
afterAll(() => stub.close());

function until(condition: () => boolean, timeout = 3000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeout) return reject(new Error('condition not met in time'));
      setTimeout(check, 10);
    };
    check();
  });
}

describe('client.live.subscribe', () => {
  it('delivers events, reconnects after a drop and resumes with Last-Event-ID', async () => {
    stub.handle((request, response, index) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      if (index === 0) {
        response.write(': hello\n\n');
        response.write(frame('1', 'pain_point.voted', { painPointId: 'pp_1', voteCount: 1 }));
        response.end(frame('2', 'pain_point.voted', { painPointId: 'pp_1', voteCount: 2 }));
      } else {
        const after = Number(request.headers['last-event-id']);
        response.write(frame(String(after + 1), 'pain_point.voted', { painPointId: 'pp_1', voteCount: 3 }));
      }
    });
    const events: LiveEvent[] = [];
    const client = new WscClient({ baseURL: stub.baseURL, token: 'session_token_1' });
    const subscription = client.live.subscribe(['pain-points', 'votes'], (event) => events.push(event), {
      reconnectDelay: 10,
    });
    await until(() => events.length === 3);
    subscription.close();
    await subscription.closed;
    expect(
      events.map((event) => [event.id, event.type, (event.data as { voteCount?: number }).voteCount]),
    ).toEqual([
      ['1', 'pain_point.voted', 1],
      ['2', 'pain_point.voted', 2],
      ['3', 'pain_point.voted', 3],
    ]);
    expect(stub.requests[0]?.url).toBe('/v1/stream?topics=pain-points%2Cvotes');
    expect(stub.requests[0]?.headers.authorization).toBe('Bearer session_token_1');
    expect(stub.requests[0]?.headers.accept).toBe('text/event-stream');
    expect(stub.requests[0]?.headers['last-event-id']).toBeUndefined();
    expect(stub.requests[1]?.headers['last-event-id']).toBe('2');
    expect(subscription.lastEventId).toBe('3');
  });

  it('a stream ended before its first event (a server stopping) resumes from the starting point it was given', async () => {
    stub.handle((request, response, index) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      if (index === 0) {
        // As @wsc/server writes a new stream, then ends it when it stops (live/sse-frame.ts).
        response.write('retry: 3000\n\n');
        response.write('id: 41\n\n');
        response.end('retry: 5\n: server stopping; reconnect\n\n');
      } else {
        const after = Number(request.headers['last-event-id']);
        response.write(frame(String(after + 1), 'pain_point.voted', { painPointId: 'pp_1', voteCount: 1 }));
      }
    });
    const events: LiveEvent[] = [];
    const subscription = new WscClient({ baseURL: stub.baseURL }).live.subscribe('votes', (event) =>
      events.push(event),
    );
    await until(() => events.length === 1);
    subscription.close();
    await subscription.closed;
    expect(stub.requests[1]?.headers['last-event-id']).toBe('41');
    expect(events.map((event) => event.id)).toEqual(['42']);
  });

  it('stops on a final error such as 401 and reports it', async () => {
    stub.handle((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/problem+json' });
      response.end('{"title":"Invalid credentials","status":401,"type":"x"}');
    });
    const errors: WscError[] = [];
    const subscription = new WscClient({ baseURL: stub.baseURL }).live.subscribe('comments', () => {}, {
      onError: (error) => errors.push(error),
      reconnectDelay: 10,
    });
    await subscription.closed;
    expect(errors.map((error) => error.status)).toEqual([401]);
    expect(stub.requests).toHaveLength(1);
  });

  it('keeps retrying through 503s until it connects', async () => {
    stub.handle((_request, response, index) => {
      if (index < 2) {
        response.writeHead(503);
        return response.end();
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(
        frame('8', 'registration.created', { eventId: 'ev_1', capacity: 10, seatsLeft: 4, waitlisted: 0 }),
      );
    });
    const events: LiveEvent[] = [];
    const subscription = new WscClient({ baseURL: stub.baseURL }).live.subscribe(
      'events',
      (event) => events.push(event),
      { reconnectDelay: 10, onError: () => {} },
    );
    await until(() => events.length === 1);
    subscription.close();
    await subscription.closed;
    expect(events[0]).toMatchObject({ id: '8', type: 'registration.created', data: { seatsLeft: 4 } });
    expect(stub.requests).toHaveLength(3);
  });

  it('delivers an event type added after this version as it came, and skips what is not an event', async () => {
    stub.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: not json\n\n');
      response.write(frame('9', 'pain_point.voted', { painPointId: 'pp_1' }));
      response.write(frame('10', 'pain_point.archived', { id: 'pp_1', reason: 'merged' }));
    });
    const events: LiveEvent[] = [];
    const errors: WscError[] = [];
    const subscription = new WscClient({ baseURL: stub.baseURL }).live.subscribe(
      'pain-points',
      (event) => events.push(event),
      { reconnectDelay: 10, onError: (error) => errors.push(error) },
    );
    await until(() => events.length === 1);
    subscription.close();
    await subscription.closed;
    expect(events).toEqual([
      { id: '10', type: 'pain_point.archived', createdAt, data: { id: 'pp_1', reason: 'merged' } },
    ]);
    expect(errors.map((error) => [error.name, (error as { path?: string }).path])).toEqual([
      ['ResponseValidationError', ''],
      ['ResponseValidationError', 'data.voteCount'],
    ]);
  });
});
