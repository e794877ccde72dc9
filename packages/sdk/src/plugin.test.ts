import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { painPointFixture, type StubServer, sendJson, startStubServer } from '../test/stub-server';
import { WscClient } from './client';
import { NotFoundError } from './errors/subclasses';
import type { WscPlugin } from './options';

let stub: StubServer;
beforeAll(async () => {
  stub = await startStubServer();
});
afterAll(() => stub.close());

const greeting = ((client) => ({ greet: () => `hello from ${client.options.baseURL}` })) satisfies WscPlugin;

describe('WscClient.plugin', () => {
  it('returns a subclass with the plugin members and leaves the base class alone', () => {
    const Extended = WscClient.plugin(greeting);
    const client = new Extended({ baseURL: 'http://example.test' });
    expect(client.greet()).toBe('hello from http://example.test');
    expect(client).toBeInstanceOf(WscClient);
    expect(WscClient.plugins).toEqual([]);
    expect('greet' in new WscClient({ baseURL: 'http://example.test' })).toBe(false);
  });

  it('composes across calls without applying a plugin twice', () => {
    let applied = 0;
    const counting: WscPlugin = () => {
      applied++;
    };
    const Twice = WscClient.plugin(counting).plugin(counting, greeting);
    new Twice({ baseURL: 'http://example.test' });
    expect(applied).toBe(1);
    expect(Twice.plugins).toHaveLength(2);
  });

  it('hands plugins the constructor options', () => {
    let seen: unknown;
    const reader: WscPlugin = (_client, options) => {
      seen = options.locale;
    };
    new (WscClient.plugin(reader))({ baseURL: 'http://example.test', locale: 'ar' });
    expect(seen).toBe('ar');
  });
});

describe('hooks', () => {
  it('runs before, after, error and wrap hooks, later registrations outermost', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    const order: string[] = [];
    const tracing: WscPlugin = (client) => {
      client.hook.before((request) => {
        order.push(`before ${request.route}`);
        request.headers['x-plugin'] = 'yes';
      });
      client.hook.after((response) => {
        order.push(`after ${response.status}`);
      });
      client.hook.wrap(async (request, next) => {
        order.push('wrap in');
        const response = await next(request);
        order.push('wrap out');
        return response;
      });
    };
    const client = new (WscClient.plugin(tracing))({ baseURL: stub.baseURL });
    await client.painPoints.get('pp_1');
    expect(order).toEqual(['wrap in', 'before /v1/pain-points/{id}', 'after 200', 'wrap out']);
    expect(stub.requests[0]?.headers['x-plugin']).toBe('yes');
  });

  it('lets an error hook recover with a response', async () => {
    stub.handle((_request, response) =>
      sendJson(response, 404, { type: 'x', title: 'Not Found', status: 404 }),
    );
    const fallback: WscPlugin = (client) => {
      client.hook.error((error) => {
        if (error instanceof NotFoundError) {
          return {
            status: 200,
            headers: {},
            data: painPointFixture({ id: 'fallback' }),
            requestId: undefined,
          };
        }
        throw error;
      });
    };
    const client = new (WscClient.plugin(fallback))({ baseURL: stub.baseURL });
    await expect(client.painPoints.get('gone')).resolves.toMatchObject({ id: 'fallback' });
    await expect(new WscClient({ baseURL: stub.baseURL }).painPoints.get('gone')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('never shows credentials to hooks', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    let seenHeaders: Record<string, string> = {};
    const spy: WscPlugin = (client) => {
      client.hook.before((request) => {
        seenHeaders = { ...request.headers };
      });
    };
    await new (WscClient.plugin(spy))({ baseURL: stub.baseURL, secretKey: 'sk_test_hidden' }).painPoints.get(
      'x',
    );
    expect(JSON.stringify(seenHeaders)).not.toContain('sk_test_hidden');
    expect(stub.requests[0]?.headers.authorization).toBe('Bearer sk_test_hidden');
  });
});
