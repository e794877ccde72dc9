import { AbortedError, NotFoundError, ServerError, TimeoutError, WscClient, type WscPlugin } from '@wsc/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { painPointFixture, type StubServer, sendJson, startStubServer } from '../../sdk/test/stub-server';
import { retry } from './retry';

let stub: StubServer;
beforeAll(async () => {
  stub = await startStubServer();
});
afterAll(() => stub.close());

const RetryingClient = WscClient.plugin(retry);
const fast = { minDelay: 5, maxDelay: 20 };
const unavailable = (response: Parameters<Parameters<StubServer['handle']>[0]>[1]) =>
  sendJson(response, 503, { type: 'x', title: 'Service Unavailable', status: 503 });

describe('@wsc/plugin-retry', () => {
  it('rides out a 503 burst on a GET', async () => {
    stub.handle((_request, response, index) =>
      index < 2 ? unavailable(response) : sendJson(response, 200, painPointFixture()),
    );
    const client = new RetryingClient({ baseURL: stub.baseURL, retry: fast });
    await expect(client.painPoints.get('pp_1')).resolves.toMatchObject({ id: 'pp_1' });
    expect(stub.requests).toHaveLength(3);
  });

  it("takes per-call settings over the client's: { retry: { retries: 0 } } turns it off for one call", async () => {
    stub.handle((_request, response, index) =>
      index < 1 ? unavailable(response) : sendJson(response, 200, painPointFixture()),
    );
    const client = new RetryingClient({ baseURL: stub.baseURL, retry: fast });
    await expect(client.painPoints.get('pp_1', { retry: { retries: 0 } })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(stub.requests).toHaveLength(1);
    await expect(client.painPoints.get('pp_1')).resolves.toMatchObject({ id: 'pp_1' });
  });

  it('repeats a POST with the same Idempotency-Key on every attempt', async () => {
    stub.handle((_request, response, index) =>
      index < 2 ? unavailable(response) : sendJson(response, 201, painPointFixture()),
    );
    const client = new RetryingClient({ baseURL: stub.baseURL, token: 'session_token_1', retry: fast });
    await client.painPoints.create({ title: { en: 't' }, description: { en: 'd' }, domain: 'water' });
    const keys = new Set(stub.requests.map((request) => request.headers['idempotency-key']));
    expect(stub.requests).toHaveLength(3);
    expect(keys.size).toBe(1);
  });

  it('never repeats a write that lost its idempotency key', async () => {
    stub.handle((_request, response) => unavailable(response));
    const stripKey: WscPlugin = (client) => {
      client.hook.before((request) => {
        delete request.headers['idempotency-key'];
      });
    };
    const client = new (WscClient.plugin(retry, stripKey))({ baseURL: stub.baseURL, retry: fast });
    await expect(client.auth.logout()).rejects.toBeInstanceOf(ServerError);
    expect(stub.requests).toHaveLength(1);
  });

  it('honours Retry-After on 429', async () => {
    stub.handle((_request, response, index) =>
      index === 0
        ? sendJson(
            response,
            429,
            { type: 'x', title: 'Too Many Requests', status: 429 },
            { 'retry-after': '1' },
          )
        : sendJson(response, 200, painPointFixture()),
    );
    const started = Date.now();
    await new RetryingClient({ baseURL: stub.baseURL, retry: fast }).painPoints.get('pp_1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(stub.requests).toHaveLength(2);
  });

  it('does not retry a 404', async () => {
    stub.handle((_request, response) =>
      sendJson(response, 404, { type: 'x', title: 'Not Found', status: 404 }),
    );
    await expect(
      new RetryingClient({ baseURL: stub.baseURL, retry: fast }).painPoints.get('nope'),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(stub.requests).toHaveLength(1);
  });

  it('retries after a timeout and after a connection reset', async () => {
    stub.handle((_request, response, index) => {
      if (index === 0) return; // never answers: the client times out
      if (index === 1) return response.socket?.destroy();
      sendJson(response, 200, painPointFixture());
    });
    const client = new RetryingClient({ baseURL: stub.baseURL, timeout: 100, retry: fast });
    await expect(client.painPoints.get('pp_1')).resolves.toMatchObject({ id: 'pp_1' });
    expect(stub.requests).toHaveLength(3);
  });

  it('stops at the retry count and at the total time cap', async () => {
    stub.handle((_request, response) => unavailable(response));
    await expect(
      new RetryingClient({ baseURL: stub.baseURL, retry: { ...fast, retries: 2 } }).painPoints.get('pp_1'),
    ).rejects.toBeInstanceOf(ServerError);
    expect(stub.requests).toHaveLength(3);

    stub.handle((_request, response, index) =>
      index === 0
        ? sendJson(response, 429, { type: 'x', title: 'Slow down', status: 429 }, { 'retry-after': '60' })
        : sendJson(response, 200, painPointFixture()),
    );
    const started = Date.now();
    await expect(
      new RetryingClient({ baseURL: stub.baseURL, retry: { maxElapsed: 5000 } }).painPoints.get('pp_1'),
    ).rejects.toMatchObject({ status: 429 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(stub.requests).toHaveLength(1);
  });

  it('gives up on a timeout once the budget is spent', async () => {
    stub.handle(() => {});
    const started = Date.now();
    await expect(
      new RetryingClient({
        baseURL: stub.baseURL,
        timeout: 80,
        retry: { retries: 50, minDelay: 50, maxDelay: 50, maxElapsed: 300 },
      }).painPoints.get('pp_1'),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(600);
    expect(stub.requests.length).toBeLessThan(6);
  });

  it('stops waiting when the caller aborts during the backoff', async () => {
    stub.handle((_request, response) => unavailable(response));
    const controller = new AbortController();
    const pending = new RetryingClient({
      baseURL: stub.baseURL,
      retry: { minDelay: 10_000, maxDelay: 10_000, maxElapsed: 60_000 },
    }).painPoints.get('pp_1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });
});
