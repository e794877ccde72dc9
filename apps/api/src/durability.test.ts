import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processDatabases } from '@wsc/server/test-support';
import { afterAll, describe, expect, test } from 'vitest';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const ADMIN = { email: 'admin@example.org', password: 'durability admin password' };

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string;
}

async function start(environment: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WSC_RATE_LIMIT: 'off',
      WSC_ADMIN_EMAIL: ADMIN.email,
      WSC_ADMIN_PASSWORD: ADMIN.password,
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output}`));
    });
  });
  return { child, url, exited, output: () => output };
}

/** Waits until the server has logged `count` incoming requests: they are then truly in flight. */
async function untilRequestsArrived(running: Running, count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((running.output().match(/incoming request/g) ?? []).length < count) {
    if (Date.now() > deadline)
      throw new Error(`the server saw fewer than ${count} requests:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function createPartners(url: string, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${url}/v1/partners`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: `Partner ${index}` }),
    });
    expect(response.status).toBe(201);
    ids.push(((await response.json()) as { id: string }).id);
  }
  return ids;
}

async function listPartnerIds(url: string, token: string): Promise<string[]> {
  const response = await fetch(`${url}/v1/partners?limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { id: string }[] }).data.map((partner) => partner.id);
}

const targets = processDatabases('durability');

describe.each(targets)('apps/api on $kind', ({ dataDirectory, environment, cleanup }) => {
  afterAll(() => cleanup());

  test('every write acknowledged before a SIGKILL is there after a restart', async () => {
    const env = await environment();
    const first = await start(env);
    const token = await login(first.url);
    const acknowledged = await createPartners(first.url, token, 15);
    first.child.kill('SIGKILL');
    await first.exited;
    if (dataDirectory) expect(existsSync(path.join(dataDirectory, 'pglite.pid'))).toBe(true); // left by the killed process

    const second = await start(env);
    try {
      const token2 = await login(second.url);
      const stored = await listPartnerIds(second.url, token2);
      for (const id of acknowledged) expect(stored).toContain(id);
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
    }
  });

  test('SIGTERM lets in-flight requests finish, then closes the database and exits 0', async () => {
    const env = await environment();
    // At debug level the server logs each incoming request, which tells the test when all six are in flight.
    const running = await start({ ...env, LOG_LEVEL: 'debug' });
    const requests = Array.from({ length: 6 }, (_, index) =>
      fetch(`${running.url}/v1/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `inflight${index}.${randomBytes(3).toString('hex')}@example.org`,
          password: 'a long enough password',
          displayName: `In flight ${index}`,
          role: 'citizen',
        }),
      }).then((response) => response.status),
    );
    await untilRequestsArrived(running, 6);
    running.child.kill('SIGTERM');
    const statuses = await Promise.all(requests);
    expect(statuses).toEqual(statuses.map(() => 201));
    expect(await running.exited).toBe(0);
    if (dataDirectory) expect(existsSync(path.join(dataDirectory, 'pglite.pid'))).toBe(false);

    const again = await start(env);
    try {
      const response = await fetch(`${again.url}/ready`);
      expect(response.status).toBe(200);
      // The installed @wsc/widgets' embed script, served with no setting (WSC_EMBED_DIR unset).
      const embed = await fetch(`${again.url}/embed/v1/wsc.js`);
      expect(embed.status).toBe(200);
      expect(await embed.text()).toContain('data-');
    } finally {
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    }
  });
});
