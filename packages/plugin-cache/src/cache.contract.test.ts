// The cache plugin against the real @wsc/server (in-process, PGlite), whose GETs carry ETags.
import type { AddressInfo } from 'node:net';
import { WscClient, type WscPlugin } from '@wsc/sdk';
import { createTestServer, signUp, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cache } from './cache';

let app: TestServer;
let baseURL: string;

beforeAll(async () => {
  app = await createTestServer({ kind: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(() => app?.dispose());

it('gets 304 from the platform on the second read and serves the stored body', async () => {
  const { token } = await signUp(app);
  const created = await new WscClient({ baseURL, token }).painPoints.create({
    title: { en: 'Unlit cycle lanes' },
    description: { en: 'Cycle lanes have no lights at night.' },
    domain: 'mobility',
  });
  const statuses: number[] = [];
  const spy: WscPlugin = (client) => {
    client.hook.after((response) => {
      statuses.push(response.status);
    });
  };
  const client = new (WscClient.plugin(cache, spy))({ baseURL });
  const first = await client.painPoints.get(created.id);
  const second = await client.painPoints.get(created.id);
  expect(second).toEqual(first);
  expect(statuses).toEqual([200, 304]);
  await new WscClient({ baseURL, token }).painPoints.update(created.id, { severity: 'critical' });
  expect((await client.painPoints.get(created.id)).severity).toBe('critical');
  expect(statuses).toEqual([200, 304, 200]);
});
