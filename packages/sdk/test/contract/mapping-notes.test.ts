// Contract test of `client.painPoints.standards.hideNote` / `restoreNote` against the real
// @wsc/server in-process (PGlite, or PostgreSQL when TEST_DATABASE_URL is set), response
// validation on.
import { signUp, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WscClient } from '../../src/client';
import { PermissionError, ValidationError } from '../../src/errors/subclasses';
import { failure, kind, startApi } from './api';

let app: TestServer;
let baseURL: string;

beforeAll(async () => {
  ({ app, baseURL } = await startApi());
}, 120_000);
afterAll(() => app?.dispose());

describe(`painPoints.standards notes against @wsc/server (${kind})`, () => {
  it('a moderator hides and restores an expert note; others read it blanked meanwhile', async () => {
    const client = async (roles?: ('expert' | 'moderator')[]) =>
      new WscClient({ baseURL, token: (await signUp(app, roles ? { roles } : {})).token });
    const [expert, moderator, reader] = [
      await client(['expert']),
      await client(['moderator']),
      await client(),
    ];
    const painPoint = await reader.painPoints.create({
      title: { en: 'Street lights report no faults' },
      description: { en: 'Nobody knows a lamp is out until a resident calls.' },
      domain: 'energy',
    });
    const standardId = (await reader.standards.list({ limit: 1 }))?.data[0]?.id as string;
    await expert.painPoints.standards.create(painPoint.id, {
      standardId,
      coverage: 'partial',
      note: 'Ask Jane at +41 22 000 00 00',
    });
    expect(
      await failure(expert.painPoints.standards.hideNote(painPoint.id, standardId, { reason: 'x' })),
    ).toBeInstanceOf(PermissionError);
    expect(
      await failure(moderator.painPoints.standards.hideNote(painPoint.id, standardId, { reason: '' })),
    ).toBeInstanceOf(ValidationError);
    const hidden = await moderator.painPoints.standards.hideNote(painPoint.id, standardId, {
      reason: 'Personal data',
    });
    expect(hidden).toMatchObject({ noteHidden: true });
    const seen = await reader.painPoints.standards.get(painPoint.id);
    expect(seen.mappings[0]).toMatchObject({ note: null, noteHidden: true });
    const restored = await moderator.painPoints.standards.restoreNote(painPoint.id, standardId);
    expect(restored).toMatchObject({ noteHidden: false, note: 'Ask Jane at +41 22 000 00 00' });
  });
});
