import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { painPointFixture, type StubServer, sendJson, startStubServer } from '../test/stub-server';
import { WscClient } from './client';
import {
  AbortedError,
  AuthenticationError,
  NetworkError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors/subclasses';
import { WscError } from './errors/wsc-error';
import { VERSION } from './version';

const { version: packageVersion } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

let stub: StubServer;
beforeAll(async () => {
  stub = await startStubServer();
});
afterAll(() => stub.close());

function client(options: Partial<ConstructorParameters<typeof WscClient>[0]> = {}) {
  return new WscClient({ baseURL: stub.baseURL, ...options });
}

async function caught(promise: Promise<unknown>): Promise<WscError> {
  try {
    await promise;
  } catch (error) {
    if (WscError.is(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('WscClient requests', () => {
  it('names the SDK and Node versions in X-WSC-Client, the version read at build time', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    await client().painPoints.get('pp_1');
    expect(stub.requests[0]?.headers['x-wsc-client']).toBe(
      `@wsc/sdk/${VERSION} node/${process.versions.node}`,
    );
    expect(VERSION).toBe(packageVersion);
  });

  it('returns the status, headers and request id of a success with withResponse()', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture(), { etag: '"v1"' }));
    const answer = await client().painPoints.get('pp_1').withResponse();
    expect(answer.data.id).toBe('pp_1');
    expect([answer.status, answer.requestId, answer.headers.etag]).toEqual([200, 'req_stub', '"v1"']);
    // Awaited directly, the same call gives the data alone.
    expect((await client().painPoints.get('pp_1')).id).toBe('pp_1');
  });

  it("hands the options of one call, plugins' own included, to the hooks", async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    const seen: unknown[] = [];
    const withHook = client();
    withHook.hook.before((request) => {
      seen.push(request.options);
    });
    await withHook.painPoints.get('pp_1', { timeout: 5000, headers: { 'x-trace': '1' } });
    expect(seen).toEqual([{ timeout: 5000, headers: { 'x-trace': '1' } }]);
  });

  it('sends credentials, locale and JSON headers, and returns the validated body', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    const painPoint = await client({
      token: 'session_token_123',
      publishableKey: 'pk_test_abc',
      locale: 'fr',
    }).painPoints.get('flooded underpasses');
    expect(painPoint.id).toBe('pp_1');
    const [request] = stub.requests;
    expect(request?.url).toBe('/v1/pain-points/flooded%20underpasses');
    expect(request?.headers.authorization).toBe('Bearer session_token_123');
    expect(request?.headers['x-wsc-publishable-key']).toBe('pk_test_abc');
    expect(request?.headers['accept-language']).toBe('fr');
    expect(request?.headers['idempotency-key']).toBeUndefined();
  });

  it('uses the secret key as bearer and asks getToken before every request', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    await client({ secretKey: 'sk_test_secret' }).painPoints.get('pp_1');
    expect(stub.requests[0]?.headers.authorization).toBe('Bearer sk_test_secret');
    let calls = 0;
    const refreshing = client({ getToken: async () => `token_number_${++calls}` });
    await refreshing.painPoints.get('pp_1');
    await refreshing.painPoints.get('pp_1');
    expect(stub.requests.slice(1).map((request) => request.headers.authorization)).toEqual([
      'Bearer token_number_1',
      'Bearer token_number_2',
    ]);
  });

  it('sends a fresh Idempotency-Key on each mutating call, or the caller’s', async () => {
    stub.handle((_request, response) => sendJson(response, 201, painPointFixture()));
    const sdk = client({ token: 'session_token_123' });
    const body = { title: { en: 'T' }, description: { en: 'D' }, domain: 'water' as const };
    await sdk.painPoints.create(body);
    await sdk.painPoints.create(body);
    await sdk.painPoints.create(body, { idempotencyKey: 'my-key-1' });
    const keys = stub.requests.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('my-key-1');
    expect(JSON.parse(stub.requests[0]?.body ?? '')).toEqual(body);
    expect(stub.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('sends no Content-Type on a write without a body', async () => {
    stub.handle((_request, response) =>
      sendJson(response, 200, { painPointId: 'pp_1', voteCount: 1, voted: true }),
    );
    await client({ token: 'session_token_123' }).painPoints.vote('pp_1');
    expect(stub.requests[0]?.method).toBe('PUT');
    expect(stub.requests[0]?.headers['content-type']).toBeUndefined();
    expect(stub.requests[0]?.headers['idempotency-key']).toBeDefined();
  });

  it('lets a failing getToken reject with its own error, sending nothing', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    const failing = client({
      getToken: () => {
        throw new Error('signed out');
      },
    });
    await expect(failing.painPoints.get('pp_1')).rejects.toThrow('signed out');
    expect(stub.requests).toHaveLength(0);
  });

  it('refuses a secret key in a browser-like environment', () => {
    const globals = globalThis as { window?: unknown };
    globals.window = { document: {} };
    try {
      expect(() => client({ secretKey: 'sk_test_secret' })).toThrow(/browser/);
      expect(() => client({ secretKey: 'sk_test_secret', dangerouslyAllowBrowser: true })).not.toThrow();
    } finally {
      delete globals.window;
    }
  });
});

