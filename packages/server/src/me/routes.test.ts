import type { Comment, Me, MeExport, Page, PainPointView } from '@wsc/models';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorPaths, postPainPoint, quickMember } from '../community/fixtures';
import { organizationsSeeder } from '../database/seed-organizations';
import { createEventAs, createMembers } from '../events/fixtures';
import { eventsSeeder } from '../events/seed';
import { standardsSeeder } from '../standards/seed';
import {
  createPartner,
  createTestServer,
  databases,
  type SignedUp,
  signUp,
  ssoSignIn,
  type TestServer,
} from '../test-support';
import { countVotes } from '../votes/repository';

describe.each(databases())('/v1/me on $kind', ({ kind }) => {
  let app: TestServer;
  let member: SignedUp;
  let other: SignedUp;

  beforeAll(async () => {
    app = await createTestServer({ kind, seeders: [organizationsSeeder, standardsSeeder, eventsSeeder] });
  });
  beforeEach(async () => {
    await app.reset();
    member = await signUp(app, { displayName: 'Ana Planner' });
    other = await signUp(app);
  });
  afterAll(() => app.dispose());

  it('GET answers my account and profile; 401 without a token', async () => {
    const response = await app.inject({ url: '/v1/me', headers: member.headers });
    expect(response.statusCode).toBe(200);
    const me = response.json() as Me;
    expect(me.account).toMatchObject({ id: member.accountId, email: member.email, accountRoles: ['member'] });
    expect(me.profile).toMatchObject({ id: member.accountId, displayName: 'Ana Planner' });
    expect(me.account).not.toHaveProperty('passwordHash');
    expect(response.body).not.toContain('scrypt');
    expect((await app.inject({ url: '/v1/me' })).statusCode).toBe(401);
  });

  it('PATCH with none of the known fields is 422 naming the body', async () => {
    for (const payload of [{ displayname: 'typo' }, {}]) {
      const response = await app.inject({ method: 'PATCH', url: '/v1/me', headers: member.headers, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.json()).toMatchObject({ errors: [{ path: '', code: 'empty_update' }] });
    }
    const me = (await app.inject({ url: '/v1/me', headers: member.headers })).json() as Me;
    expect(me.profile.displayName).toBe('Ana Planner');
  });

  it('PATCH changes only my own profile and language', async () => {
    const response = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: member.headers,
      payload: {
        city: 'Singapore',
        country: 'SG',
        bio: 'Water utility planner',
        language: 'zh',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      account: { language: 'zh' },
      profile: { city: 'Singapore', country: 'SG', organizationId: null, bio: 'Water utility planner' },
    });
    const others = (await app.inject({ url: '/v1/me', headers: other.headers })).json() as Me;
    expect(others.profile.city).toBeNull();
  });

  it('PATCH names bad fields', async () => {
    const bad = await app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: member.headers,
      payload: { displayName: '', country: 'Singapore', role: 'wizard', language: 'de' },
    });
    expect(bad.statusCode).toBe(422);
    expect(errorPaths(bad.body)).toEqual(
      expect.arrayContaining(['displayName', 'country', 'role', 'language']),
    );
    expect((await app.inject({ method: 'PATCH', url: '/v1/me', payload: { city: 'X' } })).statusCode).toBe(
      401,
    );
  });

  it('export holds all my data and nobody else’s', async () => {
    const expert = await signUp(app, { roles: ['expert'] });
    const mine = await postPainPoint(app, member.headers, {
      title: { zh: '城市内涝', en: 'Urban flooding' },
    });
    const theirs = await postPainPoint(app, other.headers);
    await app.inject({ method: 'PUT', url: `/v1/pain-points/${theirs.id}/vote`, headers: member.headers });
    const comment = (
      await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${theirs.id}/comments`,
        headers: member.headers,
        payload: { body: 'Seen this in Jakarta' },
      })
    ).json() as Comment;
    const theirComment = (
      await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${theirs.id}/comments`,
        headers: other.headers,
        payload: { body: 'Spam?' },
      })
    ).json() as Comment;
    await app.inject({
      method: 'POST',
      url: `/v1/comments/${theirComment.id}/reports`,
      headers: member.headers,
      payload: { reason: 'spam' },
    });
    await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${theirs.id}/standards`,
      headers: expert.headers,
      payload: { standardId: 'iso-37120-2018', coverage: 'partial' },
    });

    const [organiser] = await createMembers(app, 1, { organizationId: 'itu' });
    const event = await createEventAs(app, organiser?.headers ?? {});
    for (const someone of [member, other]) {
      await app.inject({
        method: 'POST',
        url: `/v1/events/${event.id}/registrations`,
        headers: someone.headers,
        payload: { claim: { communityMember: true } },
      });
    }

    const response = await app.inject({ url: '/v1/me/export', headers: member.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const data = response.json() as MeExport;
    expect(data.account.email).toBe(member.email);
    expect(data.painPoints.map((item) => item.id)).toEqual([mine.id]);
    // Every language of my text, not just the one a reader would be served.
    expect(data.painPoints[0]?.title).toEqual({ zh: '城市内涝', en: 'Urban flooding' });
    expect(data.votes.map((vote) => vote.painPointId)).toEqual([theirs.id]);
    expect(data.comments.map((item) => item.id)).toEqual([comment.id]);
    expect(data.reports.map((report) => report.commentId)).toEqual([theirComment.id]);
    expect(data.standardMappings).toEqual([]);
    expect(data.registrations).toMatchObject([
      { eventId: event.id, stakeholderId: member.accountId, status: 'confirmed' },
    ]);
    expect(response.body).not.toContain(other.email);
    const expertExport = (
      await app.inject({ url: '/v1/me/export', headers: expert.headers })
    ).json() as MeExport;
    expect(expertExport.standardMappings.map((mapping) => mapping.standardId)).toEqual(['iso-37120-2018']);
    expect((await app.inject({ url: '/v1/me/export' })).statusCode).toBe(401);
  });

  it('DELETE anonymizes my content, keeps threads and counts, revokes every token', async () => {
    const partner = await createPartner(app);
    const ssoUser = await ssoSignIn(app, partner, {
      externalUserId: 'leaving-1',
      email: 'leaving@partner.example.org',
    });
    const painPoint = await postPainPoint(app, ssoUser.headers);
    const theirs = await postPainPoint(app, other.headers);
    await app.inject({ method: 'PUT', url: `/v1/pain-points/${theirs.id}/vote`, headers: ssoUser.headers });
    const top = (
      await app.inject({
        method: 'POST',
        url: `/v1/pain-points/${theirs.id}/comments`,
        headers: ssoUser.headers,
        payload: { body: 'My top comment' },
      })
    ).json() as Comment;
    await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${theirs.id}/comments`,
      headers: other.headers,
      payload: { body: 'A reply to it', parentId: top.id },
    });

    const deleted = await app.inject({ method: 'DELETE', url: '/v1/me', headers: ssoUser.headers });
    expect(deleted.statusCode).toBe(204);
    expect((await app.inject({ url: '/v1/me', headers: ssoUser.headers })).statusCode).toBe(401);

    const kept = (await app.inject({ url: `/v1/pain-points/${painPoint.id}` })).json() as PainPointView;
    expect(kept.authorId).toBeNull();
    const thread = (
      await app.inject({ url: `/v1/pain-points/${theirs.id}/comments` })
    ).json() as Page<Comment>;
    expect(thread.data[0]).toMatchObject({
      id: top.id,
      authorId: null,
      body: 'My top comment',
      replyCount: 1,
    });
    const votedOn = (await app.inject({ url: `/v1/pain-points/${theirs.id}` })).json() as PainPointView;
    expect(votedOn.voteCount).toBe(1);
    expect(await countVotes(app.db, theirs.id)).toBe(1);
    const profile = await app.inject({ url: `/v1/stakeholders/${ssoUser.stakeholderId}` });
    expect(profile.statusCode).toBe(404);
    const account = await app.db
      .selectFrom('accounts')
      .select(['email', 'password_hash', 'deleted_at'])
      .where('id', '=', ssoUser.stakeholderId)
      .executeTakeFirstOrThrow();
    expect(account.email).not.toContain('leaving');
    expect(account.deleted_at).not.toBeNull();
    const links = await app.db
      .selectFrom('partner_identities')
      .select('external_user_id')
      .where('account_id', '=', ssoUser.stakeholderId)
      .execute();
    expect(links).toEqual([]);
    // The partner can sign the same person up again: a new, unrelated account.
    const again = await ssoSignIn(app, partner, {
      externalUserId: 'leaving-1',
      email: 'leaving@partner.example.org',
    });
    expect(again.stakeholderId).not.toBe(ssoUser.stakeholderId);
    // Others are untouched.
    expect((await app.inject({ url: '/v1/me', headers: other.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/v1/me' })).statusCode).toBe(401);
  });

  it('DELETE with a password account: the e-mail can no longer sign in', async () => {
    await app.inject({ method: 'DELETE', url: '/v1/me', headers: member.headers });
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: member.email, password: member.password },
    });
    expect(login.statusCode).toBe(401);
  });

  it('DELETE gives up my seats and waitlist places for events to come: the first in line takes my seat', async () => {
    const [organiser] = await createMembers(app, 1, { organizationId: 'itu' });
    const event = await createEventAs(app, organiser?.headers ?? {}, { capacity: 1 });
    const [leaver, waiting] = [await quickMember(app), await quickMember(app)];
    for (const someone of [leaver, waiting]) {
      const registered = await app.inject({
        method: 'POST',
        url: `/v1/events/${event.id}/registrations`,
        headers: someone.headers,
        payload: { claim: { communityMember: true } },
      });
      expect(registered.statusCode).toBe(201);
    }
    expect((await app.inject({ method: 'DELETE', url: '/v1/me', headers: leaver.headers })).statusCode).toBe(
      204,
    );
    const statuses = await app.db
      .selectFrom('registrations')
      .select(['account_id', 'status'])
      .where('event_id', '=', event.id)
      .execute();
    expect(Object.fromEntries(statuses.map((row) => [row.account_id, row.status]))).toEqual({
      [leaver.accountId]: 'cancelled',
      [waiting.accountId]: 'confirmed',
    });
    const mine = await app.inject({
      url: `/v1/events/${event.id}/registrations/me`,
      headers: waiting.headers,
    });
    expect(mine.json()).toMatchObject({ status: 'confirmed' });
  });

  it('DELETE while my own writes are in flight: every request answered without a 5xx, nothing left half-done', async () => {
    const members = await Promise.all(Array.from({ length: 12 }, () => quickMember(app)));
    const setups = await Promise.all(
      members.map(async (someone) => {
        const painPoint = await postPainPoint(app, someone.headers);
        const comment = await app.inject({
          method: 'POST',
          url: `/v1/pain-points/${painPoint.id}/comments`,
          headers: someone.headers,
          payload: { body: 'My own first comment' },
        });
        return { someone, painPoint, comment: comment.json() as Comment };
      }),
    );
    // Each member replies to their own comment, votes for their own pain point and deletes their
    // account at the same moment: the writes insert rows that reference the account and then
    // update rows the deletion anonymizes, the deletion does the reverse.
    const answers = await Promise.all(
      setups.flatMap(({ someone, painPoint, comment }) => [
        app.inject({
          method: 'POST',
          url: `/v1/pain-points/${painPoint.id}/comments`,
          headers: someone.headers,
          payload: { body: 'A reply of mine', parentId: comment.id },
        }),
        app.inject({ method: 'PUT', url: `/v1/pain-points/${painPoint.id}/vote`, headers: someone.headers }),
        app.inject({ method: 'DELETE', url: '/v1/me', headers: someone.headers }),
      ]),
    );
    expect(answers.filter((answer) => answer.statusCode >= 500).map((answer) => answer.body)).toEqual([]);
    for (const { someone, painPoint } of setups) {
      const account = await app.db
        .selectFrom('accounts')
        .select(['email', 'deleted_at'])
        .where('id', '=', someone.accountId)
        .executeTakeFirstOrThrow();
      expect(account.deleted_at).not.toBeNull();
      expect(account.email).toBe(`deleted-${someone.accountId}@deleted.invalid`);
      const read = (await app.inject({ url: `/v1/pain-points/${painPoint.id}` })).json() as PainPointView;
      expect(read.authorId).toBeNull();
      expect(read.voteCount).toBe(await countVotes(app.db, painPoint.id));
    }
  });
});
