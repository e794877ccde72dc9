import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../app';
import { optionsFromEnvironment } from '../config';
import { createTestServer, type TestServer } from '../test-support';

const LOADER = 'import("./chunks/board-ABC123.js");\n'.repeat(20);
const CHUNK = 'export const board = () => "board";\n'.repeat(50);
const GEOMETRY = JSON.stringify({ type: 'FeatureCollection', features: [] });
const PARTNER = 'https://partner.example';
const PER_MINUTE = 2;

/** The headers every embed answer carries, success or problem. */
function expectPublicCrossOrigin(headers: Record<string, unknown>): void {
  expect(headers['access-control-allow-origin']).toBe('*');
  expect(headers['access-control-allow-credentials']).toBeUndefined();
  expect(headers['cross-origin-resource-policy']).toBe('cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers.vary).toBe('Accept-Encoding');
}

describe('/embed/v1: the built widget files', () => {
  let directory: string;
  let app: TestServer;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'wsc-embed-'));
    await mkdir(path.join(directory, 'chunks'));
    await mkdir(path.join(directory, 'assets'));
    await writeFile(path.join(directory, 'wsc.js'), LOADER);
    await writeFile(path.join(directory, 'wsc.js.br'), brotliCompressSync(LOADER));
    await writeFile(path.join(directory, 'chunks', 'board-ABC123.js'), CHUNK);
    await writeFile(path.join(directory, 'chunks', 'board-ABC123.js.gz'), gzipSync(CHUNK));
    await writeFile(path.join(directory, 'chunks', '.hidden'), 'secret');
    await writeFile(path.join(directory, 'assets', 'world-XYZ.json'), GEOMETRY);
    await writeFile(path.join(directory, 'notes.txt'), 'not served');
    // Rate limits on and tiny: the embed files must not count against them.
    app = await createTestServer({ embedDirectory: directory, rateLimit: PER_MINUTE });
  });
  afterAll(async () => {
    await app?.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  test('the loader: JavaScript, cached 5 minutes, loadable from any origin', async () => {
    const response = await app.inject({ url: '/embed/v1/wsc.js', headers: { origin: PARTNER } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(LOADER);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers.etag).toMatch(/^"[^"]+"$/);
    expect(response.headers['content-encoding']).toBeUndefined();
    expectPublicCrossOrigin(response.headers);
  });

  test('chunks and assets: immutable for a year, with their media types', async () => {
    const chunk = await app.inject({ url: '/embed/v1/chunks/board-ABC123.js', headers: { origin: PARTNER } });
    expect(chunk.statusCode).toBe(200);
    expect(chunk.body).toBe(CHUNK);
    expect(chunk.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectPublicCrossOrigin(chunk.headers);

    const geometry = await app.inject({
      url: '/embed/v1/assets/world-XYZ.json',
      headers: { origin: PARTNER },
    });
    expect(geometry.statusCode).toBe(200);
    expect(geometry.json()).toEqual(JSON.parse(GEOMETRY));
    expect(geometry.headers['content-type']).toBe('application/json');
    expect(geometry.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The API's JSON ETag step adds `Vary: Authorization`; static files do not vary by caller.
    expectPublicCrossOrigin(geometry.headers);
  });

  test('credentials are neither read nor allowed: a bad token still loads, with `*`', async () => {
    const response = await app.inject({
      url: '/embed/v1/wsc.js',
      headers: { origin: PARTNER, authorization: 'Bearer wsc_ses_notARealTokenAtAllxxxxxxxxxxxxxxxxxx' },
    });
    expect(response.statusCode).toBe(200);
    expectPublicCrossOrigin(response.headers);
  });

  test('precompressed siblings follow Accept-Encoding', async () => {
    const gzipped = await app.inject({
      url: '/embed/v1/chunks/board-ABC123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(CHUNK);
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.rawPayload.length);

    const brotli = await app.inject({ url: '/embed/v1/wsc.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString('utf8')).toBe(LOADER);
    expect(brotli.headers['cache-control']).toBe('public, max-age=300');

    // Refused codings, or none available: the plain file.
    for (const [url, acceptEncoding] of [
      ['/embed/v1/chunks/board-ABC123.js', 'gzip;q=0, br'],
      ['/embed/v1/chunks/board-ABC123.js', 'identity'],
      ['/embed/v1/wsc.js', 'gzip'],
    ] as const) {
      const plain = await app.inject({ url, headers: { 'accept-encoding': acceptEncoding } });
      expect(plain.headers['content-encoding'], `${url} ${acceptEncoding}`).toBeUndefined();
      expect(plain.body).toBe(url.endsWith('wsc.js') ? LOADER : CHUNK);
    }
    // Each representation has its own strong ETag.
    const plain = await app.inject({ url: '/embed/v1/chunks/board-ABC123.js' });
    expect(plain.headers.etag).not.toBe(gzipped.headers.etag);
  });

  test('If-None-Match with the ETag answers 304 without a body', async () => {
    for (const url of [
      '/embed/v1/wsc.js',
      '/embed/v1/chunks/board-ABC123.js',
      '/embed/v1/assets/world-XYZ.json',
    ]) {
      const first = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      const tag = String(first.headers.etag);
      const again = await app.inject({
        url,
        headers: { 'accept-encoding': 'gzip', 'if-none-match': tag, origin: PARTNER },
      });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(tag);
      expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
      expectPublicCrossOrigin(again.headers);
      const changed = await app.inject({ url, headers: { 'if-none-match': '"something-else"' } });
      expect(changed.statusCode).toBe(200);
    }
  });

  test('HEAD answers the headers and the length without the body', async () => {
    const response = await app.inject({ method: 'HEAD', url: '/embed/v1/chunks/board-ABC123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(CHUNK)));
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  test.each([
    '/embed/v1/chunks/unknown-000000.js',
    '/embed/v1/chunks/..%2f..%2fpackage.json',
    '/embed/v1/assets/..%2f..%2fwsc.js',
    '/embed/v1/chunks/.hidden',
    '/embed/v1/chunks/board-ABC123.js.gz',
    '/embed/v1/chunks/nested/board-ABC123.js',
    '/embed/v1/notes.txt',
    '/embed/v1/',
  ])('%s is a 404 problem', async (url) => {
    const response = await app.inject({ url, headers: { origin: PARTNER } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({
      type: 'https://worldsmartcity.org/problems/not-found',
      status: 404,
    });
    expectPublicCrossOrigin(response.headers);
  });

  test('the embed files are not rate limited, the API still is', async () => {
    const remoteAddress = '10.9.8.7';
    for (let index = 0; index < PER_MINUTE + 3; index += 1) {
      const response = await app.inject({ url: '/embed/v1/wsc.js', remoteAddress });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
    const api = await app.inject({ url: '/v1/partners?limit=1', remoteAddress });
    expect(api.headers['x-ratelimit-limit']).toBe(String(PER_MINUTE));
  });

  test('they are not API operations: /openapi.json leaves them out', async () => {
    const document = app.swagger() as { paths?: Record<string, unknown> };
    expect(Object.keys(document.paths ?? {}).filter((route) => route.startsWith('/embed'))).toEqual([]);
    expect(app.routeInventory.filter((route) => route.url.startsWith('/embed'))).toEqual([]);
  });

  test('without embedDirectory every /embed/v1/* says the widgets are not built', async () => {
    const bare = await createServer({
      database: app.testDatabase,
      migrate: false,
      seed: false,
      logLevel: 'silent',
      rateLimit: false,
      webhookWorker: false,
      firstPageCacheMilliseconds: 0,
    });
    try {
      for (const url of ['/embed/v1/wsc.js', '/embed/v1/chunks/board-ABC123.js']) {
        const response = await bare.inject({ url, headers: { origin: PARTNER } });
        expect(response.statusCode).toBe(404);
        expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
        const body = response.json() as { type: string; detail: string };
        expect(body.type).toBe('https://worldsmartcity.org/problems/not-found');
        expect(body.detail).toContain('not built');
        expect(body.detail).toContain('embedDirectory');
        expect(body.detail).toContain('WSC_EMBED_DIR');
        expectPublicCrossOrigin(response.headers);
      }
    } finally {
      await bare.close();
    }
  });

  test('WSC_EMBED_DIR sets embedDirectory', () => {
    expect(optionsFromEnvironment({ WSC_EMBED_DIR: '/srv/embed' }).embedDirectory).toBe('/srv/embed');
    expect(optionsFromEnvironment({}).embedDirectory).toBeUndefined();
  });
});
