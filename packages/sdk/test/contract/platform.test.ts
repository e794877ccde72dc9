// Contract tests: the SDK against the real @wsc/server, in-process on PGlite (and on PostgreSQL
// when TEST_DATABASE_URL is set), through a real listening socket. Response validation is on,
// so every call also checks that the server's bodies match the @wsc/models schemas.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPartner, signUp, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WscClient } from '../../src/client';
import {
  AuthenticationError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '../../src/errors/subclasses';
import type { WscError } from '../../src/errors/wsc-error';
import { isKnownWebhookEvent } from '../../src/index';
import type { LiveEvent, LiveSubscription } from '../../src/live/live';
import { WebhookVerificationError, webhooks } from '../../src/node/webhooks';
import { sendJson, startStubServer } from '../stub-server';
import { failure, kind, startApi } from './api';

let app: TestServer;
let baseURL: string;

beforeAll(async () => {
  // Private addresses allowed: the webhook receiver below listens on 127.0.0.1.
  ({ app, baseURL } = await startApi({ webhookAllowPrivate: true }));
}, 120_000);
afterAll(() => app?.dispose());

let counter = 0;
async function member(): Promise<{ client: WscClient; email: string; password: string }> {
  counter += 1;
  const email = `contract${counter}.${Date.now()}@example.org`;
  const password = 'correct horse battery staple';
  const session = await new WscClient({ baseURL }).auth.signup({
    email,
    password,
    displayName: `Contract ${counter}`,
    role: 'urban-planner',
  });
  expect(session.tokenType).toBe('Bearer');
  return { client: new WscClient({ baseURL, token: session.token }), email, password };
}

const draft = (city: string, title = 'Flooded underpasses') => ({
  title: { en: title },
  description: { en: 'Underpasses flood after every heavy rain.' },
  domain: 'water' as const,
  city,
  country: 'SG',
});

describe(`auth against @wsc/server (${kind})`, () => {
  it('signs up, logs in and logs out; the revoked token then gets AuthenticationError', async () => {
    const { email, password } = await member();
    const session = await new WscClient({ baseURL }).auth.login({ email, password });
    const client = new WscClient({ baseURL, token: session.token });
    await expect(client.painPoints.create(draft('Login City'))).resolves.toMatchObject({
      city: 'Login City',
    });
    await client.auth.logout();
    const error = await failure(client.painPoints.create(draft('Login City')));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.requestId).toBeTruthy();
    expect(error.message).not.toContain(session.token);
  });

  it('reports refused sign-up fields as a ValidationError naming them', async () => {
    const error = await failure(
      new WscClient({ baseURL }).auth.signup({
        email: 'not-an-email',
        password: 'short',
        displayName: 'X',
        role: 'urban-planner',
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).errors.map((fieldError) => fieldError.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('mints an SSO user token with a secret key and acts with it', async () => {
    const partner = await createPartner(app);
    const server = new WscClient({ baseURL, secretKey: partner.secretKey });
    const sso = await server.sso.tokens.create({
      externalUserId: `user-${Date.now()}`,
      email: `sso.${Date.now()}@example.org`,
      displayName: 'SSO Member',
    });
    expect(sso.partnerId).toBe(partner.id);
    const user = new WscClient({ baseURL, token: sso.token });
    const created = await user.painPoints.create(draft('SSO City'));
    expect(created.partnerId).toBe(partner.id);
  });
});

describe(`pain points against @wsc/server (${kind})`, () => {
  it('creates, reads, updates and lists a pain point', async () => {
    const { client } = await member();
    const city = `Contract City ${Date.now()}`;
    const created = await client.painPoints.create(draft(city));
    expect(created).toMatchObject({ city, domain: 'water', status: 'open', voteCount: 0 });
    expect((await client.painPoints.get(created.id)).id).toBe(created.id);
    const updated = await client.painPoints.update(created.id, { severity: 'critical' });
    expect(updated.severity).toBe('critical');
    const page = await new WscClient({ baseURL }).painPoints.list({ city, domain: 'water' });
    expect(page.data.map((painPoint) => painPoint.id)).toEqual([created.id]);
    expect(page.nextCursor).toBeNull();
  });

  it('walks every page with the async iterator and toArray', async () => {
    const { client } = await member();
    const city = `Paged City ${Date.now()}`;
    const ids = new Set<string>();
    for (const title of ['First', 'Second', 'Third'])
      ids.add((await client.painPoints.create(draft(city, title))).id);
    const walked: string[] = [];
    for await (const painPoint of client.painPoints.list({ city, limit: 1, sort: 'new' }))
      walked.push(painPoint.id);
    expect(new Set(walked)).toEqual(ids);
    expect(walked).toHaveLength(3);
    expect(await client.painPoints.list({ city, limit: 1 }).toArray({ limit: 2 })).toHaveLength(2);
  });

  it('replays a write sent twice with one Idempotency-Key', async () => {
    const { client } = await member();
    const city = `Idempotent City ${Date.now()}`;
    const idempotencyKey = `contract-${Date.now()}`;
    const first = await client.painPoints.create(draft(city), { idempotencyKey });
    const second = await client.painPoints.create(draft(city), { idempotencyKey });
    expect(second.id).toBe(first.id);
    expect((await client.painPoints.list({ city })).data).toHaveLength(1);
  });

  it('votes, unvotes and discusses', async () => {
    const author = await member();
    const voter = await member();
    const created = await author.client.painPoints.create(draft(`Vote City ${Date.now()}`));
    expect(await voter.client.painPoints.vote(created.id)).toMatchObject({ voted: true, voteCount: 1 });
    expect(await voter.client.painPoints.vote(created.id)).toMatchObject({ voted: true, voteCount: 1 });
    expect(await voter.client.painPoints.unvote(created.id)).toMatchObject({ voted: false, voteCount: 0 });
    const comment = await voter.client.painPoints.comments.create(created.id, {
      body: 'Same in our district.',
    });
    const reply = await author.client.painPoints.comments.create(created.id, {
      body: 'Thanks',
      parentId: comment.id,
    });
    expect(reply.parentId).toBe(comment.id);
    const listed = await author.client.painPoints.comments.list(created.id).toArray({ limit: 1000 });
    expect(listed.map((item) => item.id)).toContain(comment.id);
  });

  it('throws NotFoundError with the problem and request id', async () => {
    const error = await failure(new WscClient({ baseURL }).painPoints.get('does-not-exist'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(error.problem?.status).toBe(404);
    expect(error.requestId).toBeTruthy();
  });

  it('reads with a publishable key', async () => {
    const partner = await createPartner(app);
    const page = await new WscClient({ baseURL, publishableKey: partner.publishableKey }).painPoints.list({
      limit: 5,
    });
    expect(Array.isArray(page.data)).toBe(true);
  });
});

describe(`me against @wsc/server (${kind})`, () => {
  it('reads, updates, exports and deletes the account', async () => {
    const { client, email } = await member();
    const me = await client.me.get();
    expect(me.account.email).toBe(email);
    const updated = await client.me.update({ city: 'Geneva', bio: 'Urban planner', language: 'fr' });
    expect(updated.profile.city).toBe('Geneva');
    const created = await client.painPoints.create(draft('Export City'));
    const archive = await client.me.export();
    expect(archive.account.email).toBe(email);
    expect(archive.painPoints.map((painPoint) => painPoint.id)).toContain(created.id);
    await client.me.delete();
    expect(await failure(client.me.get())).toBeInstanceOf(AuthenticationError);
  });
});

describe(`notification preferences against @wsc/server (${kind})`, () => {
  it('reads the defaults, turns the digest on for two domains, refuses an unknown domain', async () => {
    const { client } = await member();
    expect(await client.me.notificationPreferences.get()).toMatchObject({
      moderation: true,
      digest: false,
      digestDomains: [],
    });
    const updated = await client.me.notificationPreferences.update({
      digest: true,
      digestDomains: ['mobility', 'energy'],
    });
    expect(updated).toMatchObject({ digest: true, digestDomains: ['energy', 'mobility'] });
    const refused = await failure(
      client.me.notificationPreferences.update({ digestDomains: ['magic'] as never }),
    );
    expect((refused as { status?: number }).status).toBe(422);
  });
});

describe(`organization membership against @wsc/server (${kind})`, () => {
  it('asks, is approved by a manager the admin named, leaves; a self-claim is refused', async () => {
    const admin = new WscClient({ baseURL, token: (await signUp(app, { roles: ['admin'] })).token });
    const manager = await member();
    const managerId = (await manager.client.me.get()).account.id;
    const named = await admin.organizations.memberships.update('iso', managerId, {
      status: 'approved',
      role: 'manager',
    });
    expect(named).toMatchObject({ organizationId: 'iso', status: 'approved', role: 'manager' });

    const { client } = await member();
    const claim = await failure(client.me.update({ organizationId: 'iso' } as never));
    expect(claim).toBeInstanceOf(ValidationError);
    expect((claim as ValidationError).errors.map((field) => field.path)).toEqual(['organizationId']);

    const asked = await client.organizations.membershipRequests.create('iso', { note: 'ISO/TC 268' });
    expect(asked).toMatchObject({ status: 'pending', note: 'ISO/TC 268' });
    const pending = await manager.client.organizations.memberships
      .list('iso', { status: 'pending' })
      .toArray({ limit: 100 });
    expect(pending.map((membership) => membership.accountId)).toEqual([asked.accountId]);
    expect(await failure(client.organizations.memberships.list('iso'))).toBeInstanceOf(PermissionError);

    await manager.client.organizations.memberships.update('iso', asked.accountId, { status: 'approved' });
    expect((await client.me.get()).profile.organizationId).toBe('iso');
    expect((await client.me.memberships.list()).data).toEqual([
      expect.objectContaining({ organizationId: 'iso', status: 'approved' }),
    ]);
    await client.me.memberships.delete('iso');
    expect((await client.me.get()).profile.organizationId).toBeNull();

    const domains = await admin.organizations.update('iso', { verifiedDomains: ['iso.org'] });
    expect(domains.verifiedDomains).toEqual(['iso.org']);
  });
});

describe(`catalogue against @wsc/server (${kind})`, () => {
  it('lists and reads standards, stakeholders and organizations', async () => {
    const client = new WscClient({ baseURL });
    const standards = await client.standards.list({ limit: 3 });
    expect(standards.data.length).toBeGreaterThan(0);
    const [first] = standards.data;
    expect((await client.standards.get(first?.id ?? '')).reference).toBe(first?.reference);
    const iso = await client.standards.list({ body: 'ISO' }).toArray({ limit: 30 });
    expect(iso.every((standard) => standard.body === 'ISO')).toBe(true);

    const { client: signedIn } = await member();
    const { profile } = await signedIn.me.get();
    expect((await client.stakeholders.get(profile.id)).displayName).toBe(profile.displayName);
    const planners = await client.stakeholders.list({ role: 'urban-planner' }).toArray({ limit: 50 });
    expect(planners.map((stakeholder) => stakeholder.id)).toContain(profile.id);

    const organizations = await client.organizations.list({ limit: 5 });
    for (const organization of organizations.data) {
      expect((await client.organizations.get(organization.id)).slug).toBe(organization.slug);
    }
  });

  it('maps a standard to a pain point (experts only) and reports coverage', async () => {
    const expert = await signUp(app, { roles: ['expert'] });
    const expertClient = new WscClient({ baseURL, token: expert.token });
    const { client: author } = await member();
    const painPoint = await author.painPoints.create(draft(`Coverage City ${Date.now()}`));
    const [standard] = (await author.standards.list({ limit: 1 })).data;
    const mapping = { standardId: standard?.id ?? '', coverage: 'partial' as const, clause: '5.3' };
    expect(await failure(author.painPoints.standards.create(painPoint.id, mapping))).toBeInstanceOf(
      PermissionError,
    );
    const created = await expertClient.painPoints.standards.create(painPoint.id, mapping);
    expect(created).toMatchObject({ painPointId: painPoint.id, coverage: 'partial' });
    const standards = await author.painPoints.standards.get(painPoint.id);
    expect(standards.coverage).toBe('partial');
    expect(standards.mappings.map((item) => item.standardId)).toEqual([standard?.id]);
    const water = await author.coverage.get({ domain: 'water' });
    expect(water.totals.partial).toBeGreaterThanOrEqual(1);
    expect(water.byDomain.every((row) => row.domain === 'water' || row.total === 0)).toBe(true);
    expect(water.gaps.length).toBeGreaterThan(0);
    expect((await author.coverage.get({ domain: 'water', gapLimit: 0 })).gaps).toEqual([]);
  });
});

describe(`moderation against @wsc/server (${kind})`, () => {
  it('reports, hides and restores a comment; edits within the window', async () => {
    const moderator = new WscClient({ baseURL, token: (await signUp(app, { roles: ['moderator'] })).token });
    const { client: author } = await member();
    const { client: reader } = await member();
    const painPoint = await author.painPoints.create(draft(`Moderation City ${Date.now()}`));
    const comment = await author.painPoints.comments.create(painPoint.id, { body: 'First version' });
    expect((await author.comments.update(comment.id, { body: 'Second version' })).body).toBe(
      'Second version',
    );
    const reported = await reader.comments.reports.create(comment.id, { reason: 'spam' });
    expect(reported.report.commentId).toBe(comment.id);
    expect((await moderator.comments.hide(comment.id, { reason: 'Spam' })).hidden).toBe(true);
    expect((await moderator.comments.restore(comment.id)).hidden).toBe(false);
    expect(await failure(reader.comments.hide(comment.id))).toBeInstanceOf(PermissionError);
    expect((await moderator.painPoints.lock(painPoint.id)).locked).toBe(true);
    expect((await moderator.painPoints.unlock(painPoint.id)).locked).toBe(false);
  });
});

describe(`events and registration against @wsc/server (${kind})`, () => {
  it('reads the seeded forum, its programme and its calendar file', async () => {
    const client = new WscClient({ baseURL, locale: 'fr' });
    const past = await client.events.list({ when: 'past' }).toArray({ limit: 1000 });
    expect(past.map((event) => event.slug)).toContain('world-smart-city-forum-2016');
    const forum = await client.events.get('world-smart-city-forum-2016');
    expect(forum.timeZone).toBe('Asia/Singapore');
    expect(Array.isArray((await client.events.sessions.list(forum.id)).data)).toBe(true);
    const ics = await client.events.calendar(forum.slug);
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('END:VEVENT');
  });

  it('creates an event, decides eligibility, registers, waitlists, cancels and promotes', async () => {
    const admin = new WscClient({ baseURL, token: (await signUp(app, { roles: ['admin'] })).token });
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const endsAt = new Date(startsAt.getTime() + 8 * 3_600_000);
    const event = await admin.events.create({
      slug: `smart-water-day-${Date.now()}`,
      name: { en: 'Smart Water Day' },
      description: { en: 'Utilities and standards experts on leak detection.' },
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      timeZone: 'Europe/Zurich',
      city: 'Geneva',
      country: 'CH',
      capacity: 1,
    });
    expect((await admin.events.update(event.id, { venue: 'CICG' })).venue).toBe('CICG');
    const session = await admin.events.sessions.create(event.slug, {
      title: { en: 'Leak detection standards' },
      startsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
    });
    expect((await admin.events.sessions.list(event.id)).data.map((item) => item.id)).toEqual([session.id]);
    const upcoming = await new WscClient({ baseURL }).events
      .list({ when: 'upcoming' })
      .toArray({ limit: 1000 });
    expect(upcoming.map((item) => item.id)).toContain(event.id);

    const first = (await member()).client;
    const second = (await member()).client;
    const decision = await first.events.eligibility.check(event.id, { communityMember: true });
    expect(decision).toMatchObject({ eligible: true, basis: 'community-member' });
    expect(
      (await first.events.registrations.create(event.id, { claim: { communityMember: true } })).status,
    ).toBe('confirmed');
    const waiting = await second.events.registrations.create(event.slug);
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await first.events.registrations.cancel(event.id)).status).toBe('cancelled');
    expect((await second.events.registrations.get(event.id)).status).toBe('confirmed');
    // The latest registration stays readable after cancelling, as the platform documents.
    expect((await first.events.registrations.get(event.id)).status).toBe('cancelled');
    const stranger = (await member()).client;
    expect(await failure(stranger.events.registrations.get(event.id))).toBeInstanceOf(NotFoundError);

    // Signed out: join the community and register in one call, then act with the new session.
    const visitor = new WscClient({ baseURL });
    expect(await visitor.events.eligibility.check(event.id, { joiningNow: true })).toMatchObject({
      eligible: true,
    });
    const joined = await visitor.events.registrations.create(event.id, {
      join: {
        email: `joiner${Date.now()}@example.org`,
        password: 'correct horse battery staple',
        displayName: 'Joiner',
        role: 'utility',
      },
    });
    expect(joined).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const newcomer = new WscClient({ baseURL, token: joined.session?.token });
    expect((await newcomer.events.registrations.get(event.id)).id).toBe(joined.id);
    expect((await newcomer.me.get()).profile.displayName).toBe('Joiner');
  });
});

function until(condition: () => boolean, timeout = 15_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeout) return reject(new Error('condition not met in time'));
      setTimeout(check, 25);
    };
    check();
  });
}

describe(`webhooks and live updates against @wsc/server (${kind})`, () => {
  it('manages webhook endpoints with a secret key', async () => {
    const partner = await createPartner(app);
    const server = new WscClient({ baseURL, secretKey: partner.secretKey });
    const endpoint = await server.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/wsc/webhooks',
      eventTypes: ['pain_point.created', 'registration.created'],
      description: 'Contract test receiver',
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await server.webhookEndpoints.list()).data.map((item) => item.id)).toContain(endpoint.id);
    expect((await server.webhookEndpoints.get(endpoint.id)).eventTypes).toEqual(endpoint.eventTypes);
    expect(await server.webhookEndpoints.deliveries.list(endpoint.id).toArray({ limit: 1000 })).toEqual([]);
    const rotated = await server.webhookEndpoints.rotateSecret(endpoint.id);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    await server.webhookEndpoints.delete(endpoint.id);
    expect(await failure(server.webhookEndpoints.get(endpoint.id))).toBeInstanceOf(NotFoundError);
    // A publishable key must never manage endpoints.
    const browser = new WscClient({ baseURL, publishableKey: partner.publishableKey });
    const refused = await failure(browser.webhookEndpoints.list());
    expect([401, 403]).toContain(refused.status);
  });

  it('opens the SSE stream through fetch streaming, and stops on a refused Last-Event-ID', async () => {
    const { client } = await member();
    let opened!: () => void;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const subscription = client.live.subscribe(['pain-points', 'votes'], () => {}, {
      onOpen: () => opened(),
    });
    await open;
    subscription.close();
    await subscription.closed;

    const errors: WscError[] = [];
    const refused = client.live.subscribe('pain-points', () => {}, {
      lastEventId: 'not-a-number',
      onError: (error) => errors.push(error),
    });
    await refused.closed;
    expect(errors.map((error) => error.status)).toEqual([422]);
    expect(errors[0]).toBeInstanceOf(ValidationError);
    expect((errors[0] as ValidationError).errors.map((fieldError) => fieldError.path)).toEqual([
      'lastEventId',
    ]);
  });

  it('delivers a signed pain_point.created webhook that webhooks.verify accepts', async () => {
    const received: { body: string; headers: IncomingHttpHeaders }[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const partner = await createPartner(app);
      const server = new WscClient({ baseURL, secretKey: partner.secretKey });
      const endpoint = await server.webhookEndpoints.create({
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/wsc/webhooks`,
        eventTypes: ['pain_point.created'],
      });
      const { client } = await member();
      const painPoint = await client.painPoints.create(draft(`Webhook City ${Date.now()}`));
      await until(() => received.some((delivery) => delivery.body.includes(painPoint.id)));
      const delivery = received.find((item) => item.body.includes(painPoint.id));
      const event = webhooks.verify(delivery?.body ?? '', delivery?.headers ?? {}, endpoint.secret);
      expect(event.type).toBe('pain_point.created');
      expect(JSON.stringify(event.data)).toContain(painPoint.id);
      const tampered = (delivery?.body ?? '').replace(painPoint.id, 'someone-else');
      expect(() => webhooks.verify(tampered, delivery?.headers ?? {}, endpoint.secret)).toThrow(
        WebhookVerificationError,
      );
      const deliveries = await server.webhookEndpoints.deliveries.list(endpoint.id).toArray({ limit: 1000 });
      expect(deliveries.map((item) => item.eventType)).toContain('pain_point.created');
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  }, 30_000);

  it('streams pain_point.created live and replays what was missed after Last-Event-ID', async () => {
    const { client } = await member();
    const reader = new WscClient({ baseURL });
    const seen: LiveEvent[] = [];
    let opened!: () => void;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const subscription = reader.live.subscribe('pain-points', (event) => seen.push(event), {
      onOpen: () => opened(),
    });
    await open;
    const first = await client.painPoints.create(draft(`Live City ${Date.now()}`));
    await until(() => seen.some((event) => JSON.stringify(event.data).includes(first.id)));
    subscription.close();
    await subscription.closed;
    expect(seen.find((event) => JSON.stringify(event.data).includes(first.id))?.type).toBe(
      'pain_point.created',
    );
    const resumeFrom = subscription.lastEventId;
    expect(resumeFrom).toMatch(/^\d+$/);

    // Created while nobody listens: the resumed subscription must replay it, and only what came after.
    const missed = await client.painPoints.create(draft(`Missed City ${Date.now()}`));
    const replayed: LiveEvent[] = [];
    const resumed = reader.live.subscribe('pain-points', (event) => replayed.push(event), {
      lastEventId: resumeFrom ?? '',
    });
    await until(() => replayed.some((event) => JSON.stringify(event.data).includes(missed.id)));
    resumed.close();
    await resumed.closed;
    expect(replayed.some((event) => JSON.stringify(event.data).includes(first.id))).toBe(false);
  }, 30_000);
});

describe(`answers from a newer server: real answers with values this SDK does not know (${kind})`, () => {
  /** A real answer of the server, as raw JSON. */
  async function capture(path: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${baseURL}${path}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  it('reads pain points, standards and events carrying a new domain, status and basis', async () => {
    const { client } = await member();
    const created = await client.painPoints.create(draft(`Future City ${Date.now()}`));
    const painPoint = await capture(`/v1/pain-points/${created.id}`);
    const page = await capture('/v1/pain-points?limit=2');
    const standard = ((await capture('/v1/standards?limit=1')).data as Record<string, unknown>[])[0];
    const forum = ((await capture('/v1/events?when=all&limit=1')).data as Record<string, unknown>[])[0];
    const future = {
      domain: 'space-infrastructure',
      status: 'archived',
      severity: 'catastrophic',
      language: 'pt',
    };
    const answers: Record<string, unknown> = {
      [`/v1/pain-points/${created.id}`]: { ...painPoint, ...future, reviewedBy: 'newer-field' },
      '/v1/pain-points': {
        ...page,
        data: (page.data as Record<string, unknown>[]).map((item) => ({ ...item, ...future })),
      },
      '/v1/standards/new': { ...standard, body: 'IEEE', status: 'confirmed', domains: ['water', 'oceans'] },
      '/v1/events/new': { ...forum, freeAttendance: ['community-member', 'city-resident'] },
    };
    const newer = await startStubServer();
    try {
      newer.handle((request, response) => {
        const answer = answers[new URL(request.url, newer.baseURL).pathname];
        if (answer) sendJson(response, 200, answer);
        else sendJson(response, 404, { title: 'Not Found', status: 404 });
      });
      const today = new WscClient({ baseURL: newer.baseURL });
      const read = await today.painPoints.get(created.id);
      expect([read.domain, read.status, read.severity, read.language]).toEqual([
        'space-infrastructure',
        'archived',
        'catastrophic',
        'pt',
      ]);
      // Fields added later are kept too (Node keeps a valid body as received).
      expect((read as Record<string, unknown>).reviewedBy).toBe('newer-field');
      expect(
        (await today.painPoints.list()).data.every((item) => item.domain === 'space-infrastructure'),
      ).toBe(true);
      expect((await today.standards.get('new')).domains).toEqual(['water', 'oceans']);
      expect((await today.events.get('new')).freeAttendance).toContain('city-resident');
      // Requests stay strict: this SDK still refuses to send a domain it does not know.
      const refused = await failure(
        client.painPoints.create({ ...draft('Strict City'), domain: 'space-infrastructure' as 'water' }),
      );
      expect(refused).toBeInstanceOf(ValidationError);
    } finally {
      await newer.close();
    }
  });

  it('delivers a real event whose type was added later, live and as a verified webhook', async () => {
    const { client } = await member();
    const created = await client.painPoints.create(draft(`Event City ${Date.now()}`));
    const seen: LiveEvent[] = [];
    let opened!: () => void;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const subscription = new WscClient({ baseURL }).live.subscribe('votes', (event) => seen.push(event), {
      onOpen: () => opened(),
    });
    await open;
    await client.painPoints.vote(created.id);
    await until(() => seen.some((event) => JSON.stringify(event.data).includes(created.id)));
    subscription.close();
    await subscription.closed;
    const voted = seen.find((event) => JSON.stringify(event.data).includes(created.id));
    if (!voted) throw new Error('the vote was not streamed');
    expect(
      voted && isKnownWebhookEvent(voted) && voted.type === 'pain_point.voted' && voted.data.voteCount,
    ).toBe(1);

    const later = { ...voted, type: 'pain_point.reacted', data: { ...voted.data, reaction: 'clap' } };
    const newer = await startStubServer();
    try {
      newer.handle((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(`id: ${later.id}\nevent: ${later.type}\ndata: ${JSON.stringify(later)}\n\n`);
      });
      const received: LiveEvent[] = [];
      const errors: WscError[] = [];
      const live = new WscClient({ baseURL: newer.baseURL }).live.subscribe(
        'votes',
        (event) => received.push(event),
        {
          onError: (error) => errors.push(error),
        },
      );
      await until(() => received.length > 0);
      live.close();
      await live.closed;
      expect(received[0]).toEqual(later);
      expect(received[0] && isKnownWebhookEvent(received[0])).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await newer.close();
    }

    const secret = webhooks.generateSecret();
    const body = JSON.stringify(later);
    const event = webhooks.verify(body, webhooks.sign(body, secret), secret);
    expect(event).toEqual(later);
    expect(isKnownWebhookEvent(event)).toBe(false);
  }, 30_000);

  it('checks every event type the server sends against its schema, without one refusal', async () => {
    const admin = new WscClient({ baseURL, token: (await signUp(app, { roles: ['admin'] })).token });
    const moderator = new WscClient({ baseURL, token: (await signUp(app, { roles: ['moderator'] })).token });
    const expert = new WscClient({ baseURL, token: (await signUp(app, { roles: ['expert'] })).token });
    const { client: author } = await member();
    const painPoint = await author.painPoints.create(draft(`Typed City ${Date.now()}`));
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const event = await admin.events.create({
      slug: `typed-events-day-${Date.now()}`,
      name: { en: 'Typed Events Day' },
      description: { en: 'Every event type, once.' },
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      timeZone: 'Europe/Zurich',
      city: 'Geneva',
      country: 'CH',
      capacity: 1,
    });
    // The admin reads the full registrations; an anonymous reader gets seats only.
    const received: LiveEvent[] = [];
    const errors: WscError[] = [];
    const subscriptions = await Promise.all(
      [admin, new WscClient({ baseURL })].map(
        (reader) =>
          new Promise<LiveSubscription>((resolve) => {
            const subscription = reader.live.subscribe(
              [`pain-points/${painPoint.id}`, `events/${event.id}`],
              (update) => received.push(update),
              { onOpen: () => resolve(subscription), onError: (error) => errors.push(error) },
            );
          }),
      ),
    );
    await author.painPoints.update(painPoint.id, { severity: 'high' });
    await author.painPoints.vote(painPoint.id);
    const comment = await author.painPoints.comments.create(painPoint.id, { body: 'Typed comment' });
    await author.comments.update(comment.id, { body: 'Typed comment, edited' });
    await moderator.comments.hide(comment.id, { reason: 'Test' });
    const [standard] = (await author.standards.list({ limit: 1 })).data;
    await expert.painPoints.standards.create(painPoint.id, {
      standardId: standard?.id ?? '',
      coverage: 'full',
    });
    await admin.events.update(event.id, { venue: 'CICG' });
    const first = (await member()).client;
    const second = (await member()).client;
    await first.events.registrations.create(event.id);
    await second.events.registrations.create(event.id);
    await first.events.registrations.cancel(event.id);
    const expected = [
      'pain_point.updated',
      'pain_point.voted',
      'comment.created',
      'comment.updated',
      'comment.hidden',
      'standard_mapping.created',
      'event.updated',
      'registration.created',
      'registration.cancelled',
      'registration.promoted',
    ];
    await until(() => expected.every((type) => received.filter((item) => item.type === type).length >= 2));
    for (const subscription of subscriptions) subscription.close();
    await Promise.all(subscriptions.map((subscription) => subscription.closed));
    expect(errors).toEqual([]);
    expect(received.every((item) => isKnownWebhookEvent(item))).toBe(true);
    const registrations = received.filter((item) => item.type === 'registration.promoted');
    // One full (the admin's), one seats-only (the anonymous reader's): both shapes pass.
    expect(registrations.map((item) => 'stakeholderId' in item.data).sort()).toEqual([false, true]);
  }, 60_000);

  it('documents answers as open (x-extensible-enum) and requests as closed (enum) in OpenAPI', async () => {
    type Body = { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } };
    type Operation = { responses: Record<string, Body>; requestBody: Body };
    const document = (await capture('/openapi.json')) as { paths: Record<string, Record<string, Operation>> };
    const answer = document.paths['/v1/pain-points/{id}']?.get?.responses['200'] as Body;
    const request = document.paths['/v1/pain-points']?.post?.requestBody as Body;
    const answerDomain = answer.content['application/json'].schema.properties.domain;
    const requestDomain = request.content['application/json'].schema.properties.domain;
    expect(answerDomain).toMatchObject({
      type: 'string',
      'x-extensible-enum': expect.arrayContaining(['water']),
    });
    expect(answerDomain).not.toHaveProperty('enum');
    expect(requestDomain).toMatchObject({ enum: expect.arrayContaining(['water']) });
  });

  it('returns the request id, status and headers of a success with withResponse()', async () => {
    const { client } = await member();
    const created = await client.painPoints.create(draft(`Metadata City ${Date.now()}`)).withResponse();
    expect(created.status).toBe(201);
    expect(created.requestId).toBeTruthy();
    expect(created.headers['x-request-id']).toBe(created.requestId);
    const read = await client.painPoints.get(created.data.id).withResponse();
    expect(read.data.id).toBe(created.data.id);
    expect(read.requestId).not.toBe(created.requestId);
    const page = await client.painPoints.list({ limit: 1 }).withResponse();
    expect(page.data.data).toHaveLength(1);
    expect(page.requestId).toBeTruthy();
  });
});
