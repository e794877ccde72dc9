// A community holding every kind of object the platform stores, made through its own routes (and,
// where no route exists, the function the server's own timer or CLI calls), for the copy and
// backup tests. Tests only.
import { sql } from 'kysely';
import { expect } from 'vitest';
import { postPainPoint } from '../community/fixtures';
import type { ServerOptions } from '../config';
import { createEventAs } from '../events/fixtures';
import { openStream, type SseFrame } from '../live/test-sse-client';
import { queueWeeklyDigests } from '../mail/digest';
import type { MailWorker } from '../mail/mail-worker';
import type { TestSmtpServer } from '../mail/test-smtp-server';
import { type SignedUp, signUp, type TestServer } from '../test-support';
import type { TestReceiver } from '../webhooks/test-receiver';

/** The address the test SMTP server refuses for good (550): it becomes undeliverable. */
/**
 * Options of every server a move test starts on the fixture (before and after the move): mail and
 * webhooks queued but sent by the test, private receivers allowed, no cache between writes and reads.
 *
 * @example
 * const app = await createServer({ ...moveTestServerOptions(smtp), database });
 */
export function moveTestServerOptions(smtp: TestSmtpServer): ServerOptions {
  return {
    logLevel: 'silent',
    rateLimit: false,
    firstPageCacheMilliseconds: 0,
    mail: { smtpUrl: smtp.url, worker: false },
    webhookWorker: false,
    webhookAllowPrivate: true,
  };
}

export const BOUNCING_ADDRESS = 'bounce@example.org';

/** A GET and who sends it: its answer must not change when the database moves. */
export interface Read {
  url: string;
  headers: Record<string, string>;
}

export interface EveryKindOfObject {
  member: SignedUp;
  admin: SignedUp;
  partner: { id: string; secretKey: string; publishableKey: string; origin: string };
  painPointId: string;
  eventId: string;
  reads: Read[];
}

/**
 * Fills `app` (made with `mail: { smtpUrl: smtp.url, worker: false }`, `webhookWorker: false`
 * and `webhookAllowPrivate: true`) with members, partners, SSO accounts, pain points, votes,
 * comments, reports, mappings, events with sessions, registrations and a waitlist, imported
 * lists, memberships, webhooks with their deliveries, sent and bounced mail, preferences,
 * tokens, digests and audit entries; sends the mail and the webhooks.
 *
 * @example
 * const fixture = await fillWithEveryKindOfObject(app, { smtp, receiver });
 */
