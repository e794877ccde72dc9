import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { Writable } from 'node:stream';
import helmet, { type HelmetOptions } from 'helmet';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createServer } from '../app';
import {
  createPartner,
  createTestServer,
  databases,
  type SignedUp,
  signUp,
  type TestServer,
} from '../test-support/index';
import { SECURITY_HEADER_OPTIONS } from './security-headers';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, callback) {
    logLines.push(String(chunk));
    callback();
  },
});

/** What helmet's own middleware sets on a real Node response, minus what Node sets anyway. */
async function headersHelmetSets(options: HelmetOptions): Promise<IncomingHttpHeaders> {
  const server = createHttpServer((request, response) => {
    helmet(options)(request, response, () => response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of response.headers) {
      if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name))
        headers[name] = value;
    }
    return headers;
  } finally {
    server.close();
  }
}

describe.each(databases())('HTTP quality on $kind', ({ kind }) => {
  let app: TestServer;
  let admin: SignedUp;
  beforeAll(async () => {
    app = await createTestServer({ kind, logLevel: 'info', logStream, bodyLimit: 64 * 1024 });
  });
  beforeEach(async () => {
    await app.reset();
    admin = await signUp(app, { roles: ['admin'] });
  });
  afterAll(() => app?.dispose());

  function expectProblem(response: { headers: Record<string, unknown>; json(): unknown }, status: number) {
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = response.json() as Record<string, unknown>;
    expect(problem).toMatchObject({
      status,
      type: expect.stringMatching(/^https:\/\/worldsmartcity\.org\/problems\//),
    });
    expect(typeof problem.title).toBe('string');
    expect(problem.requestId).toBe(response.headers['x-request-id']);
    return problem;
  }

  test('malformed JSON is 400 problem+json, never 500', async () => {
    for (const payload of ['{"email": ', '[1,2', 'null', '']) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, payload).toBeLessThan(500);
      expectProblem(response, response.statusCode);
    }
    const malformed = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().type).toContain('malformed-json');
  });

  test('text the database cannot store (NUL characters) is 422, not 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      payload: {
        email: 'nul@example.org',
        password: 'a long enough password',
        displayName: 'a\u0000b',
        role: 'citizen',
      },
    });
    expectProblem(response, 422);
  });

  test('prototype pollution attempts are refused as malformed JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__": {"admin": true}, "email": "a@example.org", "password": "x"}',
    });
    expectProblem(response, 400);
  });

  test('an oversized body is 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/auth/signup',
      payload: {
        email: 'big@example.org',
        password: 'x'.repeat(100_000),
        displayName: 'Big',
        role: 'citizen',
      },
    });
    expectProblem(response, 413);
  });

  test('a body that is not JSON is 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expectProblem(response, 415);
  });

  test('an unknown route is 404 problem+json; an unknown id is 404', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404);
    expectProblem(
      await app.inject({
        method: 'GET',
        url: '/v1/partners/00000000-0000-0000-0000-000000000000',
        headers: admin.headers,
      }),
      404,
    );
    expectProblem(
      await app.inject({ method: 'GET', url: "/v1/partners/'%20or%201=1--", headers: admin.headers }),
      404,
    );
  });

  test('a tampered cursor or a bad limit is refused as bad input', async () => {
    expectProblem(
      await app.inject({ method: 'GET', url: '/v1/partners?cursor=garbage', headers: admin.headers }),
      400,
    );
    const limit = await app.inject({ method: 'GET', url: '/v1/partners?limit=abc', headers: admin.headers });
    expect(expectProblem(limit, 422).errors).toEqual([expect.objectContaining({ path: 'limit' })]);
  });

  test('every answer carries a request id: generated, or a well-formed one taken from the caller', async () => {
    const generated = await app.inject({ method: 'GET', url: '/health' });
    expect(generated.headers['x-request-id']).toMatch(/^req_[0-9a-f]{32}$/);
    const accepted = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'partner-trace-0001' },
    });
    expect(accepted.headers['x-request-id']).toBe('partner-trace-0001');
    const refused = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id\n<script>' },
    });
    expect(refused.headers['x-request-id']).toMatch(/^req_/);
    const error = await app.inject({
      method: 'GET',
      url: '/nope',
      headers: { 'x-request-id': 'partner-trace-0002' },
    });
    expect(error.json().requestId).toBe('partner-trace-0002');
  });

  test('GET JSON answers carry an ETag; If-None-Match answers 304 without a body', async () => {
    const first = await app.inject({ method: 'GET', url: '/v1/partners', headers: admin.headers });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.vary).toContain('Authorization');
    const cached = await app.inject({
      method: 'GET',
      url: '/v1/partners',
      headers: { ...admin.headers, 'if-none-match': etag },
    });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    await app.inject({
      method: 'POST',
      url: '/v1/partners',
      headers: admin.headers,
      payload: { name: 'Changed' },
    });
    const changed = await app.inject({
      method: 'GET',
      url: '/v1/partners',
      headers: { ...admin.headers, 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  test('security headers are set: every header helmet itself sets, on answers and on errors', async () => {
    const fromHelmet = await headersHelmetSets(SECURITY_HEADER_OPTIONS);
    expect(Object.keys(fromHelmet).length).toBeGreaterThan(8);
    for (const url of ['/health', '/v1/pain-points', '/v1/pain-points/no-such-id']) {
      const response = await app.inject({ method: 'GET', url });
      for (const [name, value] of Object.entries(fromHelmet))
        expect(response.headers[name], `${url} ${name}`).toBe(value);
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  test('CORS: registered origins and public reads are reflected, never *; credentials from foreign origins are not', async () => {
    const partner = await createPartner(app, { origin: 'https://www.itu.int' });
    const preflight = (origin: string, method: string, headers: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/v1/partners',
        headers: {
          origin,
          'access-control-request-method': method,
          'access-control-request-headers': headers,
        },
      });
    const registered = await preflight(
      'https://www.itu.int',
      'POST',
      'authorization, content-type, idempotency-key',
    );
    expect(registered.statusCode).toBe(204);
    expect(registered.headers['access-control-allow-origin']).toBe('https://www.itu.int');
    expect(registered.headers['access-control-allow-headers']).toContain('idempotency-key');
    const foreignWrite = await preflight('https://evil.example', 'POST', 'authorization, content-type');
    expect(foreignWrite.headers['access-control-allow-origin']).toBeUndefined();
    const foreignRead = await preflight('https://any.example', 'GET', 'x-wsc-publishable-key');
    expect(foreignRead.headers['access-control-allow-origin']).toBe('https://any.example');

    const publicRead = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://any.example' },
    });
    expect(publicRead.headers['access-control-allow-origin']).toBe('https://any.example');
    expect(publicRead.headers.vary).toContain('Origin');
    const withToken = await app.inject({
      method: 'GET',
      url: '/v1/partners',
      headers: { ...admin.headers, origin: 'https://evil.example' },
    });
    expect(withToken.headers['access-control-allow-origin']).toBeUndefined();
    const withKey = await app.inject({
      method: 'GET',
      url: '/v1/partners',
      headers: {
        ...admin.headers,
        origin: 'https://www.itu.int',
        'x-wsc-publishable-key': partner.publishableKey,
      },
    });
    expect(withKey.headers['access-control-allow-origin']).toBe('https://www.itu.int');
    expect(withKey.headers['access-control-expose-headers']).toContain('x-request-id');
    for (const response of [registered, foreignRead, publicRead, withKey]) {
      expect(response.headers['access-control-allow-origin']).not.toBe('*');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  test('/docs serves Swagger UI from the package, loading nothing from another host', async () => {
    const redirect = await app.inject({ method: 'GET', url: '/docs' });
    const location = redirect.statusCode === 302 ? String(redirect.headers.location) : '/docs';
    const page = await app.inject({
      method: 'GET',
      url: location.startsWith('/') ? location : `/docs/${location}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(sources.length).toBeGreaterThan(2);
    for (const source of sources) expect(source, source).not.toMatch(/^(https?:)?\/\//);
    const initializer = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    const code = initializer.body.replace(/^\s*\/\/.*$/gm, '');
    expect(code).not.toMatch(/https?:\/\//);
    expect(code).toContain("url: resolveUrl('./json')");
    for (const asset of sources.filter((source) => source.endsWith('.js') || source.endsWith('.css'))) {
      const url = asset.startsWith('/') ? asset : `/docs/static/${asset.replace(/^\.\//, '')}`;
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });

  test('/ready is 200 when the database answers and 503 when it does not', async () => {
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.json()).toEqual({ status: 'ready', database: kind });
    const broken = await createServer({
      database: { ...app.testDatabase, ping: async () => false },
      logLevel: 'silent',
      migrate: false,
      seed: false,
      rateLimit: false,
    });
    try {
      const response = await broken.inject({ method: 'GET', url: '/ready' });
      expectProblem(response, 503);
      expect((await broken.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await broken.close();
    }
  });

  test('logs are JSON lines with request ids and without tokens or keys', async () => {
    const partner = await createPartner(app);
    logLines.length = 0;
    await app.inject({ method: 'GET', url: '/v1/partners', headers: admin.headers });
    await app.inject({ method: 'GET', url: `/health?key=${partner.publishableKey}` });
    await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    await app.inject({
      method: 'POST',
      url: '/v1/sso/tokens',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: {},
    });
    const text = logLines.join('');
    for (const secret of [admin.token, partner.publishableKey, partner.secretKey, admin.password]) {
      expect(text).not.toContain(secret);
    }
    const entries = logLines.map((line) => JSON.parse(line));
    for (const entry of entries) expect(entry).toHaveProperty('level');
    // One line per request at info level: method, URL (query keys redacted), status, time, request id.
    const completed = entries.filter((entry) => entry.msg === 'request completed');
    expect(completed.map((entry) => [entry.req.method, entry.req.url, entry.res.statusCode])).toEqual([
      ['GET', '/v1/partners', 200],
      ['GET', '/health?key=[redacted]', 200],
      ['POST', '/v1/auth/login', 200],
      ['POST', '/v1/sso/tokens', expect.any(Number)],
    ]);
    for (const entry of completed) {
      expect(entry.requestId).toMatch(/\S/);
      expect(entry.responseTime).toBeTypeOf('number');
    }
    expect(entries.filter((entry) => entry.msg === 'incoming request')).toEqual([]);
  });
});