describe('WscClient response validation', () => {
  it('names the path of a missing field', async () => {
    const { voteCount: _dropped, ...withoutVotes } = painPointFixture();
    stub.handle((_request, response) => sendJson(response, 200, withoutVotes));
    const error = await caught(client().painPoints.get('pp_1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).path).toBe('voteCount');
    expect(error.message).toContain('voteCount');
    expect(error.requestId).toBe('req_stub');
  });

  it('tolerates added fields and skips checks with validate: false', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture({ newField: 1 })));
    await expect(client().painPoints.get('pp_1')).resolves.toMatchObject({ id: 'pp_1' });
    stub.handle((_request, response) => sendJson(response, 200, { id: 'only-an-id' }));
    await expect(client({ validate: false }).painPoints.get('pp_1')).resolves.toEqual({ id: 'only-an-id' });
    await expect(client().painPoints.get('pp_1', { validate: false })).resolves.toEqual({ id: 'only-an-id' });
  });

  it('keeps fields the schema does not know, as the server sent them', async () => {
    const added = painPointFixture({ addedLater: { nested: true } });
    stub.handle((_request, response) =>
      sendJson(response, 200, { data: [added], nextCursor: null, total: 1 }),
    );
    const page = await client().painPoints.list();
    expect(page).toEqual({ data: [added], nextCursor: null, total: 1 });
  });

  it('names the path of a mismatch deep in a page', async () => {
    const items = [painPointFixture(), painPointFixture({ id: 'pp_2', title: { en: 42 } })];
    stub.handle((_request, response) => sendJson(response, 200, { data: items, nextCursor: null }));
    const error = await caught(client().painPoints.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).path).toBe('data.1.title.en');
    expect(error.message).toContain('data.1.title.en');
  });

  it('reports malformed JSON', async () => {
    stub.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"id": "pp_1", "title": ');
    });
    const error = await caught(client().painPoints.get('pp_1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toMatch(/not valid JSON/);
  });
});

describe('WscClient failures', () => {
  it('maps problem+json 422 to a ValidationError with field errors', async () => {
    stub.handle((_request, response) =>
      sendJson(response, 422, {
        type: 'validation',
        title: 'Invalid request',
        status: 422,
        errors: [{ path: 'title.en', message: 'Too long' }],
      }),
    );
    const error = await caught(
      client({ token: 'session_token_123' }).painPoints.update('pp_1', { severity: 'low' }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ path: 'title.en', message: 'Too long' }]);
    expect(error.status).toBe(422);
    expect(error.isRetryable).toBe(false);
  });

  it('maps 401 and keeps the token out of the message', async () => {
    stub.handle((_request, response) =>
      sendJson(response, 401, {
        type: 'x',
        title: 'Invalid credentials',
        status: 401,
        detail: 'Bearer session_token_123 is revoked',
      }),
    );
    const error = await caught(client({ token: 'session_token_123' }).me.get());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).not.toContain('session_token_123');
    expect(JSON.stringify(error)).not.toContain('session_token_123');
  });

  it('maps a 503 burst to retryable ServerErrors with the request id', async () => {
    stub.handle((_request, response) => {
      response.writeHead(503, { 'content-type': 'text/html', 'x-request-id': 'req_503' });
      response.end('<html>Service Unavailable</html>');
    });
    const error = await caught(client().standards.get('iso-37120-2018'));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(503);
    expect(error.requestId).toBe('req_503');
    expect(error.problem).toBeUndefined();
    expect(error.isRetryable).toBe(true);
  });

  it('reads Retry-After on 429', async () => {
    stub.handle((_request, response) =>
      sendJson(
        response,
        429,
        { type: 'rate', title: 'Too Many Requests', status: 429 },
        { 'retry-after': '7' },
      ),
    );
    const error = await caught(client().standards.get('x'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(7);
    expect(error.isRetryable).toBe(true);
  });

  it('times out a server that never answers', async () => {
    stub.handle(() => {});
    const started = Date.now();
    const error = await caught(client({ timeout: 150 }).standards.get('x'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.status).toBe(0);
    expect(error.isRetryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('honours a per-call timeout over the client default', async () => {
    stub.handle(() => {});
    const error = await caught(client({ timeout: 60_000 }).standards.get('x', { timeout: 100 }));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('turns a connection reset into a NetworkError whose cause carries no credentials', async () => {
    stub.handle((_request, response) => response.socket?.destroy());
    const error = await caught(client({ secretKey: 'sk_test_secret' }).partner.stats());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error.status).toBe(0);
    const cause = error.cause as { config?: { headers?: Record<string, unknown> } };
    expect(cause.config?.headers?.authorization).toBe('[redacted]');
    expect(JSON.stringify(error)).not.toContain('sk_test_secret');
    expect(error.message).not.toContain('sk_test_secret');
  });

  it('rejects at once, sending nothing, when the signal is already aborted', async () => {
    let received = 0;
    stub.handle((_request, response) => {
      received += 1;
      sendJson(response, 200, {});
    });
    const error = await caught(client().standards.get('x', { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortedError);
    expect(received).toBe(0);
  });

  it('rejects with AbortedError when the caller aborts', async () => {
    stub.handle(() => {});
    const controller = new AbortController();
    const pending = client().standards.get('x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await caught(pending);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.isRetryable).toBe(false);
  });
});
