// The back end against the real community API: @wsc/server in-process on PGlite with its webhook
// worker, a partner with real keys, and the back end on its own port. Its users sign in, get a
// community token that acts as them, their vote comes back as a verified webhook, a forged one is
// refused, and the region's pain points export to CSV across many pages.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEBHOOK_EVENT_TYPES } from '@wsc/models';
import { WscClient } from '@wsc/sdk';
import { webhooks } from '@wsc/sdk/node';
import { createPartner, createTestServer, type TestPartner, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PartnerBackend, startPartnerBackend } from '../server.mjs';
import { runExport } from './export-command.mjs';
import { registerWebhookEndpoint } from './webhook-endpoint.mjs';

const SITE_URL = 'http://localhost:5999';

/** RFC 4180 read independently of the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += character;
  }
  if (field !== '' || record.length > 0) throw new Error('the CSV does not end with CRLF');
  return records;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the partner back end against the real API', () => {
  let app: TestServer;
  let partner: TestPartner;
  let backend: PartnerBackend;
  let apiUrl: string;
  let dataDirectory: string;
  let cookie = '';

  beforeAll(async () => {
    app = await createTestServer({ webhookAllowPrivate: true });
    await app.listen({ port: 0, host: '127.0.0.1' });
    apiUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    partner = await createPartner(app, { name: 'IEC', origin: SITE_URL });
    dataDirectory = mkdtempSync(join(tmpdir(), 'partner-backend-'));
    backend = await startPartnerBackend({
      port: 0,
      apiUrl,
      secretKey: partner.secretKey,
      siteUrl: SITE_URL,
      dataDirectory,
    });
    expect(await backend.webhookEndpoint).toMatchObject({ status: 'created' });
  });
  afterAll(async () => {
    await backend?.close();
    await app?.dispose();
    if (dataDirectory) rmSync(dataDirectory, { recursive: true, force: true });
  });

  function signIn(username: string, password: string, returnTo = `${SITE_URL}/?lang=ar`) {
    return fetch(`${backend.url}/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ username, password, return: returnTo }),
      redirect: 'manual',
    });
  }

  it('refuses a wrong password with an announced error, and signs a user in with a session cookie', async () => {
    const wrong = await signIn('amina', 'not-her-password');
    expect(wrong.status).toBe(401);
    const page = await wrong.text();
    expect(page).toMatch(
      /<p id="sign-in-error" class="error" role="alert">The user name or the password is wrong/,
    );
    expect(page).toContain('<title>Error: Sign in');
    expect(page).toContain('aria-describedby="sign-in-error"');
    expect((await signIn('nobody', 'amina-sample-password')).status).toBe(401);

    const signedIn = await signIn('Amina', 'amina-sample-password');
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`${SITE_URL}/?lang=ar`);
    const setCookie = signedIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^partner_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    cookie = setCookie.split(';')[0] ?? '';

    // Only the site's pages and the back end's own are return targets.
    const elsewhere = await signIn('claire', 'claire-sample-password', 'https://evil.example/steal');
    expect(elsewhere.headers.get('location')).toBe('/');
    const page2 = await fetch(`${backend.url}/sign-in?return=${encodeURIComponent('//evil.example/')}`);
    expect(await page2.text()).toContain('name="return" value="/"');
  });

  it('hands a signed-in user a cached community token, to the site’s origin only, that acts as that user', async () => {
    const anonymous = await fetch(`${backend.url}/community-token`, { headers: { origin: SITE_URL } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('access-control-allow-origin')).toBe(SITE_URL);

    const first = await fetch(`${backend.url}/community-token`, { headers: { cookie, origin: SITE_URL } });
    expect(first.status).toBe(200);
    expect(first.headers.get('access-control-allow-origin')).toBe(SITE_URL);
    expect(first.headers.get('access-control-allow-credentials')).toBe('true');
    expect(first.headers.get('cache-control')).toBe('no-store');
    const { token, expiresAt, user } = (await first.json()) as {
      token: string;
      expiresAt: string;
      user: unknown;
    };
    expect(user).toEqual({ displayName: 'أمينة حداد', language: 'ar' });
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(10 * 60_000);

    const again = await fetch(`${backend.url}/community-token`, {
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(again.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await again.json()) as { token: string }).token).toBe(token);

    const member = new WscClient({ baseURL: apiUrl, token });
    const me = await member.me.get();
    expect(me).toMatchObject({
      account: { email: 'amina.haddad@iec.example', language: 'ar' },
      profile: { displayName: 'أمينة حداد', role: 'standardization-expert', country: 'CH' },
    });
  });

  it('receives the verified webhook of the user’s vote, and refuses a forged one', async () => {
    const tokenAnswer = await fetch(`${backend.url}/community-token`, { headers: { cookie } });
    const { token } = (await tokenAnswer.json()) as { token: string };
    const member = new WscClient({ baseURL: apiUrl, token });
    const [painPoint] = (await member.painPoints.list({ sort: 'new', limit: 1 })).data;
    if (!painPoint) throw new Error('the catalogue seeded no pain point');
    const vote = await member.painPoints.vote(painPoint.id);

    const delivered = await until(async () => {
      const answer = await fetch(`${backend.url}/webhooks/recent`);
      const { data } = (await answer.json()) as { data: { id: string; type: string; summary: string }[] };
      return data.find((event) => event.type === 'pain_point.voted' && event.summary.includes(painPoint.id));
    }, 'the pain_point.voted webhook');
    expect(delivered.summary).toBe(
      `Pain point ${painPoint.id} now has ${vote.voteCount} vote${vote.voteCount === 1 ? '' : 's'}`,
    );

    const body = JSON.stringify({
      id: 'evt_forged',
      type: 'pain_point.voted',
      createdAt: new Date().toISOString(),
      data: { painPointId: painPoint.id, voteCount: 1_000_000 },
    });
    const forged = await fetch(`${backend.url}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...webhooks.sign(body, webhooks.generateSecret()) },
      body,
    });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({
      detail: expect.stringMatching(/No webhook signature matches/),
    });
    const unsigned = await fetch(`${backend.url}/webhooks`, { method: 'POST', body });
    expect(unsigned.status).toBe(400);
    const { data } = (await (await fetch(`${backend.url}/webhooks/recent`)).json()) as {
      data: { id: string }[];
    };
    expect(data.map((event) => event.id)).not.toContain('evt_forged');

    const home = await (await fetch(`${backend.url}/`)).text();
    expect(home).toContain('<code>pain_point.voted</code>');
  });

  it('registers its endpoint once, and replaces it when the secret is lost', async () => {
    const client = new WscClient({ baseURL: apiUrl, secretKey: partner.secretKey });
    const folder = mkdtempSync(join(tmpdir(), 'partner-backend-endpoint-'));
    try {
      const url = 'http://127.0.0.1:9/elsewhere/webhooks';
      const created = await registerWebhookEndpoint(client, { url, dataDirectory: folder });
      const found = await registerWebhookEndpoint(client, { url, dataDirectory: folder });
      expect(created.status).toBe('created');
      expect(found).toEqual({ ...created, status: 'found' });
      // Moved to another address: the old endpoint is removed, not left failing.
      const moved = await registerWebhookEndpoint(client, { url: `${url}/moved`, dataDirectory: folder });
      expect(moved.status).toBe('created');
      const afterMove = await client.webhookEndpoints.list().toArray({ limit: 100 });
      expect(afterMove.map((endpoint) => endpoint.id)).not.toContain(created.id);
      await registerWebhookEndpoint(client, { url, dataDirectory: folder });
      const back = await registerWebhookEndpoint(client, { url, dataDirectory: folder });
      expect(back.status).toBe('found');
      rmSync(join(folder, 'webhook-endpoint.json'));
      const recreated = await registerWebhookEndpoint(client, { url, dataDirectory: folder });
      expect(recreated.status).toBe('recreated');
      expect(recreated.id).not.toBe(back.id);
      expect(recreated.secret).not.toBe(back.secret);
      const endpoints = await client.webhookEndpoints.list().toArray({ limit: 100 });
      expect(endpoints.filter((endpoint) => endpoint.url === url).map((endpoint) => endpoint.id)).toEqual([
        recreated.id,
      ]);
      // The back end's own endpoint is untouched, for every event type.
      const own = endpoints.find((endpoint) => endpoint.url === `${backend.url}/webhooks`);
      expect([...(own?.eventTypes ?? [])].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('starts as `npm start` expects: one line when listening, one line for a port in use, exit 0 on SIGTERM', async () => {
    const serverFile = new URL('../server.mjs', import.meta.url).pathname;
    const run = (port: string) => {
      const child = spawn(process.execPath, [serverFile], {
        env: {
          PATH: process.env.PATH,
          PARTNER_BACKEND_PORT: port,
          PARTNER_BACKEND_DATA: join(dataDirectory, `child-${port}`),
          WSC_API_URL: apiUrl,
          WSC_SECRET_KEY: partner.secretKey,
        },
      });
      const output = { stdout: '', stderr: '' };
      child.stdout.on('data', (chunk) => {
        output.stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        output.stderr += chunk;
      });
      return { child, output, exited: once(child, 'exit') as Promise<[number | null]> };
    };
    const busyPort = new URL(backend.url).port;
    const busy = run(busyPort);
    expect((await busy.exited)[0]).toBe(1);
    expect(busy.output).toEqual({
      stdout: '',
      stderr: `port ${busyPort} is in use: set PARTNER_BACKEND_PORT\n`,
    });

    const started = run('0');
    await until(async () => (started.output.stdout.includes('\n') ? true : undefined), 'the listening line');
    expect(started.output.stdout).toMatch(/^Partner back end: http:\/\/localhost:\d+\n$/);
    started.child.kill('SIGTERM');
    expect((await started.exited)[0]).toBe(0);
    expect(started.output.stderr).toBe('');
  });

  describe('the CSV export', () => {
    const titles = [
      '城市交通拥堵，公交不准时',
      'انقطاع المياه في الأحياء القديمة',
      'Pannes d’éclairage, "rue du Rhône"',
      'Tarif 1,50 CHF',
      '=HYPERLINK("https://evil.example")',
    ];
    let expectedCount = 0;

    beforeAll(async () => {
      const { token } = (await (
        await fetch(`${backend.url}/community-token`, { headers: { cookie } })
      ).json()) as {
        token: string;
      };
      const member = new WscClient({ baseURL: apiUrl, token });
      for (let index = 0; index < 25; index += 1) {
        const title = titles[index % titles.length] ?? '';
        const language = index % 5 === 0 ? 'zh' : index % 5 === 1 ? 'ar' : index % 5 === 2 ? 'fr' : 'en';
        await member.painPoints.create({
          title: { [language]: `${title} ${index}` },
          description: { [language]: `${title}\nsecond line, description ${index}` },
          domain: 'mobility',
          country: 'CH',
          city: index % 2 === 0 ? 'Genève' : 'Zürich',
        });
      }
      const counts = await member.painPoints.countries();
      expectedCount = counts.data.find((entry) => entry.country === 'CH')?.count ?? 0;
      expect(expectedCount).toBeGreaterThanOrEqual(25);
    });

    it('writes every page of the region to RFC 4180 CSV with a byte order mark and the text intact', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'partner-backend-export-'));
      const output: string[] = [];
      const stderr = Object.assign(
        { write: (text: string) => output.push(text) && true },
        { isTTY: false },
      ) as unknown as NodeJS.WritableStream;
      try {
        const code = await runExport(['--country', 'ch', '--out', 'pain-points.csv'], {
          env: { WSC_API_URL: apiUrl, WSC_SECRET_KEY: partner.secretKey, INIT_CWD: folder },
          stderr,
          pageSize: 10,
        });
        expect(code, output.join('')).toBe(0);
        const bytes = readFileSync(join(folder, 'pain-points.csv'));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
        expect(header).toEqual([
          'id',
          'country',
          'city',
          'domain',
          'severity',
          'status',
          'language',
          'title',
          'description',
          'votes',
          'comments',
          'created_at',
          'updated_at',
        ]);
        expect(rows).toHaveLength(expectedCount);
        expect(new Set(rows.map((row) => row[0])).size).toBe(expectedCount);
        expect(rows.every((row) => row.length === 13 && row[1] === 'CH')).toBe(true);
        const exportedTitles = rows.map((row) => row[7]);
        for (let index = 0; index < 25; index += 1) {
          const title = `${titles[index % titles.length]} ${index}`;
          expect(exportedTitles).toContain(title.startsWith('=') ? `'${title}` : title);
        }
        expect(rows.find((row) => row[7] === '城市交通拥堵，公交不准时 0')?.slice(2, 9)).toEqual([
          'Genève',
          'mobility',
          'medium',
          'open',
          'zh',
          '城市交通拥堵，公交不准时 0',
          '城市交通拥堵，公交不准时\nsecond line, description 0',
        ]);
        // A few plain lines on a pipe, ending at the whole count.
        const lines = output.join('').trim().split('\n');
        expect(lines.length).toBeLessThanOrEqual(6);
        expect(lines.at(-2)).toBe(`pain points of CH: ${expectedCount}/${expectedCount} (100%)`);
        expect(lines.at(-1)).toBe(`wrote ${join(folder, 'pain-points.csv')}`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('draws a bar on a terminal, and answers a bad country and a dead API in one line', async () => {
      const output: string[] = [];
      const stderr = {
        write: (text: string) => output.push(text) && true,
        isTTY: true,
      } as unknown as NodeJS.WritableStream;
      expect(await runExport(['--country', 'Switzerland'], { env: {}, stderr })).toBe(2);
      expect(output.join('')).toMatch(/^export: "SWITZERLAND" is not a country code/);
      output.length = 0;
      const folder = mkdtempSync(join(tmpdir(), 'partner-backend-export-'));
      try {
        expect(
          await runExport(['--country', 'CH', '--out', 'x.csv'], {
            env: { WSC_API_URL: apiUrl, INIT_CWD: folder },
            stderr,
            pageSize: 10,
          }),
        ).toBe(0);
        const drawn = output.join('');
        expect(drawn).toContain('\rpain points of CH [');
        expect(drawn).toMatch(new RegExp(`\\] ${expectedCount}/${expectedCount} 100%\\n`));
        output.length = 0;
        expect(
          await runExport(['--country', 'CH', '--out', 'y.csv'], {
            env: { WSC_API_URL: 'http://127.0.0.1:9', INIT_CWD: folder },
            stderr,
          }),
        ).toBe(1);
        expect(output.join('').trim()).toMatch(/^export failed: /);
        expect(() => readFileSync(join(folder, 'y.csv'))).toThrow();
        expect(() => readFileSync(join(folder, 'y.csv.partial'))).toThrow();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it('streams the same CSV from /export.csv to a signed-in user', async () => {
      const anonymous = await fetch(`${backend.url}/export.csv?country=CH`, { redirect: 'manual' });
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toBe('/sign-in?return=%2Fexport.csv%3Fcountry%3DCH');

      const download = await fetch(`${backend.url}/export.csv?country=CH`, { headers: { cookie } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(download.headers.get('content-disposition')).toBe('attachment; filename="pain-points-CH.csv"');
      const bytes = Buffer.from(await download.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(bytes.toString('utf8').slice(1));
      expect(rows).toHaveLength(expectedCount + 1);
      expect(rows.map((row) => row[7])).toContain('انقطاع المياه في الأحياء القديمة 1');

      const wrong = await fetch(`${backend.url}/export.csv?country=XYZ`, { headers: { cookie } });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain('&#34;XYZ&#34; is not a country code');
    });
  });
});