export async function fillWithEveryKindOfObject(
  app: TestServer,
  services: { smtp: TestSmtpServer; receiver: TestReceiver },
): Promise<EveryKindOfObject> {
  services.smtp.respond = (address) => (address === BOUNCING_ADDRESS ? 550 : null);
  const inject = async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
    contentType?: string,
  ) => {
    const response = await app.inject({
      method,
      url,
      headers: contentType ? { ...headers, 'content-type': contentType } : headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json() as Record<string, unknown> & { id: string };
  };

  // Members: signed up (confirmation mail and its token), an admin, a moderator, an expert.
  const admin = await signUp(app, { roles: ['admin'] });
  const moderator = await signUp(app);
  const expert = await signUp(app, { roles: ['expert'] });
  const member = await signUp(app, { displayName: 'Amina Diallo', role: 'city-leader' });
  const bouncing = await signUp(app, { email: BOUNCING_ADDRESS });
  const reporters = [await signUp(app), await signUp(app), await signUp(app)] as const;
  const [firstReporter, secondReporter, thirdReporter] = reporters;
  await inject('PATCH', '/v1/me', member.headers, { city: 'Dakar', country: 'SN' });
  await inject('PATCH', '/v1/me/notification-preferences', member.headers, { digest: true });
  await inject('POST', '/v1/auth/password-resets', {}, { email: member.email });
  // A wrong guess of the current password while changing the address (counted per account).
  const wrongGuess = await app.inject({
    method: 'PATCH',
    url: '/v1/me',
    headers: member.headers,
    payload: { email: 'amina.elsewhere@example.org', currentPassword: 'not the password' },
  });
  expect(wrongGuess.statusCode, wrongGuess.body).toBe(403);
  await inject('PATCH', `/v1/accounts/${moderator.accountId}`, admin.headers, {
    accountRoles: ['member', 'moderator'],
  });

  // A partner through the admin routes, its keys, an SSO account and a webhook endpoint.
  const origin = 'https://www.iec.ch';
  const partner = await inject('POST', '/v1/partners', admin.headers, { name: 'IEC website' });
  const publishable = await inject('POST', `/v1/partners/${partner.id}/keys`, admin.headers, {
    kind: 'publishable',
    allowedOrigins: [origin],
  });
  const secret = await inject('POST', `/v1/partners/${partner.id}/keys`, admin.headers, {
    kind: 'secret',
    scopes: ['content:read', 'content:write', 'sso', 'webhooks', 'stats', 'export', 'mail-policy'],
  });
  const secretHeaders = { authorization: `Bearer ${secret.key as string}` };
  const endpoint = await inject('POST', '/v1/webhook-endpoints', secretHeaders, {
    url: services.receiver.url,
    eventTypes: ['pain_point.created', 'comment.created', 'registration.created'],
    description: 'CRM sync',
  });
  const ssoUser = await inject('POST', '/v1/sso/tokens', secretHeaders, {
    externalUserId: 'iec-4711',
    email: 'engineer@iec.example.org',
    displayName: 'IEC engineer',
  });
  const ssoHeaders = { authorization: `Bearer ${ssoUser.token as string}` };
  // A second partner whose single sign-on minted bulk accounts, suspended by an admin.
  const bulk = await inject('POST', '/v1/partners', admin.headers, { name: 'Bulk sign-ups' });
  const bulkSecret = await inject('POST', `/v1/partners/${bulk.id}/keys`, admin.headers, {
    kind: 'secret',
    scopes: ['sso'],
  });
  await inject(
    'POST',
    '/v1/sso/tokens',
    { authorization: `Bearer ${bulkSecret.key as string}` },
    { externalUserId: 'bulk-1', email: 'bulk-1@bulk.example.org', displayName: 'Bulk one' },
  );
  await inject('POST', `/v1/partners/${bulk.id}/sso-accounts/suspension`, admin.headers, {
    reason: 'Accounts minted in bulk',
  });

  // Pain points (one through the partner's SSO user), votes, comments with a reply, reports, a
  // mapping, a duplicate.
  const painPoint = await postPainPoint(app, member.headers, {
    title: { en: 'Flooded underpasses', fr: 'Passages inondés', zh: '地下通道被淹' },
    domain: 'water',
    country: 'SN',
  });
  const duplicate = await postPainPoint(app, ssoHeaders, { title: { en: 'Underpasses under water' } });
  await inject('POST', `/v1/pain-points/${duplicate.id}/status`, moderator.headers, {
    status: 'duplicate',
    duplicateOf: painPoint.id,
  });
  for (const voter of [member, expert, ...reporters]) {
    await inject('PUT', `/v1/pain-points/${painPoint.id}/vote`, voter.headers);
  }
  await inject('PUT', `/v1/pain-points/${painPoint.id}/vote`, ssoHeaders);
  const top = await inject(
    'POST',
    `/v1/pain-points/${painPoint.id}/comments`,
    { ...expert.headers, 'idempotency-key': 'comment-once' },
    { body: 'Seen this in Jakarta' },
  );
  await inject('POST', `/v1/pain-points/${painPoint.id}/comments`, member.headers, {
    body: 'A reply to it',
    parentId: top.id,
  });
  const spam = await inject('POST', `/v1/pain-points/${painPoint.id}/comments`, bouncing.headers, {
    body: 'Buy cheap sensors',
  });
  for (const reporter of reporters) {
    await inject('POST', `/v1/comments/${spam.id}/reports`, reporter.headers, { reason: 'spam' });
  }
  await inject('POST', `/v1/pain-points/${painPoint.id}/standards`, expert.headers, {
    standardId: 'iso-37120-2018',
    coverage: 'partial',
    note: 'Indicators, not remedies.',
  });

  // Events: organised by ITU (a manager approved through the routes), a session linked to the
  // pain point, imported lists, registrations with a waitlist, a membership request.
  await inject('POST', '/v1/organizations/itu/membership-requests', expert.headers);
  await inject('PATCH', `/v1/organizations/itu/memberships/${expert.accountId}`, admin.headers, {
    status: 'approved',
    role: 'manager',
  });
  await inject('POST', '/v1/organizations/iec/membership-requests', member.headers);
  const event = await createEventAs(app, expert.headers, {
    capacity: 2,
    freeAttendance: ['community-member', 'invited', 'co-located-registrant'],
    coLocatedEvents: [{ code: 'WCS', name: 'World Cities Summit', url: null }],
  });
  await inject('POST', `/v1/events/${event.id}/sessions`, expert.headers, {
    title: { en: 'Water in the streets' },
    startsAt: new Date(Date.parse(event.startsAt) + 3_600_000).toISOString(),
    endsAt: new Date(Date.parse(event.startsAt) + 2 * 3_600_000).toISOString(),
    room: 'Hall 2',
    speakers: [{ name: 'Chaesub Lee', affiliation: 'ITU TSB' }],
    painPointIds: [painPoint.id],
  });
  const imports = [
    ['invitation-codes', 'code,maxUses,issuedBy\nITU-2026-0042,2,ITU\n'],
    ['member-codes', 'body,code\nITU,ITU-STAFF-7\n'],
    ['co-located-registrants', 'eventCode,reference,name\nWCS,WCS-2026-1001,Ada\n'],
  ] as const;
  for (const [kind, csv] of imports) {
    await inject('POST', `/v1/events/${event.id}/imports?kind=${kind}`, expert.headers, csv, 'text/csv');
  }
  for (const registrant of [member, firstReporter, secondReporter]) {
    await inject('POST', `/v1/events/${event.id}/registrations`, registrant.headers, {
      claim: { communityMember: true },
    });
  }
  await inject('POST', `/v1/events/${event.id}/registrations`, thirdReporter.headers, {
    claim: { coLocatedRegistration: { eventCode: 'WCS', reference: 'wcs-2026-1001' } },
  });

  // What the timers do: the week's digest, mail sent (one bounces), webhooks delivered.
  await queueWeeklyDigests(app.db, new Date());
  await (app.mailWorker as MailWorker).drain();
  await app.outbox.caughtUp();
  await app.webhookWorker.drain();

  const memberHeaders = member.headers;
  const statsFrom = new Date(Date.now() - 86_400_000).toISOString();
  const statsTo = new Date(Date.now() + 86_400_000).toISOString();
  const partnerRead = { origin, 'x-wsc-publishable-key': publishable.key as string };
  return {
    member,
    admin,
    partner: {
      id: partner.id,
      secretKey: secret.key as string,
      publishableKey: publishable.key as string,
      origin,
    },
    painPointId: painPoint.id,
    eventId: event.id,
    reads: [
      { url: '/v1/pain-points', headers: {} },
      { url: '/v1/pain-points?sort=top&limit=1', headers: partnerRead },
      { url: `/v1/pain-points/${painPoint.id}`, headers: memberHeaders },
      { url: `/v1/pain-points/${duplicate.id}`, headers: {} },
      { url: `/v1/pain-points/${painPoint.id}/comments`, headers: {} },
      { url: `/v1/pain-points/${painPoint.id}/standards`, headers: {} },
      { url: '/v1/pain-points?q=underpasses', headers: {} },
      { url: '/v1/coverage', headers: {} },
      { url: '/v1/standards?limit=5', headers: {} },
      { url: '/v1/stakeholders', headers: {} },
      { url: `/v1/stakeholders/${member.accountId}`, headers: {} },
      { url: '/v1/organizations/itu', headers: {} },
      { url: '/v1/events', headers: {} },
      { url: `/v1/events/${event.id}`, headers: memberHeaders },
      { url: `/v1/events/${event.id}/sessions`, headers: {} },
      { url: `/v1/events/${event.id}/registrations/me`, headers: memberHeaders },
      { url: `/v1/events/${event.id}/registrations/me`, headers: secondReporter.headers },
      { url: `/v1/events/${event.id}/calendar.ics`, headers: {} },
      { url: '/v1/me', headers: memberHeaders },
      { url: '/v1/me/export', headers: memberHeaders },
      { url: '/v1/me/notification-preferences', headers: memberHeaders },
      { url: '/v1/me/memberships', headers: memberHeaders },
      { url: '/v1/me', headers: ssoHeaders },
      { url: '/v1/moderation/comments?state=reported', headers: moderator.headers },
      { url: '/v1/moderation/comments?state=hidden', headers: moderator.headers },
      { url: '/v1/organizations/itu/memberships', headers: expert.headers },
      { url: '/v1/partners', headers: admin.headers },
      { url: '/v1/audit-log', headers: admin.headers },
      { url: `/v1/partners/${partner.id}/sso-accounts`, headers: admin.headers },
      { url: `/v1/partners/${bulk.id}/sso-accounts`, headers: admin.headers },
      { url: `/v1/partners/me/stats?from=${statsFrom}&to=${statsTo}`, headers: secretHeaders },
      { url: '/v1/webhook-endpoints', headers: secretHeaders },
      { url: `/v1/webhook-endpoints/${endpoint.id}/deliveries`, headers: secretHeaders },
    ],
  };
}

/**
 * As if the database came from a PostgreSQL cluster that had run 2^40 more transactions than this
 * one (a busy PGlite, a server moved to a new machine): its outbox names transactions this
 * cluster has not run yet. The order stays the same.
 *
 * @example
 * await moveOutboxAhead(restored.db);
 */
export async function moveOutboxAhead(db: Server['db']): Promise<void> {
  await sql`update outbox_events set xact_id = (xact_id::text::int8 + ${2 ** 40}::int8)::text::xid8`.execute(
    db,
  );
}

/**
 * A new event is streamed once every writing transaction older than it is over, in the whole
 * PostgreSQL cluster: other test files' open transactions can hold it back for seconds.
 */
const STREAM_PATIENCE_MILLISECONDS = 30_000;

/** Fields that say when an answer was made, not what the database holds. */
const ANSWERED_AT = /"(generatedAt|exportedAt)":"[^"]+"/g;

