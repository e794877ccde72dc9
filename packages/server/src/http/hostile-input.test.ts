import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postPainPoint, quickMember } from '../community/fixtures';
import { createEventAs } from '../events/fixtures';
import {
  createPartner,
  createTestServer,
  databases,
  signUp,
  type TestPartner,
  type TestServer,
} from '../test-support';

/**
 * Every documented route, fed hostile values one field at a time: each body property (the rest
 * of the body valid, built from the route's own OpenAPI schema, so the value reaches the code
 * behind validation whenever validation lets it through), each query parameter and each path
 * parameter. Nothing may answer 5xx, and every refusal is a problem document.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
};

type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};

/** Values no well-behaved client sends, as JSON. */
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '\u200B\u200D\uFEFF',
  '\u202E\u2066\u00AD',
  'a\r\nb',
  '\u001b[2J',
  'x'.repeat(20_000),
  '9'.repeat(400),
  '2026-02-30T25:61:00Z',
  '+275760-09-13T00:00:00.000Z',
  '🏙️💥',
  "'; drop table accounts; --",
  '../../etc/passwd',
  [],
  [null],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`),
];

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Query values, before percent-encoding (the raw invalid UTF-8 is added as is). */
const HOSTILE_QUERY_VALUES = [
  '',
  '-1',
  '0',
  '1e308',
  '99999999999999999999',
  'null',
  '[]',
  'x'.repeat(5000),
  '🏙️',
  "' or 1=1 --",
  '\u0000',
  '2026-13-45',
  base64url('[1e308,"x"]'),
  base64url('[null,null]'),
  base64url('{"a":1}'),
  base64url('["2026-99-99T00:00:00Z","00000000-0000-0000-0000-000000000000"]'),
  base64url('[1,"x","extra"]'),
  base64url('not json'),
];
const RAW_QUERY_VALUES = ['%ED%A0%80', '%C0%AF', '%FF'];

/** Routes a fuzzer may not call: they end the caller's own session or never finish. */
const SKIPPED = new Set(['DELETE /v1/me', 'POST /v1/auth/logout', 'GET /v1/stream']);
/** Routes that take a partner's secret key rather than a member's token. */
const SECRET_KEY_ROUTES = [/^\/v1\/sso\//, /^\/v1\/webhook-endpoints/, /^\/v1\/partners\/me\//];

let sampleCounter = 0;

/** A value the schema accepts, as far as a short generator can tell (good enough to pass most). */
function sample(schema: Schema, components: Record<string, Schema>, depth = 0): unknown {
  if (depth > 6) return null;
  if (schema.$ref) return sample(components[schema.$ref.split('/').at(-1) ?? ''] ?? {}, components, depth);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const chosen = alternatives.find((option) => option.type !== 'null') ?? alternatives[0];
    return chosen ? sample(chosen, components, depth + 1) : null;
  }
  if (schema.allOf?.[0]) return sample(schema.allOf[0], components, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((name) => name !== 'null') : schema.type;
  if (type === 'string') return sampleString(schema);
  if (type === 'integer' || type === 'number') {
    const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    return Math.min(Math.max(low, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
  }
  if (type === 'boolean') return false;
  if (type === 'array') {
    return Array.from({ length: schema.minItems ?? 0 }, () =>
      sample(schema.items ?? {}, components, depth + 1),
    );
  }
  if (type === 'object' || schema.properties) {
    const value: Record<string, unknown> = {};
    for (const name of schema.required ?? []) {
      value[name] = sample(schema.properties?.[name] ?? {}, components, depth + 1);
    }
    if (!schema.properties && typeof schema.additionalProperties === 'object') {
      value.en = sample(schema.additionalProperties, components, depth + 1);
    }
    return value;
  }
  return null;
}

function sampleString(schema: Schema): string {
  sampleCounter += 1;
  if (schema.format === 'email') return `fuzz${sampleCounter}@example.org`;
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date-time') return new Date(Date.now() + 40 * 86_400_000).toISOString();
  if (schema.format === 'uri') return 'http://127.0.0.1:9/hook';
  if (schema.pattern?.includes('A-Z]{2}')) return 'CH';
  if (schema.pattern?.includes('a-z0-9')) return `fuzz-${sampleCounter}`;
  const text = `Fuzzing the water supply of the city ${sampleCounter}`;
  return text.padEnd(schema.minLength ?? 0, '.');
}

/** Hostile variants of one property: the list above, and each inside a map or a list. */
function hostileVariants(property: Schema, components: Record<string, Schema>): unknown[] {
  const valid = sample(property, components);
  const nested: unknown[] = [];
  if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
    const key = Object.keys(valid)[0] ?? 'en';
    for (const value of ['\u0000', '\ud800', 'x'.repeat(20_000), 1e308, null, {}]) {
      nested.push({ ...valid, [key]: value });
    }
    nested.push({ ...valid, xx: 'an unknown language' }, { ...valid, 'zh-Hant-TW-x-long-tag': '交通' });
  }
  if (Array.isArray(valid) || property.type === 'array') {
    nested.push(
      ['\u0000'],
      [1e308],
      Array.from({ length: 5000 }, (_, index) => `item-${index}`),
    );
  }
  return [...HOSTILE_VALUES, ...nested];
}

describe.each(databases())('hostile input on every route on $kind', ({ kind }) => {
  let app: TestServer;
  let partner: TestPartner;
  let headersFor: (path: string) => Record<string, string>;
  let paramsFor: (path: string) => Record<string, string>;
  /** Bodies each route accepts, where the schema alone does not say enough (formats, refinements). */
  let validBodies: Record<string, () => Record<string, unknown>>;
  /** How often each status was answered: proof that values got past validation too. */
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    // Private addresses allowed: webhook URLs need no DNS here; the worker is off, nothing is sent.
    app = await createTestServer({ kind, webhookWorker: false, webhookAllowPrivate: true });
    await app.reset();
    const admin = await quickMember(app, ['admin', 'moderator', 'expert']);
    const other = await quickMember(app);
    partner = await createPartner(app);
    // The admin partner routes act on another partner: a fuzzed `disabled: true` must not take
    // away the secret key the webhook and SSO routes are fuzzed with.
    const administered = await createPartner(app);
    const painPoint = await postPainPoint(app, admin.headers);
    const comment = await app.inject({
      method: 'POST',
      url: `/v1/pain-points/${painPoint.id}/comments`,
      headers: admin.headers,
      payload: { body: 'A comment to fuzz' },
    });
    const event = await createEventAs(app, admin.headers);
    const sessionStart = Date.parse(event.startsAt) + 3_600_000;
    const sessionBody = () => ({
      title: { en: 'Moving people' },
      startsAt: new Date(sessionStart).toISOString(),
      endsAt: new Date(sessionStart + 3_600_000).toISOString(),
    });
    const session = await app.inject({
      method: 'POST',
      url: `/v1/events/${event.id}/sessions`,
      headers: admin.headers,
      payload: sessionBody(),
    });
    expect(session.statusCode, session.body).toBe(201);
    const endpoint = await app.inject({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      headers: { authorization: `Bearer ${partner.secretKey}` },
      payload: { url: 'http://127.0.0.1:9/hook', eventTypes: ['pain_point.voted'] },
    });
    expect([comment.statusCode, endpoint.statusCode], `${comment.body} ${endpoint.body}`).toEqual([201, 201]);
    const standard = await app.db.selectFrom('standards').select('id').executeTakeFirst();
    expect(standard).toBeDefined();
    const ids: Record<string, string> = {
      '/v1/pain-points': painPoint.id,
      '/v1/comments': comment.json().id ?? randomUUID(),
      '/v1/events': event.id,
      '/v1/partners': administered.id,
      '/v1/accounts': other.accountId,
      '/v1/stakeholders': other.accountId,
      '/v1/standards': standard?.id ?? randomUUID(),
      '/v1/webhook-endpoints': endpoint.json().id ?? randomUUID(),
    };
    const login = await signUp(app);
    const painPointBody = () => ({
      title: { en: 'Underpasses flood after every storm' },
      description: { en: 'Underpasses fill with water within minutes of heavy rain.' },
      domain: 'water',
      severity: 'low',
    });
    validBodies = {
      'POST /v1/auth/signup': () => ({
        email: `fuzz-${randomUUID()}@example.org`,
        password: 'correct horse battery staple',
        displayName: 'Fuzz',
        role: 'urban-planner',
      }),
      'POST /v1/auth/login': () => ({ email: login.email, password: login.password }),
      'POST /v1/sso/tokens': () => ({
        externalUserId: 'fuzz-user',
        email: 'fuzz-user@example.org',
        displayName: 'Fuzz user',
      }),
      'POST /v1/partners/{id}/keys': () => ({ kind: 'secret', scopes: ['sso'] }),
      'PATCH /v1/partners/{id}': () => ({ disabled: false }),
      'PATCH /v1/accounts/{id}': () => ({ disabled: false }),
      'PATCH /v1/me': () => ({ displayName: 'Fuzzed name' }),
      'POST /v1/pain-points': painPointBody,
      'PATCH /v1/pain-points/{id}': () => ({ severity: 'high' }),
      'POST /v1/pain-points/{id}/standards': () => ({ standardId: standard?.id, coverage: 'partial' }),
      'POST /v1/events': () => ({
        name: { en: 'Fuzzing workshop' },
        description: { en: 'A workshop.' },
        startsAt: new Date(sessionStart).toISOString(),
        endsAt: new Date(sessionStart + 3_600_000).toISOString(),
        timeZone: 'Asia/Singapore',
        city: 'Singapore',
        country: 'SG',
        organiserIds: ['itu'],
      }),
      'POST /v1/events/{id}/sessions': sessionBody,
      'POST /v1/webhook-endpoints': () => ({
        url: 'http://127.0.0.1:9/hook',
        eventTypes: ['pain_point.voted'],
      }),
    };
    paramsFor = (path) => {
      const prefix = Object.keys(ids).find((candidate) => path.startsWith(`${candidate}/`));
      return {
        id: (prefix && ids[prefix]) ?? randomUUID(),
        keyId: administered.publishableKeyId,
        sessionId: session.json().id ?? randomUUID(),
        deliveryId: randomUUID(),
      };
    };
    headersFor = (path) =>
      SECRET_KEY_ROUTES.some((pattern) => pattern.test(path))
        ? { authorization: `Bearer ${partner.secretKey}` }
        : admin.headers;
  });
  afterAll(() => app?.dispose());

  async function operations() {
    const document = (await app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
      components?: { schemas?: Record<string, Schema> };
    };
    const list: { method: string; path: string; operation: Operation }[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!SKIPPED.has(`${method.toUpperCase()} ${path}`)) list.push({ method, path, operation });
      }
    }
    expect(list.length).toBeGreaterThan(50);
    return { list, components: document.components?.schemas ?? {} };
  }

  /** Sends one request; returns a line describing it when the answer breaks the rules. */
  async function check(
    method: string,
    url: string,
    path: string,
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<string | null> {
    const response = await app.inject({
      method: method.toUpperCase() as 'POST',
      url,
      headers: {
        ...headersFor(path),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...extraHeaders,
      },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
    statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
    const what = `${method.toUpperCase()} ${url.slice(0, 120)} ${JSON.stringify(extraHeaders).slice(0, 120)} ${payload === undefined ? '' : JSON.stringify(payload).slice(0, 120)}`;
    if (response.statusCode >= 500) return `${response.statusCode} ${what}: ${response.body.slice(0, 300)}`;
    if (response.statusCode >= 400 && !String(response.headers['content-type']).includes('problem+json')) {
      return `${response.statusCode} without problem+json ${what}`;
    }
    return null;
  }

  function fill(path: string, values: Record<string, string>): string {
    return path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) =>
      encodeURIComponent(values[name] ?? randomUUID()),
    );
  }

  // About 3,300 requests one after another: 13–17 s alone on a slow machine, over 30 s beside
  // the other test files of the suite.
  test('hostile body fields: no 5xx, every refusal a problem document', async () => {
    const { list, components } = await operations();
    const failures: string[] = [];
    let sent = 0;
    for (const { method, path, operation } of list) {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const resolved = schema.$ref ? (components[schema.$ref.split('/').at(-1) ?? ''] ?? {}) : schema;
      const valid = (validBodies[`${method.toUpperCase()} ${path}`]?.() ??
        sample(resolved, components)) as Record<string, unknown>;
      for (const [name, property] of Object.entries(resolved.properties ?? {})) {
        for (const value of hostileVariants(property, components)) {
          sent += 1;
          const failure = await check(method, fill(path, paramsFor(path)), path, { ...valid, [name]: value });
          if (failure) failures.push(failure);
        }
      }
      // The whole body hostile too: not an object at all.
      for (const body of [null, [], 'text', 12, JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`)]) {
        sent += 1;
        const failure = await check(method, fill(path, paramsFor(path)), path, body);
        if (failure) failures.push(failure);
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    // Many values got past validation and into the routes' own code (and the database).
    const accepted = [...statuses]
      .filter(([status]) => status < 300)
      .reduce((sum, [, count]) => sum + count, 0);
    expect(accepted).toBeGreaterThan(150);
  }, 180_000);

  test('hostile query and path parameters: no 5xx, every refusal a problem document', async () => {
    const { list } = await operations();
    const failures: string[] = [];
    let sent = 0;
    for (const { method, path, operation } of list) {
      const queryNames = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
      for (const { name } of queryNames) {
        const values = [
          ...HOSTILE_QUERY_VALUES.map((value) => encodeURIComponent(value)),
          ...RAW_QUERY_VALUES,
        ];
        for (const value of values) {
          sent += 1;
          const url = `${fill(path, paramsFor(path))}?${name}=${value}`;
          const failure = await check(method, url, path, method === 'get' ? undefined : {});
          if (failure) failures.push(failure);
        }
      }
      if (path.includes('{')) {
        for (const value of ['0', '-1', 'x'.repeat(3000), '🏙️', "' or 1=1 --", '\u0000', '..', 'NaN']) {
          sent += 1;
          const values = Object.fromEntries(
            Object.entries(paramsFor(path)).map(([name, valid]) => [name, name === 'id' ? value : valid]),
          );
          const failure = await check(method, fill(path, values), path, method === 'get' ? undefined : {});
          if (failure) failures.push(failure);
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });

  test('hostile request headers: no 5xx, every refusal a problem document', async () => {
    const hostileHeaders: Record<string, string[]> = {
      authorization: [
        'Bearer',
        'Bearer ',
        'Basic YWRtaW46YWRtaW4=',
        `Bearer wsc_ses_${'x'.repeat(5000)}`,
        'Bearer sk_live_short',
        'Bearer pk_live_x',
        'Bearer wsc_sso_',
        'Bearer  Bearer wsc_ses_x',
      ],
      'accept-language': [
        '*',
        'zz',
        'ar;q=abc',
        'x'.repeat(5000),
        ',,,',
        'zh-Hant-TW;q=0.5, ar;q=1.5',
        'q=1',
      ],
      'idempotency-key': ['', ' ', 'x'.repeat(5000), "'; drop table idempotency_keys; --"],
      'if-none-match': ['*', 'W/"x"', `"${'x'.repeat(5000)}"`, ',,,'],
      origin: ['null', 'https://evil.example', 'x'.repeat(3000), 'https://partner.example.org:99999'],
      'x-wsc-publishable-key': ['pk_live_', 'garbage', 'sk_live_x', 'x'.repeat(5000)],
      'x-forwarded-for': ['not-an-ip', '1.1.1.1, 2.2.2.2', '::ffff:300.1.1.1'],
      'last-event-id': ['-1', 'abc', '9'.repeat(40)],
    };
    const routes: [string, string, unknown?][] = [
      ['get', '/v1/pain-points'],
      ['get', '/v1/pain-points/{id}'],
      ['post', '/v1/pain-points', validBodies['POST /v1/pain-points']?.()],
      ['put', '/v1/pain-points/{id}/vote', {}],
      ['get', '/v1/me'],
      ['post', '/v1/sso/tokens', validBodies['POST /v1/sso/tokens']?.()],
      ['get', '/v1/events/{id}/calendar.ics'],
      ['get', '/v1/coverage'],
    ];
    const failures: string[] = [];
    let sent = 0;
    for (const [method, path, payload] of routes) {
      for (const [name, values] of Object.entries(hostileHeaders)) {
        for (const value of values) {
          sent += 1;
          const failure = await check(method, fill(path, paramsFor(path)), path, payload, { [name]: value });
          if (failure) failures.push(failure);
        }
      }
      if (payload !== undefined) {
        for (const contentType of [
          'application/json; charset=latin1',
          'text/plain',
          'application/json;;',
          'multipart/form-data',
        ]) {
          sent += 1;
          const failure = await check(method, fill(path, paramsFor(path)), path, payload, {
            'content-type': contentType,
          });
          if (failure) failures.push(failure);
        }
      }
    }
    expect(sent).toBeGreaterThan(250);
    expect(failures).toEqual([]);
  });
});
