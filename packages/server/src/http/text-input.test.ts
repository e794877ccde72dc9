import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postPainPoint, quickMember } from '../community/fixtures';
import { createEventAs } from '../events/fixtures';
import {
  createPartner,
  createTestServer,
  databases,
  type TestPartner,
  type TestServer,
} from '../test-support';

/**
 * One rule for text input, through the real routes: text no field takes is 422 naming the
 * field's path, multi-line fields take line breaks that single-line fields refuse, and nothing is
 * stored with a character replaced.
 */

/** Refused in every text field. */
const REFUSED: [string, string][] = [
  ['a lone surrogate', 'Gen\uD800eva'],
  ['a lone low surrogate', '\uDC00'],
  ['NUL', 'Gen\u0000eva'],
  ['an escape sequence', '\u001b[2Jcleared'],
  ['zero-width characters only', '\u200B\u200C\u200D'],
  ['a byte order mark, a word joiner and a soft hyphen', '\uFEFF\u2060\u00AD'],
  ['bidi marks and isolates only', '\u200E\u202E\u2066\u2069'],
];

/** Refused in single-line fields only. */
const LINE_BREAKS: [string, string][] = [
  ['LF', 'Gen\neva'],
  ['CR LF at the end', 'Geneva\r\n'],
  ['CR', 'Gen\reva'],
];

type Caller = 'anonymous' | 'member' | 'admin' | 'secret key';

interface TextField {
  /** The route, `{id}` filled from the fixtures. */
  route: string;
  caller: Caller;
  /** A valid body; `path` is set to the hostile value in it. */
  body: () => Record<string, unknown>;
  /** Dot path of the field, as `errors[].path` names it. */
  path: string;
  lines: 'single' | 'multiple';
}

function withValue(body: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys.at(-1) as string] = value;
  return copy;
}

