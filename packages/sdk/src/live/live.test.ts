import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StubServer, startStubServer } from '../../test/stub-server';
import { WscClient } from '../client';
import type { WscError } from '../errors/wsc-error';
import type { LiveEvent } from './live';

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
        response.write('id: 1\nevent: pain_point.created\ndata: {"id":"evt_1","data":{"id":"pp_1"}}\n\n');
        response.end('id: 2\nevent: pain_point.voted\ndata: {"id":"evt_2"}\n\n');
      } else {
        response.write(
          `id: 3\nevent: pain_point.voted\ndata: {"after":"${request.headers['last-event-id']}"}\n\n`,
        );
      }
    });
    const events: LiveEvent<unknown>[] = [];
    const client = new WscClient({ baseURL: stub.baseURL, token: 'session_token_1' });
    const subscription = client.live.subscribe(
      ['pain-points', 'votes'],
      (event: LiveEvent<unknown>) => events.push(event),
      {
        reconnectDelay: 10,
      },
    );
    await until(() => events.length === 3);
    subscription.close();
    await subscription.closed;
    expect(events.map((event) => [event.id, event.type])).toEqual([
      ['1', 'pain_point.created'],
      ['2', 'pain_point.voted'],
      ['3', 'pain_point.voted'],
    ]);
    expect(events[0]?.data).toEqual({ id: 'evt_1', data: { id: 'pp_1' } });
    expect(events[2]?.data).toEqual({ after: '2' });
    expect(stub.requests[0]?.url).toBe('/v1/stream?topics=pain-points%2Cvotes');
    expect(stub.requests[0]?.headers.authorization).toBe('Bearer session_token_1');
    expect(stub.requests[0]?.headers.accept).toBe('text/event-stream');
    expect(stub.requests[0]?.headers['last-event-id']).toBeUndefined();
    expect(stub.requests[1]?.headers['last-event-id']).toBe('2');
    expect(subscription.lastEventId).toBe('3');
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
      response.write('data: ready\n\n');
    });
    const events: LiveEvent<unknown>[] = [];
    const subscription = new WscClient({ baseURL: stub.baseURL }).live.subscribe(
      'events',
      (event: LiveEvent<unknown>) => events.push(event),
      {
        reconnectDelay: 10,
        onError: () => {},
      },
    );
    await until(() => events.length === 1);
    subscription.close();
    await subscription.closed;
    expect(events[0]).toEqual({ id: undefined, type: 'message', data: 'ready' });
    expect(stub.requests).toHaveLength(3);
  });
});
