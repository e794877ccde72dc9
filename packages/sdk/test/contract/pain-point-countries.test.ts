// Contract test of `client.painPoints.countries()` against the real @wsc/server, in-process on
// PGlite (on PostgreSQL when TEST_DATABASE_URL is set), through a listening socket, with response
// validation on: the answer must match PainPointCountryCountsSchema and agree with the list.
import type { TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WscClient } from '../../src/client';
import { ValidationError } from '../../src/errors/subclasses';
import type { PainPointCountriesParams } from '../../src/index';
import { failure, kind, startApi } from './api';

let app: TestServer;
let baseURL: string;

beforeAll(async () => {
  ({ app, baseURL } = await startApi());
}, 120_000);
afterAll(() => app?.dispose());

/** Counts per country computed from every page of `painPoints.list`, as the map once did. */
async function countedFromList(client: WscClient, params: PainPointCountriesParams) {
  const painPoints = await client.painPoints.list({ ...params, limit: 3 }).toArray({ limit: 1000 });
  const counts: Record<string, number> = {};
  for (const painPoint of painPoints) {
    if (painPoint.country) counts[painPoint.country] = (counts[painPoint.country] ?? 0) + 1;
  }
  return {
    counts,
    total: painPoints.length,
    withoutCountry: painPoints.filter((item) => !item.country).length,
  };
}

describe(`painPoints.countries against @wsc/server (${kind})`, () => {
  it('counts per country, in one request, what the list pages through', async () => {
    const session = await new WscClient({ baseURL }).auth.signup({
      email: `countries.${Date.now()}@example.org`,
      password: 'correct horse battery staple',
      displayName: 'Countries',
      role: 'urban-planner',
    });
    const member = new WscClient({ baseURL, token: session.token });
    const report = (country: string | null, domain: 'water' | 'energy' = 'water') =>
      member.painPoints.create({
        title: { en: `Leaks in ${country ?? 'nowhere'}` },
        description: { en: 'Pipes leak for weeks before anyone repairs them.' },
        domain,
        country,
      });
    for (const country of ['FR', 'FR', 'FR', 'KE', 'KE', null]) await report(country);
    await report('KE', 'energy');

    const client = new WscClient({ baseURL });
    const answer = await client.painPoints.countries().withResponse();
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toBeTruthy();
    const counts = answer.data.data.map((row) => row.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // The server may hold sample pain points too: compare with the list rather than with fixed numbers.
    for (const params of [{}, { domain: 'water' }, { domain: 'energy', status: 'open' }] as const) {
      const answered = await client.painPoints.countries(params);
      const listed = await countedFromList(client, params);
      expect(Object.fromEntries(answered.data.map((row) => [row.country, row.count]))).toEqual(listed.counts);
      expect(answered.total).toBe(listed.total);
      expect(answered.withoutCountry).toBe(listed.withoutCountry);
    }
  });

  it('refuses a domain it does not know with a ValidationError naming `domain`', async () => {
    const client = new WscClient({ baseURL });
    const error = await failure(
      client.painPoints.countries({ domain: 'moon' } as unknown as PainPointCountriesParams),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((fieldError) => fieldError.path)).toEqual(['domain']);
  });
});
