import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer, databases, type TestServer } from '../test-support';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real request to the listening server, with the Host header a browser at `host` sends. */
function request(
  port: number,
  host: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `${host}:${port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function directive(policy: string, name: string): string[] | undefined {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name);
  return found?.slice(1);
}

describe.each(databases())('/docs "Try it out" at any address on $kind', ({ kind }) => {
  let app: TestServer;
  let port: number;

  beforeAll(async () => {
    app = await createTestServer({ kind, publicUrl: 'http://localhost:8787' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(() => app?.dispose());

  test.each(['localhost', '127.0.0.1'])(
    'opened at http://%s:PORT/docs, the page may call its own origin',
    async (host) => {
      const pageOrigin = `http://${host}:${port}`;
      const page = await request(port, host, '/docs/');
      expect(page.status).toBe(200);
      const policy = String(page.headers['content-security-policy']);
      // 'self' is the origin the browser opened the page at, whichever name it used.
      expect(directive(policy, 'connect-src')).toEqual(["'self'", 'http://localhost:8787']);
      expect(directive(policy, 'default-src')).toEqual(["'self'"]);
      // On a plain-http server, upgrading every call to https would reach nothing.
      expect(directive(policy, 'upgrade-insecure-requests')).toBeUndefined();

      const documentUrl = `${pageOrigin}/docs/json`;
      const document = await request(port, host, '/docs/json');
      expect(document.status).toBe(200);
      const servers = (JSON.parse(document.body) as { servers: { url: string }[] }).servers;
      // Swagger UI calls the first server, resolved against the document's address.
      expect(new URL(servers[0]?.url ?? '', documentUrl).origin).toBe(pageOrigin);
      expect(servers.map((server) => server.url)).toContain('http://localhost:8787');

      // What "Try it out" then sends: a same-origin call, with the Origin header a browser adds.
      const signup = await request(port, host, '/v1/auth/signup', {
        method: 'POST',
        headers: { origin: pageOrigin, 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `docs-${host}@example.org`,
          password: 'correct horse battery staple',
          displayName: 'Docs reader',
          role: 'urban-planner',
        }),
      });
      expect(signup.status, signup.body).toBe(201);
    },
  );

  test('/openapi.json keeps the public URL as its only server', async () => {
    const document = await request(port, '127.0.0.1', '/openapi.json');
    expect((JSON.parse(document.body) as { servers: { url: string }[] }).servers).toEqual([
      { url: 'http://localhost:8787' },
    ]);
  });
});
