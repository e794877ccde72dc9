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
import { LANGUAGES, WEBHOOK_EVENT_TYPES } from '@wsc/models';
import { WscClient } from '@wsc/sdk';
import { webhooks } from '@wsc/sdk/node';
import { createPartner, createTestServer, type TestPartner, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PartnerBackend, startPartnerBackend } from '../server.mjs';
import { runExport } from './export-command.mjs';
import { MESSAGES } from './messages.mjs';
import { registerWebhookEndpoint } from './webhook-endpoint.mjs';

const SITE_URL = 'http://localhost:5999';

/** `{name}` markers of a message, sorted: each language must fill the same values. */
const markers = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the back end’s messages', () => {
  it('has every message in every platform language, with the same {values}, and nothing more', () => {
    const reference = MESSAGES.en;
    expect(Object.keys(MESSAGES).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      const messages: Record<string, string | undefined> = MESSAGES[language];
      for (const [key, english] of Object.entries(reference)) {
        const message = messages[key];
        expect(message?.trim(), `${language} lacks ${key}`).toBeTruthy();
        expect(markers(message ?? ''), `${language} ${key}`).toEqual(markers(english));
      }
      expect(Object.keys(messages).sort(), `${language} has keys English lacks`).toEqual(
        Object.keys(reference).sort(),
      );
    }
  });
});

