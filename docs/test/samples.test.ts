// Every TypeScript, shell and Python sample of the guides, run the way a reader would run it against
// a real server: @wsc/server in-process on PGlite, seeded from the catalogue. A sample that breaks
// (an SDK rename, a changed answer, a wrong command) fails here.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { WebhookEvent } from '@wsc/sdk';
import { webhooks } from '@wsc/sdk/node';
import {
  createPartner,
  createTestServer,
  signUp,
  type TestPartner,
  type TestServer,
} from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customPlugin, requestLog } from '../samples/custom-plugin';
import { errors } from '../samples/errors';
import { firstCall } from '../samples/first-call';
import { followVotes } from '../samples/live-updates';
import { pagination } from '../samples/pagination';
import { retries } from '../samples/retries';
import { typedCalls } from '../samples/typescript';
import { registerEndpoint } from '../samples/webhook-endpoint';
import { webhookReceiver } from '../samples/webhook-receiver';
import { faultyProxy, freePort, sample, samplesDirectory } from './servers';

const run = promisify(execFile);

let app: TestServer;
let apiUrl: string;
let partner: TestPartner;

beforeAll(async () => {
  app = await createTestServer({ webhookAllowPrivate: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  apiUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  partner = await createPartner(app, { name: 'Docs samples' });
});
afterAll(async () => {
  await app?.dispose();
});

async function json<T>(path: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url: path });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

async function firstPainPointId(): Promise<string> {
  const page = await json<{ data: { id: string }[] }>('/v1/pain-points?limit=1');
  return page.data[0]!.id;
}

async function vote(painPointId: string): Promise<void> {
  const member = await signUp(app);
  const response = await app.inject({
    method: 'PUT',
    url: `/v1/pain-points/${painPointId}/vote`,
    headers: member.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** Waits until `check` returns a value, or fails after `milliseconds`. */
async function eventually<T>(check: () => T | undefined, milliseconds = 10_000): Promise<T> {
  const deadline = Date.now() + milliseconds;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('getting started', () => {
  it('first-call.ts lists water standards in French, as the API does', async () => {
    const standards = await firstCall(apiUrl);
    const expected = await json<{ data: { id: string }[] }>('/v1/standards?domain=water&limit=3');
    expect(standards.length).toBeGreaterThan(0);
    expect(standards.map((standard) => standard.id)).toEqual(expected.data.map((standard) => standard.id));
  });

  it('pagination.ts walks the pages by cursor, with for await and with toArray', async () => {
    const result = await pagination(apiUrl);
    const everyIso = await json<{ data: { id: string }[]; nextCursor: string | null }>(
      '/v1/standards?body=ISO&limit=100',
    );
    expect(result.first).toHaveLength(Math.min(10, everyIso.data.length));
    const firstIds = new Set(result.first.map((standard) => standard.id));
    expect(result.second.some((standard) => firstIds.has(standard.id))).toBe(false);
    expect(result.isoStandards).toBe(everyIso.data.length);
    expect(result.top.length).toBeGreaterThan(0);
    expect(result.top.length).toBeLessThanOrEqual(25);
    const votes = result.top.map((painPoint) => painPoint.voteCount);
    expect(votes).toEqual([...votes].sort((left, right) => right - left));
  });

  it('errors.ts meets a 404, a 422 naming its field and a network failure', async () => {
    const seen = await errors(apiUrl);
    expect(seen[0]).toMatch(/^404 not-found req_/);
    expect(seen.some((line) => /^422 validation-failed limit: /.test(line))).toBe(true);
    expect(seen.at(-1)).toBe('0 NetworkError retryable: true');
  });

  it('retries.ts gets its answer through an API that failed the first time (injected 503)', async () => {
    const proxy = await faultyProxy(apiUrl, 1);
    try {
      const result = await retries(proxy.url);
      expect(result.standards).toHaveLength(5);
      expect(result.once).toHaveLength(1);
      expect(proxy.requests).toBe(3); // the failed try, its retry, then the single call
    } finally {
      await proxy.close();
    }
  });

  it('a call with retries: 0, as retries.ts shows, lets the injected failure through', async () => {
    const { WscClient } = await import('@wsc/sdk');
    const { retry } = await import('@wsc/plugin-retry');
    const proxy = await faultyProxy(apiUrl, 1);
    try {
      const client = new (WscClient.plugin(retry))({ baseURL: proxy.url });
      await expect(client.standards.list({ limit: 1 }, { retry: { retries: 0 } })).rejects.toMatchObject({
        status: 503,
      });
      expect(proxy.requests).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('custom-plugin.ts collects the request id of every answer', async () => {
    const requestIds = await customPlugin(apiUrl);
    expect(requestIds).toHaveLength(2);
    for (const requestId of requestIds) expect(requestId).toMatch(/^req_/);
    expect(typeof requestLog).toBe('function');
  });

  it('typescript.ts reads a typed pain point and names its domain', async () => {
    const result = await typedCalls(apiUrl);
    expect(result.title).toEqual(expect.any(String));
    expect(result.domain).not.toBe('Other');
  });

  it('install.sh installs published packages of this repository', async () => {
    const command = sample('install.sh')
      .split('\n')
      .find((line) => line.startsWith('npm install'));
    const packages = command?.split(/\s+/).slice(2) ?? [];
    expect(packages.length).toBeGreaterThan(0);
    for (const name of packages) {
      const manifest = (await import(`${name}/package.json`, { with: { type: 'json' } })).default as {
        name: string;
        private?: boolean;
      };
      expect(manifest.name).toBe(name);
      expect(manifest.private).not.toBe(true);
    }
  });
});

describe('live updates and webhooks', () => {
  it('live-updates.ts hears another member vote', async () => {
    const painPointId = await firstPainPointId();
    const heard: { painPointId: string; voteCount: number }[] = [];
    const stop = followVotes((id, voteCount) => heard.push({ painPointId: id, voteCount }), apiUrl);
    try {
      // The sample does not say when its stream is open: on a loaded machine a vote cast before
      // that is not replayed to a new subscriber. Vote again (another member) until one is heard.
      const before = await json<{ voteCount: number }>(`/v1/pain-points/${painPointId}`);
      let event: { painPointId: string; voteCount: number } | undefined;
      for (let attempt = 0; attempt < 15 && !event; attempt += 1) {
        await vote(painPointId);
        event = await eventually(() => heard.find((entry) => entry.painPointId === painPointId), 1_000).catch(
          () => undefined,
        );
      }
      expect(event?.voteCount).toBeGreaterThan(before.voteCount);
    } finally {
      stop();
    }
  });

  it('webhook-endpoint.ts registers an endpoint and webhook-receiver.ts verifies its deliveries', async () => {
    const port = await freePort();
    const endpoint = await registerEndpoint(
      `http://127.0.0.1:${port}/wsc-webhooks`,
      partner.secretKey,
      apiUrl,
    );
    expect(endpoint.secret).toMatch(/^whsec_/);
    const received: WebhookEvent[] = [];
    const receiver = webhookReceiver((event) => received.push(event), endpoint.secret);
    await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
    try {
      const painPointId = await firstPainPointId();
      await vote(painPointId);
      const event = await eventually(
        () =>
          received.find(
            (candidate) =>
              candidate.type === 'pain_point.voted' && candidate.data.painPointId === painPointId,
          ),
        15_000,
      );
      expect(event.id).toEqual(expect.any(String));

      // A body signed with another secret is refused with 400, never handed to the application.
      const body = JSON.stringify(event);
      const forged = webhooks.sign(body, webhooks.generateSecret());
      const answer = await fetch(`http://127.0.0.1:${port}/wsc-webhooks`, {
        method: 'POST',
        headers: forged,
        body,
      });
      expect(answer.status).toBe(400);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
      await app.inject({
        method: 'DELETE',
        url: `/v1/webhook-endpoints/${endpoint.id}`,
        headers: { authorization: `Bearer ${partner.secretKey}` },
      });
    }
  });

  it('register-endpoint.sh registers an endpoint with curl and shows its secret once', async () => {
    const { stdout } = await run('bash', ['-e', '-c', sample('register-endpoint.sh')], {
      env: { ...process.env, WSC_API_URL: apiUrl, WSC_SECRET_KEY: partner.secretKey },
    });
    const endpoint = JSON.parse(stdout) as { id: string; secret: string; url: string };
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(endpoint.url).toBe('https://partner.example.org/wsc-webhooks');
  });

  const python = ['/usr/bin/python3', '/usr/local/bin/python3'].find((path) => existsSync(path));
  if (!python) console.warn('SKIPPED: verify_webhook.py — no python3 on this machine.');
  it.skipIf(!python)(
    'verify_webhook.py accepts a delivery signed by the platform and refuses a changed one',
    async () => {
      const secret = webhooks.generateSecret();
      const body = JSON.stringify({
        id: '42',
        type: 'pain_point.voted',
        createdAt: new Date().toISOString(),
        data: { painPointId: 'flooded-underpasses', voteCount: 7 },
      });
      const headers = webhooks.sign(body, secret);
      const environment = {
        ...process.env,
        WSC_WEBHOOK_SECRET: secret,
        WEBHOOK_ID: headers['webhook-id'],
        WEBHOOK_TIMESTAMP: headers['webhook-timestamp'],
        WEBHOOK_SIGNATURE: headers['webhook-signature'],
      };
      const script = join(samplesDirectory, 'verify_webhook.py');
      const accepted = await pythonRun(python as string, script, body, environment);
      expect(accepted).toEqual({ status: 0, stdout: 'pain_point.voted 42\n' });
      const refused = await pythonRun(python as string, script, body.replace('7', '8'), environment);
      expect(refused.status).not.toBe(0);
    },
  );
});

function pythonRun(
  python: string,
  script: string,
  input: string,
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(python, [script], { env }, (error, stdout) =>
      resolve({ status: error ? (error.code as number) : 0, stdout }),
    );
    child.stdin?.end(input);
  });
}
