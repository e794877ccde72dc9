import type { PainPointCoverage, StandardMapping } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorPaths, postPainPoint } from '../community/fixtures';
import { openStream, type SseConnection } from '../live/test-sse-client';
import { createTestServer, databases, type SignedUp, signUp, type TestServer } from '../test-support';
import { standardsSeeder } from './seed';

const STANDARD = 'iso-37120-2018';
const PHONE_NOTE = 'Call the committee secretary on +41 22 730 51 11 about clause 5.3.';

/**
 * Issue #19, "one partner is not many people": an expert's note on a standard mapping is public
 * text, moderated like a comment. A moderator hides it with a reason (audited), the API and
 * stream replays blank it, and a locked discussion takes no new notes.
 */
describe.each(databases())('moderated standard-mapping notes on $kind', ({ kind }) => {
  let app: TestServer;
  let base: string;
  let expert: SignedUp;
  let moderator: SignedUp;
  let painPointId: string;
  const open: SseConnection[] = [];

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [standardsSeeder], webhookWorker: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  beforeEach(async () => {
    for (const stream of open.splice(0)) stream.close();
    await app.reset();
    await app.outbox.resync();
    expert = await signUp(app, { roles: ['expert'] });
    moderator = await signUp(app, { roles: ['moderator'] });
    painPointId = (await postPainPoint(app, (await signUp(app)).headers)).id;
  });
  afterAll(async () => {
    for (const stream of open) stream.close();
    await app?.dispose();
  });

  const map = (payload: object, headers = expert.headers) =>
    app.inject({ method: 'POST', url: `/v1/pain-points/${painPointId}/standards`, headers, payload });
  const moderate = (action: 'hide' | 'restore', payload: object | undefined, headers = moderator.headers) =>
    app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPointId}/standards/${STANDARD}/note/${action}`,
      headers,
      ...(payload ? { payload } : {}),
    });
  const mappingAs = async (headers: Record<string, string> = {}) =>
    (
      (
        await app.inject({ url: `/v1/pain-points/${painPointId}/standards`, headers })
      ).json() as PainPointCoverage
    ).mappings.find((mapping) => mapping.standardId === STANDARD) as StandardMapping;

  it('a moderator hides a note with a reason: blanked in the API and in replays, audited', async () => {
    expect((await map({ standardId: STANDARD, coverage: 'partial', note: PHONE_NOTE })).statusCode).toBe(201);

    const refused = await moderate('hide', { reason: 'Personal data' }, expert.headers);
    expect(refused.statusCode).toBe(403);
    const noReason = await moderate('hide', {});
    expect(noReason.statusCode).toBe(422);
    expect(errorPaths(noReason.body)).toEqual(['reason']);

    const hidden = await moderate('hide', { reason: 'Personal data' });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json()).toMatchObject({ standardId: STANDARD, noteHidden: true, note: PHONE_NOTE });

    // Everyone but moderators reads no note; the judgement itself stays.
    expect(await mappingAs()).toMatchObject({ coverage: 'partial', note: null, noteHidden: true });
    expect(await mappingAs(expert.headers)).toMatchObject({ note: null, noteHidden: true });
    expect(await mappingAs(moderator.headers)).toMatchObject({ note: PHONE_NOTE, noteHidden: true });

    // An anonymous replay of the mapping's event no longer carries the note.
    const stream = await openStream(`${base}/v1/stream?topics=standard-mappings&lastEventId=0`);
    open.push(stream);
    const frames = await stream.until((all) =>
      all.some((frame) => frame.event === 'standard_mapping.created'),
    );
    const replayed = frames.find((frame) => frame.event === 'standard_mapping.created');
    expect(replayed?.data).not.toContain('+41 22');
    expect(JSON.parse(replayed?.data ?? '{}').data).toMatchObject({ note: null, noteHidden: true });

    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'subject_type', 'data'])
      .where('action', 'like', 'standard_mapping.note_%')
      .execute();
    expect(audit).toEqual([
      {
        action: 'standard_mapping.note_hidden',
        actor_id: moderator.accountId,
        subject_type: 'standard_mapping',
        data: expect.objectContaining({ painPointId, standardId: STANDARD, reason: 'Personal data' }),
      },
    ]);

    // Restoring shows it again in the API (audited); replays stay blank, as for comments.
    const restored = await moderate('restore', undefined);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await mappingAs()).toMatchObject({ note: PHONE_NOTE, noteHidden: false });
  });

  it('names an unknown mapping', async () => {
    const missing = await moderate('hide', { reason: 'Personal data' });
    expect(missing.statusCode).toBe(404);
  });

  it('a locked discussion takes no new notes, naming the reason; a judgement without a note still counts', async () => {
    const locked = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPointId}/lock`,
      headers: moderator.headers,
    });
    expect(locked.statusCode, locked.body).toBe(200);
    const withNote = await map({ standardId: STANDARD, coverage: 'full', note: 'Clause 5.3 covers it.' });
    expect(withNote.statusCode).toBe(409);
    expect(withNote.headers['content-type']).toContain('application/problem+json');
    expect(withNote.json()).toMatchObject({
      type: expect.stringMatching(/\/discussion-locked$/),
      status: 409,
    });
    expect(withNote.json().detail).toMatch(/locked/);
    expect(errorPaths(withNote.body)).toEqual(['note']);
    // Nothing half-written.
    expect(await mappingAs()).toBeUndefined();

    const withoutNote = await map({ standardId: STANDARD, coverage: 'full' });
    expect(withoutNote.statusCode, withoutNote.body).toBe(201);
    expect(withoutNote.json()).toMatchObject({ note: null });
  });
});