describe('the back end’s pages in the six languages, without the API', () => {
  let pages: PartnerBackend;
  beforeAll(async () => {
    // No secret key, no API: the pages alone. The site's origin lets the return URL through.
    pages = await startPartnerBackend({ port: 0, siteUrl: SITE_URL, onError: () => {} });
  });
  afterAll(() => pages?.close());

  it.each([...LANGUAGES])(
    'writes the sign-in page in %s with its lang, direction and texts',
    async (language) => {
      const answer = await fetch(`${pages.url}/sign-in?lang=${language}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-language')).toBe(language);
      // The switcher's choice is remembered for the next pages.
      expect(answer.headers.get('set-cookie')).toBe(
        `partner_lang=${language}; Path=/; SameSite=Lax; Max-Age=31536000`,
      );
      const page = await answer.text();
      const messages = MESSAGES[language];
      expect(page).toContain(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(page).toContain(
        `<title>${messages['signIn.title']} — ${messages['backend.name'].replace('{partner}', 'IEC')}</title>`,
      );
      expect(page).toContain(`<h1>${messages['signIn.heading'].replace('{partner}', 'IEC')}</h1>`);
      expect(page).toContain(`<label for="username">${messages['signIn.username']}</label>`);
      expect(page).toContain(`<label for="password">${messages['signIn.password']}</label>`);
      expect(page).toContain(`<button type="submit">${messages['signIn.submit']}</button>`);
      expect(page).toContain(`<input type="hidden" name="lang" value="${language}">`);
      // The switcher names each language in itself, marks this one, and keeps the return address.
      expect(page).toContain(`<nav class="languages" aria-label="${messages['language.label']}">`);
      expect(page.match(/hreflang="/g)).toHaveLength(6);
      expect(page).toMatch(new RegExp(`hreflang="${language}" dir="(ltr|rtl)" aria-current="true"`));
      expect(page.match(/aria-current=/g)).toHaveLength(1);
      // No English left on a page in another language (the partner's name and the switcher aside).
      if (language !== 'en')
        for (const key of ['signIn.intro', 'signIn.username', 'signIn.password', 'account.signIn'] as const)
          expect(page).not.toContain(MESSAGES.en[key]);
    },
  );

  it('chooses the language from ?lang=, the site page it came from, the cookie, then Accept-Language', async () => {
    const languageOf = async (path: string, headers: Record<string, string> = {}) => {
      const page = await (await fetch(`${pages.url}${path}`, { headers })).text();
      return page.match(/<html lang="(\w+)"/)?.[1];
    };
    const fromFrench = `/sign-in?return=${encodeURIComponent(`${SITE_URL}/?lang=fr`)}`;
    expect(await languageOf('/sign-in')).toBe('en');
    expect(await languageOf('/sign-in', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' })).toBe('ru');
    expect(await languageOf('/sign-in', { 'accept-language': 'de-CH, zh-Hans;q=0.8' })).toBe('zh');
    expect(await languageOf('/sign-in', { cookie: 'partner_lang=es', 'accept-language': 'ru' })).toBe('es');
    expect(await languageOf(fromFrench, { cookie: 'partner_lang=es', 'accept-language': 'ru' })).toBe('fr');
    expect(await languageOf(`${fromFrench}&lang=ar`, { cookie: 'partner_lang=es' })).toBe('ar');
    expect(await languageOf('/sign-in?lang=xx', { 'accept-language': 'ar' })).toBe('ar');
    // Only a choice is remembered; a guess from the headers sets no cookie.
    const guessed = await fetch(`${pages.url}/sign-in`, { headers: { 'accept-language': 'ru' } });
    expect(guessed.headers.get('set-cookie')).toBeNull();
    expect(guessed.headers.get('vary')).toBe('accept-language, cookie');
  });

  it('answers the form and the errors in the page’s language', async () => {
    const wrong = await fetch(`${pages.url}/sign-in`, {
      method: 'POST',
      headers: { 'accept-language': 'en' },
      body: new URLSearchParams({ username: 'claire', password: 'wrong', return: '/', lang: 'zh' }),
    });
    expect(wrong.status).toBe(401);
    const page = await wrong.text();
    expect(page).toContain('<html lang="zh" dir="ltr">');
    expect(page).toContain(`role="alert">${MESSAGES.zh['signIn.wrong']}</p>`);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    // Its switcher still returns where the form was to return to.
    expect(page).toContain('<a href="/sign-in?return=%2F&#38;lang=fr" lang="fr"');

    const missing = await fetch(`${pages.url}/nowhere`, { headers: { cookie: 'partner_lang=ar' } });
    expect(missing.status).toBe(404);
    const notFound = await missing.text();
    expect(notFound).toContain('<html lang="ar" dir="rtl">');
    expect(notFound).toContain(`<h1>${MESSAGES.ar['error.notFound']}</h1>`);
    expect(notFound).toContain('لا شيء هنا يجيب على GET /nowhere.');

    const home = await (await fetch(`${pages.url}/?lang=fr`)).text();
    expect(home).toContain(
      `<p>${MESSAGES.fr['webhooks.noKey']} Les ${new Intl.NumberFormat('fr').format(50)} derniers`,
    );
    expect(home).toContain(
      `<a href="/sign-in">${MESSAGES.fr['account.signIn']}</a> pour télécharger l’export.`,
    );
  });
});

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
    const wrong = await signIn('amina', 'not-her-password', `${SITE_URL}/`);
    expect(wrong.status).toBe(401);
    const page = await wrong.text();
    expect(page).toMatch(
      /<p id="sign-in-error" class="error" role="alert">The user name or the password is wrong/,
    );
    expect(page).toContain('<title>Error: Sign in');
    expect(page).toContain('aria-describedby="sign-in-error"');
    // Coming from the site's Arabic page, the refusal is in Arabic, right to left.
    const arabic = await (await signIn('amina', 'not-her-password')).text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain(`role="alert">${MESSAGES.ar['signIn.wrong']}</p>`);
    expect(arabic).toContain(`<title>خطأ: تسجيل الدخول`);
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
      const { data } = (await answer.json()) as {
        data: { id: string; type: string; summary: string; receivedAt: string }[];
      };
      return data.find((event) => event.type === 'pain_point.voted' && event.summary.includes(painPoint.id));
    }, 'the pain_point.voted webhook');
    expect(delivered.summary).toBe(`Votes on pain point ${painPoint.id}: ${vote.voteCount}`);
    // The page reads it in Arabic: the number and the date written by Intl for Arabic.
    const arabicHome = await (await fetch(`${backend.url}/?lang=ar`)).text();
    const arabicVotes = new Intl.NumberFormat('ar').format(vote.voteCount);
    expect(arabicHome).toContain(`الأصوات على المشكلة ${painPoint.id}: ${arabicVotes}`);
    expect(arabicHome).toContain(`<time datetime="${delivered.receivedAt}">`);
    expect(arabicHome).toContain(
      new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'short', timeZone: 'UTC' })
        .formatToParts(new Date(delivered.receivedAt))
        .find((part) => part.type === 'month')?.value,
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
      expect(await wrong.text()).toContain('“XYZ” is not a country code');
      const spanish = await fetch(`${backend.url}/export.csv?lang=es&country=XYZ`, { headers: { cookie } });
      expect(spanish.status).toBe(400);
      const spanishPage = await spanish.text();
      expect(spanishPage).toContain('<html lang="es" dir="ltr">');
      expect(spanishPage).toContain('«XYZ» no es un código de país');
    });
  });
});