/** What a community answers: each read's status and body, and every public event streamed. */
export interface CommunityAnswers {
  reads: { status: number; type: string; body: string }[];
  streamed: SseFrame[];
}

type Server = Pick<TestServer, 'inject' | 'db'>;

async function answerReads(app: Server, fixture: EveryKindOfObject): Promise<CommunityAnswers['reads']> {
  const answers: CommunityAnswers['reads'] = [];
  for (const read of fixture.reads) {
    const response = await app.inject({ method: 'GET', url: read.url, headers: read.headers });
    answers.push({
      status: response.statusCode,
      type: String(response.headers['content-type']),
      body: response.body.replaceAll(ANSWERED_AT, '"$1":"(when answered)"'),
    });
  }
  return answers;
}

/** Every event an anonymous client of `base` is sent after `lastEventId`, once `count` came. */
async function streamAfter(base: string, lastEventId: number, count: number): Promise<SseFrame[]> {
  const stream = await openStream(`${base}/v1/stream?lastEventId=${lastEventId}`);
  try {
    await stream.until(() => stream.events().length >= count, STREAM_PATIENCE_MILLISECONDS);
    return stream.events();
  } finally {
    stream.close();
  }
}

/**
 * What the community answers before it moves (`base`: where `app` listens): every read answers
 * 200, and the whole public stream.
 *
 * @example
 * const before = await answersOf(app, base, fixture);
 */