describe.each(databases())('text input on $kind', ({ kind }) => {
  let app: TestServer;
  let partner: TestPartner;
  let headers: Record<Caller, Record<string, string>>;
  let ids: Record<string, string>;
  let fields: TextField[];

  beforeAll(async () => {
    app = await createTestServer({ kind, webhookWorker: false, webhookAllowPrivate: true });
    await app.reset();
    partner = await createPartner(app);
    const admin = await quickMember(app, ['admin', 'moderator', 'expert']);
    const member = await quickMember(app);
    headers = {
      anonymous: {},
      member: member.headers,
      admin: admin.headers,
      'secret key': { authorization: `Bearer ${partner.secretKey}` },
    };
    const painPoint = await postPainPoint(app, member.headers);
    const event = await createEventAs(app, admin.headers);
    ids = { painPoint: painPoint.id, event: event.id, partner: partner.id };
    const painPointBody = () => ({
      title: { en: 'Underpasses flood' },
      description: { en: 'Underpasses fill with water.' },
      domain: 'water',
      severity: 'low',
      city: 'Geneva',
    });
    const signupBody = () => ({
      email: `text-${randomUUID()}@example.org`,
      password: 'correct horse battery staple',
      displayName: 'Ana',
      role: 'urban-planner',
      city: 'Geneva',
    });
    const eventBody = () => ({
      name: { en: `Text workshop ${randomUUID().slice(0, 8)}` },
      description: { en: 'A workshop.' },
      startsAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90 * 86_400_000 + 3_600_000).toISOString(),
      timeZone: 'Asia/Singapore',
      city: 'Singapore',
      country: 'SG',
      organiserIds: ['itu'],
      venue: 'Marina Bay',
    });
    fields = [
      {
        route: 'POST /v1/auth/signup',
        caller: 'anonymous',
        body: signupBody,
        path: 'displayName',
        lines: 'single',
      },
      { route: 'POST /v1/auth/signup', caller: 'anonymous', body: signupBody, path: 'city', lines: 'single' },
      { route: 'PATCH /v1/me', caller: 'member', body: () => ({}), path: 'displayName', lines: 'single' },
      { route: 'PATCH /v1/me', caller: 'member', body: () => ({}), path: 'city', lines: 'single' },
      { route: 'PATCH /v1/me', caller: 'member', body: () => ({}), path: 'bio', lines: 'multiple' },
      {
        route: 'POST /v1/pain-points',
        caller: 'member',
        body: painPointBody,
        path: 'title.en',
        lines: 'single',
      },
      {
        route: 'POST /v1/pain-points',
        caller: 'member',
        body: painPointBody,
        path: 'title.zh',
        lines: 'single',
      },
      {
        route: 'POST /v1/pain-points',
        caller: 'member',
        body: painPointBody,
        path: 'description.fr',
        lines: 'multiple',
      },
      { route: 'POST /v1/pain-points', caller: 'member', body: painPointBody, path: 'city', lines: 'single' },
      {
        route: 'POST /v1/pain-points/{painPoint}/comments',
        caller: 'member',
        body: () => ({ body: 'A comment' }),
        path: 'body',
        lines: 'multiple',
      },
      { route: 'POST /v1/events', caller: 'admin', body: eventBody, path: 'name.en', lines: 'single' },
      {
        route: 'POST /v1/events',
        caller: 'admin',
        body: eventBody,
        path: 'description.en',
        lines: 'multiple',
      },
      { route: 'POST /v1/events', caller: 'admin', body: eventBody, path: 'venue', lines: 'single' },
      {
        route: 'POST /v1/partners',
        caller: 'admin',
        body: () => ({ name: 'Partner' }),
        path: 'name',
        lines: 'single',
      },
      {
        route: 'POST /v1/sso/tokens',
        caller: 'secret key',
        body: () => ({ externalUserId: 'user-1', email: 'sso-user@example.org', displayName: 'SSO user' }),
        path: 'displayName',
        lines: 'single',
      },
      {
        route: 'POST /v1/sso/tokens',
        caller: 'secret key',
        body: () => ({ externalUserId: 'user-1', email: 'sso-user@example.org', displayName: 'SSO user' }),
        path: 'externalUserId',
        lines: 'single',
      },
      {
        route: 'POST /v1/webhook-endpoints',
        caller: 'secret key',
        body: () => ({ url: 'http://127.0.0.1:9/hook', eventTypes: ['pain_point.voted'] }),
        path: 'description',
        lines: 'multiple',
      },
    ];
  });
  afterAll(() => app?.dispose());

  function send(field: TextField, value: string) {
    const [method, route] = field.route.split(' ') as [string, string];
    const url = route.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => ids[name] ?? randomUUID());
    return app.inject({
      method: method as 'POST',
      url,
      headers: headers[field.caller],
      payload: withValue(field.body(), field.path, value),
    });
  }

  test('text no field takes is 422 naming the field, with a readable message', async () => {
    const failures: string[] = [];
    for (const field of fields) {
      const refused = [...REFUSED, ...(field.lines === 'single' ? LINE_BREAKS : [])];
      for (const [what, value] of refused) {
        const response = await send(field, value);
        const problem = response.json() as { errors?: { path: string; message: string }[] };
        const error = problem.errors?.find((entry) => entry.path === field.path);
        if (response.statusCode !== 422 || !error || /Invalid input/.test(error.message)) {
          failures.push(
            `${field.route} ${field.path} with ${what}: ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test('multi-line fields keep line breaks and tabs; every field keeps joiners inside words', async () => {
    const failures: string[] = [];
    for (const field of fields) {
      const accepted = [
        '👩\u200D💻 می\u200Cخواهم دبي\u200F',
        ...(field.lines === 'multiple' ? ['One\r\n\tTwo\nThree'] : []),
      ];
      for (const value of accepted) {
        const response = await send(field, value);
        if (response.statusCode >= 300) {
          failures.push(
            `${field.route} ${field.path}: ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test('accepted text is stored as sent, never with U+FFFD', async () => {
    const title = 'Crue\u0301 flooding 👩\u200D💻 (\uD83C\uDDE8\uD83C\uDDED)';
    const created = await postPainPoint(app, headers.member, { title: { en: title } });
    const stored = await app.db
      .selectFrom('pain_points')
      .select('title')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect((stored.title as Record<string, string>).en).toBe(title);
    const rows = await app.db
      .selectFrom('pain_points')
      .select('id')
      .where((eb) => eb(eb.cast('title', 'text'), 'like', '%\uFFFD%'))
      .execute();
    expect(rows).toEqual([]);
  });
});
