// The documentation's static server: clean URLs, the API's URL and key written into every page
// (escaped), 404s, nothing outside the built folder, and `npm start`'s contract (one line when
// listening, one line naming the variable when the port is taken, exit 0 on SIGTERM).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsServer, NOT_BUILT, startDocsServer } from '../serve.mjs';
import { docsDirectory, freePort } from './servers';

const site = mkdtempSync(join(tmpdir(), 'wsc-docs-serve-'));
const PAGE = (title: string) =>
  `<!doctype html><html><head><meta name="wsc-api-url" content="%WSC_API_URL%"><meta name="wsc-publishable-key" content="%WSC_PUBLISHABLE_KEY%"><title>${title}</title></head><body>${title}</body></html>`;

beforeAll(() => {
  mkdirSync(join(site, 'http'), { recursive: true });
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), PAGE('Home'));
  writeFileSync(join(site, 'getting-started.html'), PAGE('Getting started'));
  writeFileSync(join(site, 'http', 'index.html'), PAGE('HTTP API'));
  writeFileSync(join(site, '404.html'), PAGE('Not found'));
  writeFileSync(join(site, 'assets', 'app.abc123.js'), 'console.log("%WSC_API_URL%")');
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('startDocsServer', () => {
  let docs: DocsServer;
  beforeAll(async () => {
    docs = await startDocsServer({
      port: 0,
      directory: site,
      apiUrl: 'http://localhost:8787/',
      publishableKey: 'pk_live_"><script>',
    });
  });
  afterAll(() => docs?.close());

  it('answers clean URLs with the pages, their placeholders filled and escaped', async () => {
    const response = await fetch(`${docs.url}/getting-started`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<meta name="wsc-api-url" content="http://localhost:8787">');
    expect(html).toContain('<meta name="wsc-publishable-key" content="pk_live_&#34;&#62;&#60;script&#62;">');
    expect(await (await fetch(`${docs.url}/http/`)).text()).toContain('HTTP API');
    expect(await (await fetch(`${docs.url}/http`)).text()).toContain('HTTP API');
    expect(await (await fetch(`${docs.url}/`)).text()).toContain('Home');
  });

  it('serves assets as they are, cached for good', async () => {
    const response = await fetch(`${docs.url}/assets/app.abc123.js`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log("%WSC_API_URL%")');
  });

  it('answers the 404 page for unknown paths and for paths leaving the folder', async () => {
    for (const path of ['/no-such-page', '/../package.json', '/%2e%2e/serve.mjs', '/%E0%A4%A']) {
      const response = await fetch(`${docs.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('Not found');
    }
    expect((await fetch(`${docs.url}/`, { method: 'POST' })).status).toBe(405);
  });

  it('answers a page saying what to run, 503, while the folder holds no build', async () => {
    const empty = await startDocsServer({ port: 0, directory: join(site, 'http', 'none') });
    try {
      const response = await fetch(`${empty.url}/getting-started`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('10');
      expect(await response.text()).toContain(NOT_BUILT.split(':')[0]);
    } finally {
      await empty.close();
    }
  });

  it("says it in the reader's language: the path's, else Accept-Language's; Arabic right to left", async () => {
    const empty = await startDocsServer({
      port: 0,
      directory: join(site, 'http', 'none'),
      buildState: () => 'building',
    });
    try {
      const arabic = await fetch(`${empty.url}/ar/getting-started`, { headers: { 'accept-language': 'fr' } });
      expect(arabic.status).toBe(503);
      expect(arabic.headers.get('content-language')).toBe('ar');
      const page = await arabic.text();
      expect(page).toContain('<html lang="ar" dir="rtl">');
      expect(page).toContain('يجري بناء موقع الوثائق');
      expect(page).toContain('<code dir="ltr">npm run docs</code>');

      const chinese = await fetch(`${empty.url}/`, {
        headers: { 'accept-language': 'de;q=1, zh-CN;q=0.8, en;q=0.5' },
      });
      const chinesePage = await chinese.text();
      expect(chinesePage).toContain('<html lang="zh-Hans" dir="ltr">');
      expect(chinesePage).toContain('文档站点正在构建');

      const fallback = await fetch(`${empty.url}/`, { headers: { 'accept-language': 'de' } });
      expect(await fallback.text()).toContain('The documentation site is being built');
    } finally {
      await empty.close();
    }
  });
});

describe('npm start (node serve.mjs)', () => {
  function start(environment: Record<string, string>) {
    const child = spawn(process.execPath, ['serve.mjs'], {
      cwd: docsDirectory,
      env: { ...process.env, DOCS_DIRECTORY: site, ...environment },
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk) => {
      output.stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output.stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { child, output, exited };
  }

  it('prints one line when listening and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const { child, output, exited } = start({ DOCS_PORT: String(port) });
    await expect.poll(() => output.stdout, { timeout: 10_000 }).toContain('\n');
    expect(output.stdout).toBe(`Documentation: http://localhost:${port}\n`);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.stderr).toBe('');
  });

  it('starts on a copy without a build too, its pages saying so (npm start on a fresh clone)', async () => {
    const port = await freePort();
    const { child, output, exited } = start({
      DOCS_PORT: String(port),
      DOCS_DIRECTORY: join(site, 'http', 'none'),
      DOCS_BUILD_ON_START: 'off',
    });
    await expect.poll(() => output.stdout, { timeout: 10_000 }).toContain('\n');
    expect(output.stdout).toBe(`Documentation: http://localhost:${port}\n`);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(503);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('names the port and the variable to change when the port is taken, and exits 1', async () => {
    const taken = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const { output, exited } = start({ DOCS_PORT: String(port) });
      expect(await exited).toBe(1);
      expect(output.stderr).toBe(`port ${port} is in use: set DOCS_PORT\n`);
      expect(output.stdout).toBe('');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