export async function answersOf(
  app: Server,
  base: string,
  fixture: EveryKindOfObject,
): Promise<CommunityAnswers> {
  const reads = await answerReads(app, fixture);
  expect(reads.map((answer, index) => `${answer.status} ${fixture.reads[index]?.url}`)).toEqual(
    fixture.reads.map((read) => `200 ${read.url}`),
  );
  const publicEvents = await sql<{ count: number }>`
    select count(*)::int4 as count from outbox_events where audience ? 'public'
  `.execute(app.db);
  return { reads, streamed: await streamAfter(base, 0, Number(publicEvents.rows[0]?.count)) };
}

/**
 * Checks the moved community answers as before: the same reads; a client that had read half the
 * stream resumes with the same events (its `Last-Event-ID` means the same event); a new pain
 * point gets an event id after every moved one, streamed to a client that had read them all.
 *
 * @example
 * await expectSameCommunity(movedApp, movedBase, fixture, before);
 */
export async function expectSameCommunity(
  app: Server,
  base: string,
  fixture: EveryKindOfObject,
  before: CommunityAnswers,
): Promise<void> {
  const reads = await answerReads(app, fixture);
  for (const [index, read] of fixture.reads.entries())
    expect(reads[index], read.url).toEqual(before.reads[index]);

  const middle = Math.floor(before.streamed.length / 2);
  const expected = before.streamed.slice(middle + 1);
  expect(await streamAfter(base, Number(before.streamed[middle]?.id), expected.length)).toEqual(expected);

  const highest = await sql<{ id: number }>`select max(id)::int8 as id from outbox_events`.execute(app.db);
  const highestId = Number(highest.rows[0]?.id);
  const stream = await openStream(`${base}/v1/stream?lastEventId=${highestId}&topics=pain-points`);
  try {
    const created = await postPainPoint(app as TestServer, fixture.member.headers, {
      title: { en: 'After the move' },
    });
    const frames = await stream.until(
      (all) => all.some((frame) => frame.event === 'pain_point.created'),
      STREAM_PATIENCE_MILLISECONDS,
    );
    const event = frames.find((frame) => frame.event === 'pain_point.created') as SseFrame;
    expect(Number(event.id)).toBeGreaterThan(highestId);
    expect(JSON.parse(event.data as string).data.id).toBe(created.id);
  } finally {
    stream.close();
  }
}
