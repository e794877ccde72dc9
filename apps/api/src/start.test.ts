// `npm start` as a newcomer runs it (scripts/start.mjs at the root, the command `npm start` runs):
// every app up on its own port with the sample partner's keys, the same keys on the next start,
// Ctrl-C ending everything with exit code 0, and a port in use answered by one line.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const START = fileURLToPath(new URL('../../../scripts/start.mjs', import.meta.url));
const dataDirectory = mkdtempSync(join(tmpdir(), 'wsc-start-'));
// Ports of their own, away from a developer's running `npm start`.
const PORTS = {
  PORT: 18787,
  PARTNER_SITE_PORT: 15173,
  REACT_PORTAL_PORT: 15174,
  PARTNER_BACKEND_PORT: 15175,
  DOCS_PORT: 15176,
  MAIL_CATCHER_PORT: 11080,
  MAIL_CATCHER_SMTP_PORT: 11025,
};

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function runStart(): Run {
  const environment: NodeJS.ProcessEnv = { ...process.env, WSC_DATA_DIR: dataDirectory, HOST: '127.0.0.1' };
  for (const [name, port] of Object.entries(PORTS)) environment[name] = String(port);
  for (const name of ['DATABASE_URL', 'LOG_LEVEL', 'WSC_PUBLIC_URL', 'WSC_SMTP_URL'])
    delete environment[name];
  // The documentation server would build the site in the background when it is not built yet.
  environment.DOCS_BUILD_ON_START = 'off';
  const child = spawn(process.execPath, [START], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function until(run: Run, text: string, timeoutMilliseconds = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!run.stdout().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited:\n${run.stdout()}\n${run.stderr()}`);
    if (Date.now() > deadline)
      throw new Error(`no "${text}" within ${timeoutMilliseconds} ms:\n${run.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const keysFile = join(dataDirectory, 'sample-partner.json');
const running: Run[] = [];

afterAll(async () => {
  for (const run of running) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  rmSync(dataDirectory, { recursive: true, force: true });
});

describe('npm start', () => {
  let firstKeys = '';

  test('starts every app with the sample partner, prints every URL, and stops on Ctrl-C', async () => {
    const run = runStart();
    running.push(run);
    await until(run, 'Ctrl-C stops everything.');
    const out = run.stdout();
    for (const line of [
      `API               http://localhost:${PORTS.PORT}`,
      `API reference     http://localhost:${PORTS.PORT}/docs`,
      `Partner site      http://localhost:${PORTS.PARTNER_SITE_PORT}`,
      `React portal      http://localhost:${PORTS.REACT_PORTAL_PORT}`,
      `Partner back end  http://localhost:${PORTS.PARTNER_BACKEND_PORT}`,
      `Documentation     http://localhost:${PORTS.DOCS_PORT}`,
      `Mail catcher      http://localhost:${PORTS.MAIL_CATCHER_PORT}`,
      `Data folder       ${dataDirectory}`,
    ]) {
      expect(out).toContain(line);
    }
    // Quiet: the block of URLs and nothing else (no build log, no request log).
    expect(out.trim().split('\n').length).toBeLessThanOrEqual(12);
    expect(run.stderr()).toBe('');

    firstKeys = readFileSync(keysFile, 'utf8');
    const keys = JSON.parse(firstKeys) as { publishableKey: { key: string }; secretKey: { key: string } };
    expect(keys.publishableKey.key).toMatch(/^pk_/);
    // The site and the portal carry the sample key; the key is accepted from their origins.
    const site = await (await fetch(`http://127.0.0.1:${PORTS.PARTNER_SITE_PORT}/`)).text();
    expect(site).toContain(keys.publishableKey.key);
    const portal = await (await fetch(`http://127.0.0.1:${PORTS.REACT_PORTAL_PORT}/`)).text();
    expect(portal).toContain(`<meta name="wsc-publishable-key" content="${keys.publishableKey.key}">`);
    for (const port of [PORTS.PARTNER_SITE_PORT, PORTS.REACT_PORTAL_PORT, PORTS.PARTNER_BACKEND_PORT]) {
      const answer = await fetch(`http://127.0.0.1:${PORTS.PORT}/v1/pain-points?limit=1`, {
        headers: { 'x-wsc-publishable-key': keys.publishableKey.key, origin: `http://localhost:${port}` },
      });
      expect(answer.status, `from port ${port}`).toBe(200);
    }
    // The secret key works for the back end (partner stats need it).
    const stats = await fetch(`http://127.0.0.1:${PORTS.PORT}/v1/partners/me/stats`, {
      headers: { authorization: `Bearer ${keys.secretKey.key}` },
    });
    expect(stats.status).toBe(200);

    // Without WSC_SMTP_URL the API sends its mail to the catcher: a sign-up's confirmation shows there.
    const signup = await fetch(`http://127.0.0.1:${PORTS.PORT}/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'newcomer@example.org',
        password: 'correct horse battery staple',
        displayName: '新人',
        role: 'urban-planner',
        language: 'zh',
      }),
    });
    expect(signup.status).toBe(201);
    const { token } = (await signup.json()) as { token: string };

    // The partner site shows the upcoming sample forum; the newcomer registers for it.
    expect(site).toContain('event="world-smart-city-forum-sample"');
    const forum = await fetch(`http://127.0.0.1:${PORTS.PORT}/v1/events/world-smart-city-forum-sample`);
    expect(Date.parse(((await forum.json()) as { startsAt: string }).startsAt)).toBeGreaterThan(Date.now());
    const registration = await fetch(
      `http://127.0.0.1:${PORTS.PORT}/v1/events/world-smart-city-forum-sample/registrations`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      },
    );
    expect(registration.status).toBe(201);

    const catcher = `http://127.0.0.1:${PORTS.MAIL_CATCHER_PORT}`;
    type CaughtMail = {
      id: string;
      to: string;
      subject: string;
      language: string;
      attachments: { filename: string }[];
    };
    let mails: CaughtMail[] = [];
    for (let attempt = 0; attempt < 150 && mails.length < 2; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      mails = await (await fetch(`${catcher}/api/messages`)).json();
    }
    const received = mails.map((mail) => [
      mail.to,
      mail.subject,
      mail.language,
      mail.attachments.map((a) => a.filename),
    ]);
    expect(received).toContainEqual(['newcomer@example.org', '请确认您的电子邮件地址', 'zh', []]);
    expect(received).toContainEqual([
      'newcomer@example.org',
      '您在世界智慧城市论坛（示例）的席位已确认',
      'zh',
      ['world-smart-city-forum-sample.ics'],
    ]);
    const confirmation = mails.find((mail) => mail.attachments.length === 0);
    const shown = await (await fetch(`${catcher}/messages/${confirmation?.id}`)).text();
    expect(shown).toContain(`http://127.0.0.1:${PORTS.PORT}/account/confirm-email?lang=zh#token=`);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain('Stopped.');
    for (const port of Object.values(PORTS)) expect(await portIsFree(port), `port ${port}`).toBe(true);
  });

  test('a second start keeps the keys', async () => {
    const run = runStart();
    running.push(run);
    await until(run, 'Ctrl-C stops everything.');
    expect(readFileSync(keysFile, 'utf8')).toBe(firstKeys);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  test('keys revoked meanwhile are replaced on the next start, and the old secret key stops working', async () => {
    const old = JSON.parse(firstKeys) as {
      partnerId: string;
      publishableKey: { id: string };
      secretKey: { key: string };
    };
    const cli = spawn(
      process.execPath,
      [CLI, 'keys', 'revoke', '--partner', old.partnerId, '--key', old.publishableKey.id],
      { env: { ...process.env, WSC_DATA_DIR: dataDirectory, DATABASE_URL: '' }, stdio: 'ignore' },
    );
    expect(await new Promise((resolve) => cli.on('exit', resolve))).toBe(0);

    const run = runStart();
    running.push(run);
    await until(run, 'Ctrl-C stops everything.');
    const renewed = JSON.parse(readFileSync(keysFile, 'utf8')) as typeof old;
    expect(renewed.partnerId).toBe(old.partnerId);
    expect(renewed.publishableKey.id).not.toBe(old.publishableKey.id);
    const site = await (await fetch(`http://127.0.0.1:${PORTS.PARTNER_SITE_PORT}/`)).text();
    expect(site).toContain((renewed as unknown as { publishableKey: { key: string } }).publishableKey.key);
    const stats = await fetch(`http://127.0.0.1:${PORTS.PORT}/v1/partners/me/stats`, {
      headers: { authorization: `Bearer ${old.secretKey.key}` },
    });
    expect(stats.status).toBe(401);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  test('a port in use is one line naming the port and its variable; nothing starts', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(PORTS.PARTNER_SITE_PORT, '127.0.0.1', resolve));
    try {
      const run = runStart();
      running.push(run);
      expect(await run.exited).toBe(1);
      expect(run.stderr().trim()).toBe(
        `Port ${PORTS.PARTNER_SITE_PORT} is in use (Partner site): stop what uses it or set PARTNER_SITE_PORT to another port.`,
      );
      expect(run.stdout()).toBe('');
      expect(await portIsFree(PORTS.PORT)).toBe(true);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
