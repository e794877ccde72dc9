import { connect } from 'node:net';
import { Validator } from '@seriousme/openapi-schema-validator';
import { PROBLEM_TYPES } from '@wsc/models/problems';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../app';
import { createMembers, type TestMember } from '../events/fixtures';
import { issueMailToken } from '../identity/mail-tokens';
import { signUnsubscribeToken } from '../mail/unsubscribe-token';
import {
  createPartner,
  createTestServer,
  databases,
  type SignedUp,
  signUp,
  ssoSignIn,
  type TestPartner,
  type TestServer,
} from '../test-support';

/**
 * The contract of `/openapi.json`, checked against the running server: real requests (real
 * database, sessions and keys) reach every operation of the document, on success and on their
 * main refusals, and every answer (status, media type, body) must be one the document lists,
 * validated by Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1). The document itself is
 * validated by @seriousme/openapi-schema-validator.
 */

type ResponseObject = { description: string; content?: Record<string, { schema: unknown }> };
type OperationObject = {
  security?: Record<string, string[]>[];
  parameters?: { $ref?: string; name?: string }[];
  responses: Record<string, ResponseObject>;
};
type OpenApiDocument = {
  openapi: string;
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, OperationObject>>;
};

/** Generous enough never to refuse this test, but on: the document then lists 429. */
const RATE_LIMIT = 1_000_000;
const SUCCESS = /^2\d\d$/;

/** What the contract checks of an answer, from `app.inject` or a raw socket. */
type Answer = Pick<LightMyRequestResponse, 'statusCode' | 'headers' | 'body'>;

/** Sends bytes Node's HTTP parser refuses (no client would send them through `inject`) and reads the answer. */
function rawRequest(port: number, bytes: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ statusCode: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

/** A JSON pointer segment inside a URI fragment. */
function pointer(segment: string): string {
  return encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));
}

describe.each(databases())('the OpenAPI contract on $kind', ({ kind }) => {
  let app: TestServer;
  let document: OpenApiDocument;
  let ajv: Ajv2020;
  const validators = new Map<string, ValidateFunction>();
  /** Operation (`GET /v1/events/{id}`) → the statuses it was seen answering. */
  const exercised = new Map<string, Set<number>>();

  let admin: SignedUp;
  let moderator: SignedUp;
  let expert: SignedUp;
  let author: SignedUp;
  let other: SignedUp;
  let partner: TestPartner;
  let organiser: TestMember;
  let port: number | undefined;

  /** The server on a real socket (some answers cannot be injected), opened once. */
  async function listening(): Promise<number> {
    if (port === undefined) {
      await app.listen({ port: 0, host: '127.0.0.1' });
      port = (app.server.address() as { port: number }).port;
    }
    return port;
  }

  function record(operation: string, status: number): void {
    const statuses = exercised.get(operation) ?? new Set<number>();
    statuses.add(status);
    exercised.set(operation, statuses);
  }

  beforeAll(async () => {
    app = await createTestServer({
      kind,
      rateLimit: RATE_LIMIT,
      // Deliveries are written with their events; nothing needs sending here.
      webhookWorker: false,
      webhookAllowPrivate: true,
    });
    document = (await app.inject({ url: '/openapi.json' })).json();
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document, 'openapi.json');
    [admin, moderator, expert, author, other] = await Promise.all([
      signUp(app, { roles: ['admin'] }),
      signUp(app, { roles: ['moderator'] }),
      signUp(app, { roles: ['expert'] }),
      signUp(app),
      signUp(app),
    ]);
    partner = await createPartner(app);
    [organiser] = (await createMembers(app, 1, { roles: ['member'] })) as [TestMember];
  });
  afterAll(() => app?.dispose());

  function validatorFor(path: string, method: string, status: string, mediaType: string) {
    const reference = `openapi.json#/paths/${pointer(path)}/${method}/responses/${status}/content/${pointer(mediaType)}/schema`;
    let validate = validators.get(reference);
    if (!validate) {
      validate = ajv.compile({ $ref: reference });
      validators.set(reference, validate);
    }
    return validate;
  }

  /** What is wrong with an answer of `operation` by the document; empty when nothing. */
  function contractBreaches(operation: string, response: Answer): string[] {
    const [method = '', path = ''] = operation.split(' ');
    const documented = document.paths[path]?.[method.toLowerCase()];
    if (!documented) return [`${operation} is not in the document`];
    const status = String(response.statusCode);
    const answer = documented.responses[status];
    if (!answer)
      return [`${operation} answered ${status}, which it does not document: ${response.body.slice(0, 300)}`];
    if (answer.description === 'Default Response' || answer.description.trim() === '') {
      return [`${operation} ${status} has no real description`];
    }
    if (!answer.content) {
      return response.body === '' ? [] : [`${operation} ${status} documents no body but sent one`];
    }
    const mediaType = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim() as string;
    if (!answer.content[mediaType]) {
      return [
        `${operation} ${status} answered ${mediaType || 'no media type'}, documented: ${Object.keys(answer.content).join(', ')}`,
      ];
    }
    const body: unknown = mediaType.endsWith('json') ? JSON.parse(response.body) : response.body;
    const validate = validatorFor(path, method.toLowerCase(), status, mediaType);
    if (validate(body)) return [];
    return [
      `${operation} ${status} body does not match: ${ajv.errorsText(validate.errors)} in ${response.body.slice(0, 300)}`,
    ];
  }

  /** Sends a request to `operation` (`GET /v1/events/{id}`) and checks its answer against the document. */
  async function call(
    operation: string,
    request: Omit<InjectOptions, 'method'> & { url: string },
    expected: number,
  ): Promise<LightMyRequestResponse> {
    const [method = 'GET'] = operation.split(' ');
    const response = await app.inject({ ...request, method: method as InjectOptions['method'] });
    expect(response.statusCode, `${operation} → ${request.url}: ${response.body.slice(0, 400)}`).toBe(
      expected,
    );
    expect(contractBreaches(operation, response)).toEqual([]);
    record(operation, response.statusCode);
    return response;
  }

  const json = (response: LightMyRequestResponse) =>
    response.json() as Record<string, unknown> & { id: string };
  const slugOf = (response: LightMyRequestResponse) =>
    String(response.json().type).replace('https://worldsmartcity.org/problems/', '');

  test('the document is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  test('documents every route, each answer described, errors only as problem+json of known slugs', () => {
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        documented.add(`${method.toUpperCase()} ${path}`);
        for (const [status, answer] of Object.entries(operation.responses)) {
          expect(answer.description, `${method} ${path} ${status}`).not.toBe('Default Response');
          if (Number(status) < 400) continue;
          expect(Object.keys(answer.content ?? {}), `${method} ${path} ${status}`).toEqual([
            'application/problem+json',
          ]);
          const schema = answer.content?.['application/problem+json']?.schema as {
            properties: { type: { enum: string[] } };
          };
          for (const type of schema.properties.type.enum) {
            const slug = type.replace(
              'https://worldsmartcity.org/problems/',
              '',
            ) as keyof typeof PROBLEM_TYPES;
            expect(PROBLEM_TYPES[slug]?.status, `${method} ${path}: ${slug}`).toBe(Number(status));
          }
        }
      }
    }
    const routes = app.routeInventory
      .filter((route) => route.url !== '/openapi.json' && !route.url.startsWith('/docs'))
      .map((route) => `${route.method} ${route.url.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    expect([...documented].sort()).toEqual([...new Set(routes)].sort());
  });

  test('an operation lists only what it can answer: its access, its body, its path, its limits', () => {
    const slugs = (method: string, path: string, status: number) =>
      (
        document.paths[path]?.[method]?.responses[String(status)]?.content?.['application/problem+json']
          ?.schema as { properties: { type: { enum: string[] } } } | undefined
      )?.properties.type.enum.map((type) => type.split('/').pop()) ?? [];
    const statuses = (method: string, path: string) =>
      Object.keys(document.paths[path]?.[method]?.responses ?? {});
    // Probes read no credentials, take no body, are never rate limited.
    expect(statuses('get', '/health')).toEqual(['200', '304', '400', '431', '500']);
    expect(document.paths['/health']?.get?.security).toEqual([]);
    expect(slugs('get', '/ready', 503)).toEqual(['unavailable']);
    // A public read: credentials it was sent may be refused, nothing requires them.
    expect(slugs('get', '/v1/pain-points', 401)).toEqual(['invalid-credentials']);
    expect(statuses('get', '/v1/pain-points')).not.toContain('409');
    expect(statuses('get', '/v1/pain-points')).not.toContain('404');
    expect(slugs('get', '/v1/pain-points/{id}', 404)).toEqual(['not-found']);
    // An aggregate: no id to miss, no cursor to garble.
    expect(statuses('get', '/v1/pain-points/countries')).not.toContain('404');
    expect(slugs('get', '/v1/pain-points/countries', 400)).not.toContain('invalid-cursor');
    expect(slugs('get', '/v1/events/{id}', 404)).toEqual(['event-not-found']);
    expect(document.paths['/v1/pain-points']?.get?.security).toBeUndefined();
    // A member's write.
    expect(slugs('post', '/v1/pain-points', 401)).toEqual(['authentication-required', 'invalid-credentials']);
    expect(slugs('post', '/v1/pain-points', 409)).toEqual([
      'conflict',
      'idempotency-key-in-use',
      'slug-taken',
    ]);
    expect(document.paths['/v1/pain-points']?.post?.security).toEqual([
      { userToken: [] },
      { userToken: [], publishableKey: [] },
    ]);
    // A partner server's route.
    expect(slugs('get', '/v1/webhook-endpoints', 401)).toEqual([
      'invalid-credentials',
      'secret-key-required',
    ]);
    expect(document.paths['/v1/webhook-endpoints']?.get?.security).toEqual([{ secretKey: [] }]);
    // Only shown-once answers can refuse a replay.
    expect(slugs('post', '/v1/sso/tokens', 409)).toContain('idempotency-replay-unavailable');
    expect(slugs('post', '/v1/pain-points', 409)).not.toContain('idempotency-replay-unavailable');
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const probe = path === '/health' || path === '/ready';
        expect(Boolean(operation.responses['429']), `${method} ${path}`).toBe(!probe);
        const write = method !== 'get';
        expect(Boolean(operation.responses['415']), `${method} ${path}`).toBe(write);
        const idempotencyKey = (operation.parameters ?? []).some(
          (parameter) => parameter.$ref === '#/components/parameters/IdempotencyKey',
        );
        expect(idempotencyKey, `${method} ${path}`).toBe(write);
      }
    }
    expect(
      Object.keys(document.paths['/v1/events/{id}/calendar.ics']?.get?.responses['200']?.content ?? {}),
    ).toEqual(['text/calendar']);
    expect(Object.keys(document.paths['/v1/stream']?.get?.responses['200']?.content ?? {})).toEqual([
      'text/event-stream',
    ]);
  });

  test('health', async () => {
    await call('GET /health', { url: '/health' }, 200);
    // A stray credential does not fail a probe: it is never read.
    await call('GET /health', { url: '/health', headers: { authorization: 'Bearer nonsense' } }, 200);
    await call('GET /ready', { url: '/ready' }, 200);
  });

  test('account mail: confirmation and password reset', async () => {
    const member = await signUp(app);
    const signedIn = { authorization: `Bearer ${member.token}` };
    await call(
      'POST /v1/auth/email-confirmations',
      { url: '/v1/auth/email-confirmations', headers: signedIn },
      202,
    );
    await call('POST /v1/auth/email-confirmations', { url: '/v1/auth/email-confirmations' }, 401);
    // The tokens the mails carry, minted as the routes do (the mail itself is tested in identity/).
    const confirmation = await issueMailToken(app.db, {
      accountId: member.accountId,
      purpose: 'email-confirmation',
      address: member.email,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await call(
      'POST /v1/auth/email-confirmations/complete',
      { url: '/v1/auth/email-confirmations/complete', payload: { token: confirmation } },
      200,
    );
    const spent = await call(
      'POST /v1/auth/email-confirmations/complete',
      { url: '/v1/auth/email-confirmations/complete', payload: { token: confirmation } },
      422,
    );
    expect(slugOf(spent)).toBe('mail-token-invalid');
    const confirmed = await call(
      'POST /v1/auth/email-confirmations',
      { url: '/v1/auth/email-confirmations', headers: signedIn },
      409,
    );
    expect(slugOf(confirmed)).toBe('email-already-confirmed');

    await call(
      'POST /v1/auth/password-resets',
      { url: '/v1/auth/password-resets', payload: { email: member.email } },
      202,
    );
    await call(
      'POST /v1/auth/password-resets',
      { url: '/v1/auth/password-resets', payload: { email: 'nope' } },
      422,
    );
    const reset = await issueMailToken(app.db, {
      accountId: member.accountId,
      purpose: 'password-reset',
      address: member.email,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await call(
      'POST /v1/auth/password-resets/complete',
      {
        url: '/v1/auth/password-resets/complete',
        payload: { token: reset, password: 'a new long passphrase' },
      },
      200,
    );
    await call(
      'POST /v1/auth/password-resets/complete',
      {
        url: '/v1/auth/password-resets/complete',
        payload: { token: reset, password: 'a new long passphrase' },
      },
      422,
    );
  });

  test('accounts: sign-up, login, logout, SSO', async () => {
    const email = `contract.${Date.now()}@example.org`;
    const signup = {
      email,
      password: 'correct horse battery staple',
      displayName: 'Contract',
      role: 'designer',
    };
    await call('POST /v1/auth/signup', { url: '/v1/auth/signup', payload: signup }, 201);
    const taken = await call('POST /v1/auth/signup', { url: '/v1/auth/signup', payload: signup }, 409);
    expect(slugOf(taken)).toBe('email-taken');
    await call('POST /v1/auth/signup', { url: '/v1/auth/signup', payload: { email: 'nope' } }, 422);
    const login = await call(
      'POST /v1/auth/login',
      { url: '/v1/auth/login', payload: { email, password: signup.password } },
      200,
    );
    await call(
      'POST /v1/auth/login',
      { url: '/v1/auth/login', payload: { email, password: 'wrong password!' } },
      401,
    );
    const token = String(json(login).token);
    await call(
      'POST /v1/auth/logout',
      { url: '/v1/auth/logout', headers: { authorization: `Bearer ${token}` } },
      204,
    );
    const revoked = await call(
      'POST /v1/auth/logout',
      { url: '/v1/auth/logout', headers: { authorization: `Bearer ${token}` } },
      401,
    );
    expect(slugOf(revoked)).toBe('invalid-credentials');
    await call('POST /v1/auth/logout', { url: '/v1/auth/logout' }, 401);

    const sso = {
      externalUserId: 'contract-1',
      email: 'contract-1@partner.example.org',
      displayName: 'Partner user',
    };
    const secret = { authorization: `Bearer ${partner.secretKey}` };
    await call('POST /v1/sso/tokens', { url: '/v1/sso/tokens', headers: secret, payload: sso }, 201);
    const needsKey = await call(
      'POST /v1/sso/tokens',
      { url: '/v1/sso/tokens', headers: author.headers, payload: sso },
      401,
    );
    expect(slugOf(needsKey)).toBe('secret-key-required');
    await call('POST /v1/sso/tokens', { url: '/v1/sso/tokens', headers: secret, payload: {} }, 422);
    const browser = await call(
      'POST /v1/sso/tokens',
      { url: '/v1/sso/tokens', headers: { ...secret, origin: partner.origin }, payload: sso },
      403,
    );
    expect(slugOf(browser)).toBe('secret-key-in-browser');
  });

  test('partners and accounts (admin)', async () => {
    const headers = admin.headers;
    await call('GET /v1/partners', { url: '/v1/partners', headers }, 200);
    await call('GET /v1/partners', { url: '/v1/partners', headers: author.headers }, 403);
    await call('GET /v1/partners', { url: '/v1/partners' }, 401);
    const created = json(
      await call(
        'POST /v1/partners',
        { url: '/v1/partners', headers, payload: { name: 'Contract city' } },
        201,
      ),
    );
    await call('POST /v1/partners', { url: '/v1/partners', headers, payload: {} }, 422);
    await call('GET /v1/partners/{id}', { url: `/v1/partners/${created.id}`, headers }, 200);
    await call('GET /v1/partners/{id}', { url: '/v1/partners/no-such-partner', headers }, 404);
    await call(
      'PATCH /v1/partners/{id}',
      { url: `/v1/partners/${created.id}`, headers, payload: { name: 'Renamed' } },
      200,
    );
    await call('PATCH /v1/partners/{id}', { url: `/v1/partners/${created.id}`, headers, payload: {} }, 422);
    await call(
      'PATCH /v1/partners/{id}',
      { url: '/v1/partners/no-such-partner', headers, payload: { name: 'x' } },
      404,
    );
    const key = json(
      await call(
        'POST /v1/partners/{id}/keys',
        { url: `/v1/partners/${created.id}/keys`, headers, payload: { kind: 'secret' } },
        201,
      ),
    );
    await call(
      'POST /v1/partners/{id}/keys',
      { url: `/v1/partners/${created.id}/keys`, headers, payload: { kind: 'publishable' } },
      422,
    );
    await call(
      'GET /v1/partners/{id}/sso-accounts',
      { url: `/v1/partners/${created.id}/sso-accounts`, headers },
      200,
    );
    await call(
      'GET /v1/partners/{id}/sso-accounts',
      { url: '/v1/partners/no-such-partner/sso-accounts', headers },
      404,
    );
    await call(
      'POST /v1/partners/{id}/sso-accounts/suspension',
      { url: `/v1/partners/${created.id}/sso-accounts/suspension`, headers, payload: { reason: 'Contract' } },
      200,
    );
    await call(
      'POST /v1/partners/{id}/sso-accounts/suspension',
      { url: `/v1/partners/${created.id}/sso-accounts/suspension`, headers, payload: {} },
      422,
    );
    await call(
      'DELETE /v1/partners/{id}/sso-accounts/suspension',
      { url: `/v1/partners/${created.id}/sso-accounts/suspension`, headers },
      200,
    );
    await call(
      'DELETE /v1/partners/{id}/sso-accounts/suspension',
      { url: `/v1/partners/${created.id}/sso-accounts/suspension`, headers },
      404,
    );
    await call('GET /v1/partners/{id}/keys', { url: `/v1/partners/${created.id}/keys`, headers }, 200);
    await call('GET /v1/partners/{id}/keys', { url: '/v1/partners/no-such-partner/keys', headers }, 404);
    await call(
      'DELETE /v1/partners/{id}/keys/{keyId}',
      { url: `/v1/partners/${created.id}/keys/${key.id}`, headers },
      204,
    );
    await call(
      'DELETE /v1/partners/{id}/keys/{keyId}',
      { url: `/v1/partners/${created.id}/keys/${key.id}`, headers },
      404,
    );

    await call(
      'PATCH /v1/accounts/{id}',
      { url: `/v1/accounts/${other.accountId}`, headers, payload: { accountRoles: ['member'] } },
      200,
    );
    const self = await call(
      'PATCH /v1/accounts/{id}',
      { url: `/v1/accounts/${admin.accountId}`, headers, payload: { disabled: true } },
      409,
    );
    expect(slugOf(self)).toBe('self-demotion');
    await call(
      'PATCH /v1/accounts/{id}',
      { url: '/v1/accounts/no-such-account', headers, payload: { disabled: false } },
      404,
    );
    await call('GET /v1/audit-log', { url: '/v1/audit-log', headers }, 200);
    await call('GET /v1/audit-log', { url: '/v1/audit-log?cursor=garbage', headers }, 400);
    await call('GET /v1/audit-log', { url: '/v1/audit-log', headers: moderator.headers }, 403);
  });

  test('stakeholders, organizations and me', async () => {
    await call('GET /v1/stakeholders', { url: '/v1/stakeholders' }, 200);
    await call('GET /v1/stakeholders', { url: '/v1/stakeholders?cursor=garbage' }, 400);
    await call(
      'GET /v1/stakeholders',
      { url: '/v1/stakeholders', headers: { authorization: 'Bearer wsc_ses_unknown' } },
      401,
    );
    await call('GET /v1/stakeholders/{id}', { url: `/v1/stakeholders/${author.accountId}` }, 200);
    await call('GET /v1/stakeholders/{id}', { url: '/v1/stakeholders/nobody' }, 404);
    await call('GET /v1/organizations', { url: '/v1/organizations' }, 200);
    await call('GET /v1/organizations', { url: '/v1/organizations?limit=0' }, 422);
    await call('GET /v1/organizations/{id}', { url: '/v1/organizations/itu' }, 200);
    await call('GET /v1/organizations/{id}', { url: '/v1/organizations/no-such-body' }, 404);

    await call('GET /v1/me', { url: '/v1/me', headers: author.headers }, 200);
    await call('GET /v1/me', { url: '/v1/me' }, 401);
    await call(
      'PATCH /v1/me',
      { url: '/v1/me', headers: author.headers, payload: { displayName: 'Author' } },
      200,
    );
    await call('PATCH /v1/me', { url: '/v1/me', headers: author.headers, payload: {} }, 422);
    const guessed = await call(
      'PATCH /v1/me',
      {
        url: '/v1/me',
        headers: author.headers,
        payload: { email: 'moved@example.org', currentPassword: 'not the password' },
      },
      403,
    );
    expect(slugOf(guessed)).toBe('current-password-wrong');
    await call('GET /v1/me/export', { url: '/v1/me/export', headers: author.headers }, 200);
    await call('GET /v1/me/export', { url: '/v1/me/export' }, 401);
    const leaving = await signUp(app);
    await call('DELETE /v1/me', { url: '/v1/me', headers: leaving.headers }, 204);
    await call('DELETE /v1/me', { url: '/v1/me', headers: leaving.headers }, 401);

    const preferences = '/v1/me/notification-preferences';
    await call('GET /v1/me/notification-preferences', { url: preferences, headers: author.headers }, 200);
    await call('GET /v1/me/notification-preferences', { url: preferences }, 401);
    await call(
      'PATCH /v1/me/notification-preferences',
      { url: preferences, headers: author.headers, payload: { digest: true, digestDomains: ['water'] } },
      200,
    );
    await call(
      'PATCH /v1/me/notification-preferences',
      { url: preferences, headers: author.headers, payload: { digestDomains: ['nowhere'] } },
      422,
    );
    const token = await signUnsubscribeToken(app.db, { accountId: author.accountId, kind: 'digest' });
    await call('POST /v1/unsubscribe', { url: `/v1/unsubscribe?token=${encodeURIComponent(token)}` }, 200);
    await call('POST /v1/unsubscribe', { url: '/v1/unsubscribe', payload: { token: `${token}x` } }, 422);
  });

  test('organization memberships', async () => {
    const requests = '/v1/organizations/iso/membership-requests';
    await call(
      'POST /v1/organizations/{id}/membership-requests',
      { url: requests, headers: author.headers },
      201,
    );
    await call(
      'POST /v1/organizations/{id}/membership-requests',
      { url: requests, headers: author.headers },
      200,
    );
    await call('POST /v1/organizations/{id}/membership-requests', { url: requests }, 401);
    await call(
      'POST /v1/organizations/{id}/membership-requests',
      { url: '/v1/organizations/nobody/membership-requests', headers: author.headers },
      404,
    );
    const members = '/v1/organizations/iso/memberships';
    await call('GET /v1/organizations/{id}/memberships', { url: members, headers: admin.headers }, 200);
    await call(
      'GET /v1/organizations/{id}/memberships',
      { url: `${members}?cursor=garbage`, headers: admin.headers },
      400,
    );
    const notManager = await call(
      'GET /v1/organizations/{id}/memberships',
      { url: members, headers: other.headers },
      403,
    );
    expect(slugOf(notManager)).toBe('organization-manager-required');
    const decide = `${members}/${author.accountId}`;
    const operation = 'PATCH /v1/organizations/{id}/memberships/{accountId}';
    await call(operation, { url: decide, headers: admin.headers, payload: { status: 'approved' } }, 200);
    const refused = await call(
      operation,
      { url: decide, headers: admin.headers, payload: { status: 'refused' } },
      409,
    );
    expect(slugOf(refused)).toBe('membership-transition');
    await call(operation, { url: decide, headers: other.headers, payload: { status: 'removed' } }, 403);
    await call(operation, { url: decide, headers: admin.headers, payload: {} }, 422);
    await call('GET /v1/me/memberships', { url: '/v1/me/memberships', headers: author.headers }, 200);
    await call('GET /v1/me/memberships', { url: '/v1/me/memberships' }, 401);
    const leave = '/v1/me/memberships/iso';
    await call('DELETE /v1/me/memberships/{organizationId}', { url: leave, headers: author.headers }, 204);
    await call('DELETE /v1/me/memberships/{organizationId}', { url: leave, headers: author.headers }, 404);

    const organization = '/v1/organizations/iso';
    await call(
      'PATCH /v1/organizations/{id}',
      { url: organization, headers: admin.headers, payload: { verifiedDomains: ['iso.org'] } },
      200,
    );
    await call(
      'PATCH /v1/organizations/{id}',
      { url: organization, headers: author.headers, payload: { verifiedDomains: [] } },
      403,
    );
    await call(
      'PATCH /v1/organizations/{id}',
      { url: organization, headers: admin.headers, payload: {} },
      422,
    );
  });

  test('pain points, votes, discussion and standards', async () => {
    const created = json(
      await call(
        'POST /v1/pain-points',
        {
          url: '/v1/pain-points',
          headers: author.headers,
          payload: {
            title: { en: 'Flooded underpasses' },
            description: { en: 'Every storm.' },
            domain: 'water',
          },
        },
        201,
      ),
    );
    await call('POST /v1/pain-points', { url: '/v1/pain-points', payload: { title: { en: 'x' } } }, 401);
    await call(
      'POST /v1/pain-points',
      { url: '/v1/pain-points', headers: author.headers, payload: { title: 'x' } },
      422,
    );
    await call('GET /v1/pain-points', { url: '/v1/pain-points', headers: { 'accept-language': 'fr' } }, 200);
    await call('GET /v1/pain-points', { url: '/v1/pain-points?sort=sideways' }, 422);
    await call('GET /v1/pain-points', { url: '/v1/pain-points?cursor=garbage' }, 400);
    const countries = await call(
      'GET /v1/pain-points/countries',
      { url: '/v1/pain-points/countries?domain=water' },
      200,
    );
    await call(
      'GET /v1/pain-points/countries',
      {
        url: '/v1/pain-points/countries?domain=water',
        headers: { 'if-none-match': String(countries.headers.etag) },
      },
      304,
    );
    await call('GET /v1/pain-points/countries', { url: '/v1/pain-points/countries?domain=moon' }, 422);
    const read = await call('GET /v1/pain-points/{id}', { url: `/v1/pain-points/${created.id}` }, 200);
    await call(
      'GET /v1/pain-points/{id}',
      { url: `/v1/pain-points/${created.id}`, headers: { 'if-none-match': String(read.headers.etag) } },
      304,
    );
    await call('GET /v1/pain-points/{id}', { url: '/v1/pain-points/none' }, 404);
    const painPoint = `/v1/pain-points/${created.id}`;
    await call(
      'PATCH /v1/pain-points/{id}',
      { url: painPoint, headers: author.headers, payload: { severity: 'high' } },
      200,
    );
    const notAuthor = await call(
      'PATCH /v1/pain-points/{id}',
      { url: painPoint, headers: other.headers, payload: { severity: 'low' } },
      403,
    );
    expect(slugOf(notAuthor)).toBe('not-author');
    await call(
      'PATCH /v1/pain-points/{id}',
      { url: '/v1/pain-points/none', headers: author.headers, payload: { severity: 'low' } },
      404,
    );
    const forbidden = await call(
      'POST /v1/pain-points/{id}/status',
      { url: `${painPoint}/status`, headers: other.headers, payload: { status: 'under-review' } },
      403,
    );
    expect(slugOf(forbidden)).toBe('transition-forbidden');
    await call(
      'POST /v1/pain-points/{id}/status',
      { url: `${painPoint}/status`, headers: moderator.headers, payload: { status: 'under-review' } },
      200,
    );
    await call(
      'POST /v1/pain-points/{id}/status',
      { url: `${painPoint}/status`, headers: moderator.headers, payload: { status: 'sideways' } },
      422,
    );
    await call('POST /v1/pain-points/{id}/lock', { url: `${painPoint}/lock`, headers: author.headers }, 403);
    await call(
      'POST /v1/pain-points/{id}/lock',
      { url: `${painPoint}/lock`, headers: moderator.headers },
      200,
    );
    const locked = await call(
      'POST /v1/pain-points/{id}/comments',
      { url: `${painPoint}/comments`, headers: other.headers, payload: { body: 'Locked?' } },
      409,
    );
    expect(slugOf(locked)).toBe('discussion-locked');
    await call(
      'POST /v1/pain-points/{id}/unlock',
      { url: `${painPoint}/unlock`, headers: moderator.headers },
      200,
    );
    await call(
      'POST /v1/pain-points/{id}/unlock',
      { url: '/v1/pain-points/none/unlock', headers: moderator.headers },
      404,
    );

    await call('PUT /v1/pain-points/{id}/vote', { url: `${painPoint}/vote`, headers: other.headers }, 200);
    await call('PUT /v1/pain-points/{id}/vote', { url: `${painPoint}/vote` }, 401);
    await call('DELETE /v1/pain-points/{id}/vote', { url: `${painPoint}/vote`, headers: other.headers }, 200);
    await call(
      'DELETE /v1/pain-points/{id}/vote',
      { url: '/v1/pain-points/none/vote', headers: other.headers },
      404,
    );

    const comment = json(
      await call(
        'POST /v1/pain-points/{id}/comments',
        { url: `${painPoint}/comments`, headers: author.headers, payload: { body: 'First' } },
        201,
      ),
    );
    await call(
      'POST /v1/pain-points/{id}/comments',
      { url: `${painPoint}/comments`, headers: author.headers, payload: { body: '' } },
      422,
    );
    await call('GET /v1/pain-points/{id}/comments', { url: `${painPoint}/comments` }, 200);
    await call('GET /v1/pain-points/{id}/comments', { url: '/v1/pain-points/none/comments' }, 404);
    await call(
      'PATCH /v1/comments/{id}',
      { url: `/v1/comments/${comment.id}`, headers: author.headers, payload: { body: 'First!' } },
      200,
    );
    await call(
      'PATCH /v1/comments/{id}',
      { url: `/v1/comments/${comment.id}`, headers: other.headers, payload: { body: 'Mine' } },
      403,
    );
    await call(
      'POST /v1/comments/{id}/reports',
      { url: `/v1/comments/${comment.id}/reports`, headers: other.headers, payload: { reason: 'spam' } },
      201,
    );
    const again = await call(
      'POST /v1/comments/{id}/reports',
      { url: `/v1/comments/${comment.id}/reports`, headers: other.headers, payload: { reason: 'spam' } },
      409,
    );
    expect(slugOf(again)).toBe('already-reported');
    await call(
      'POST /v1/comments/{id}/reports',
      { url: `/v1/comments/${comment.id}/reports`, headers: author.headers, payload: { reason: 'spam' } },
      403,
    );
    await call(
      'GET /v1/moderation/comments',
      { url: '/v1/moderation/comments', headers: moderator.headers },
      200,
    );
    await call(
      'GET /v1/moderation/comments',
      { url: '/v1/moderation/comments', headers: author.headers },
      403,
    );
    await call(
      'POST /v1/comments/{id}/hide',
      { url: `/v1/comments/${comment.id}/hide`, headers: moderator.headers, payload: { reason: 'spam' } },
      200,
    );
    await call(
      'POST /v1/comments/{id}/hide',
      { url: `/v1/comments/${comment.id}/hide`, headers: author.headers },
      403,
    );
    await call(
      'POST /v1/comments/{id}/restore',
      { url: `/v1/comments/${comment.id}/restore`, headers: moderator.headers },
      200,
    );
    await call(
      'POST /v1/comments/{id}/restore',
      { url: '/v1/comments/none/restore', headers: moderator.headers },
      404,
    );

    const standards = json(
      await call('GET /v1/standards', { url: '/v1/standards?limit=1' }, 200),
    ) as unknown as { data: { id: string }[] };
    await call('GET /v1/standards', { url: '/v1/standards?body=nobody' }, 422);
    const standardId = standards.data[0]?.id as string;
    await call('GET /v1/standards/{id}', { url: `/v1/standards/${standardId}` }, 200);
    await call('GET /v1/standards/{id}', { url: '/v1/standards/none' }, 404);
    const mapping = { standardId, coverage: 'partial' };
    const standardsOf = `${painPoint}/standards`;
    await call(
      'POST /v1/pain-points/{id}/standards',
      { url: standardsOf, headers: expert.headers, payload: mapping },
      201,
    );
    await call(
      'POST /v1/pain-points/{id}/standards',
      { url: standardsOf, headers: expert.headers, payload: { ...mapping, coverage: 'full' } },
      200,
    );
    await call(
      'POST /v1/pain-points/{id}/standards',
      { url: standardsOf, headers: author.headers, payload: mapping },
      403,
    );
    const noteOf = `${standardsOf}/${standardId}/note`;
    await call(
      'POST /v1/pain-points/{id}/standards/{standardId}/note/hide',
      { url: `${noteOf}/hide`, headers: moderator.headers, payload: { reason: 'Contract' } },
      200,
    );
    await call(
      'POST /v1/pain-points/{id}/standards/{standardId}/note/hide',
      { url: `${noteOf}/hide`, headers: moderator.headers, payload: {} },
      422,
    );
    await call(
      'POST /v1/pain-points/{id}/standards/{standardId}/note/restore',
      { url: `${noteOf}/restore`, headers: moderator.headers },
      200,
    );
    await call(
      'POST /v1/pain-points/{id}/standards/{standardId}/note/restore',
      { url: `${standardsOf}/none/note/restore`, headers: moderator.headers },
      404,
    );
    await call('GET /v1/pain-points/{id}/standards', { url: standardsOf }, 200);
    await call('GET /v1/pain-points/{id}/standards', { url: '/v1/pain-points/none/standards' }, 404);
    await call('GET /v1/coverage', { url: '/v1/coverage' }, 200);
    await call(
      'GET /v1/coverage',
      { url: '/v1/coverage', headers: { 'x-wsc-publishable-key': 'pk_live_unknown' } },
      401,
    );
  });

  test('events, sessions and registrations', async () => {
    const start = new Date(Date.now() + 40 * 86_400_000);
    start.setUTCHours(1, 0, 0, 0);
    const end = new Date(start.getTime() + 9 * 3_600_000);
    const eventPayload = {
      name: { en: 'Contract workshop' },
      description: { en: 'Checks the contract.' },
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      timeZone: 'Asia/Singapore',
      city: 'Singapore',
      country: 'SG',
      organiserIds: ['itu'],
    };
    const event = json(
      await call(
        'POST /v1/events',
        { url: '/v1/events', headers: admin.headers, payload: eventPayload },
        201,
      ),
    );
    const refused = await call(
      'POST /v1/events',
      { url: '/v1/events', headers: organiser.headers, payload: eventPayload },
      403,
    );
    expect(slugOf(refused)).toBe('organiser-required');
    await call(
      'POST /v1/events',
      { url: '/v1/events', headers: admin.headers, payload: { name: { en: 'x' } } },
      422,
    );
    await call('GET /v1/events', { url: '/v1/events' }, 200);
    await call('GET /v1/events', { url: '/v1/events?cursor=garbage' }, 400);
    const url = `/v1/events/${event.id}`;
    await call('GET /v1/events/{id}', { url }, 200);
    await call('GET /v1/events/{id}', { url: '/v1/events/none' }, 404);
    await call('PATCH /v1/events/{id}', { url, headers: admin.headers, payload: { city: 'Singapore' } }, 200);
    await call('PATCH /v1/events/{id}', { url, headers: author.headers, payload: { city: 'Geneva' } }, 403);
    const session = json(
      await call(
        'POST /v1/events/{id}/sessions',
        {
          url: `${url}/sessions`,
          headers: admin.headers,
          payload: {
            title: { en: 'Opening' },
            startsAt: start.toISOString(),
            endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
          },
        },
        201,
      ),
    );
    await call(
      'POST /v1/events/{id}/sessions',
      { url: `${url}/sessions`, headers: admin.headers, payload: {} },
      422,
    );
    await call('GET /v1/events/{id}/sessions', { url: `${url}/sessions` }, 200);
    await call('GET /v1/events/{id}/sessions', { url: '/v1/events/none/sessions' }, 404);
    await call(
      'PATCH /v1/events/{id}/sessions/{sessionId}',
      { url: `${url}/sessions/${session.id}`, headers: admin.headers, payload: { room: 'Hall A' } },
      200,
    );
    const noSession = await call(
      'PATCH /v1/events/{id}/sessions/{sessionId}',
      { url: `${url}/sessions/none`, headers: admin.headers, payload: { room: 'Hall B' } },
      404,
    );
    expect(slugOf(noSession)).toBe('session-not-found');
    await call('GET /v1/events/{id}/calendar.ics', { url: `${url}/calendar.ics` }, 200);
    await call('GET /v1/events/{id}/calendar.ics', { url: '/v1/events/none/calendar.ics' }, 404);
    await call('GET /v1/events/{id}/programme-proposals', { url: `${url}/programme-proposals` }, 200);
    await call(
      'GET /v1/events/{id}/programme-proposals',
      { url: '/v1/events/none/programme-proposals' },
      404,
    );

    await call(
      'POST /v1/events/{id}/eligibility',
      { url: `${url}/eligibility`, headers: other.headers, payload: { communityMember: true } },
      200,
    );
    await call('POST /v1/events/{id}/eligibility', { url: '/v1/events/none/eligibility', payload: {} }, 404);
    const registrations = `${url}/registrations`;
    await call(
      'POST /v1/events/{id}/registrations',
      { url: registrations, headers: other.headers, payload: { claim: { communityMember: true } } },
      201,
    );
    const twice = await call(
      'POST /v1/events/{id}/registrations',
      { url: registrations, headers: other.headers, payload: {} },
      409,
    );
    expect(slugOf(twice)).toBe('already-registered');
    await call('POST /v1/events/{id}/registrations', { url: registrations, payload: {} }, 401);
    await call(
      'GET /v1/events/{id}/registrations/me',
      { url: `${registrations}/me`, headers: other.headers },
      200,
    );
    const none = await call(
      'GET /v1/events/{id}/registrations/me',
      { url: `${registrations}/me`, headers: author.headers },
      404,
    );
    expect(slugOf(none)).toBe('registration-not-found');
    await call('GET /v1/events/{id}/registrations', { url: registrations, headers: admin.headers }, 200);
    const csv = await call(
      'GET /v1/events/{id}/registrations',
      { url: registrations, headers: { ...admin.headers, accept: 'text/csv' } },
      200,
    );
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    await call('GET /v1/events/{id}/registrations', { url: registrations, headers: author.headers }, 403);
    await call(
      'GET /v1/events/{id}/registrations.csv',
      { url: `${url}/registrations.csv`, headers: admin.headers },
      200,
    );
    await call('GET /v1/events/{id}/registrations.csv', { url: `${url}/registrations.csv` }, 401);
    await call(
      'DELETE /v1/events/{id}/registrations/me',
      { url: `${registrations}/me`, headers: other.headers },
      200,
    );
    await call(
      'DELETE /v1/events/{id}/registrations/me',
      { url: `${registrations}/me`, headers: author.headers },
      404,
    );

    const imports = `${url}/imports?kind=invitation-codes`;
    const csvHeaders = { ...admin.headers, 'content-type': 'text/csv' };
    await call(
      'POST /v1/events/{id}/imports',
      { url: imports, headers: csvHeaders, payload: 'code,issuedBy\nCONTRACT-1,ITU\n' },
      200,
    );
    const header = await call(
      'POST /v1/events/{id}/imports',
      { url: imports, headers: csvHeaders, payload: 'nothing,useful\n1,2\n' },
      422,
    );
    expect(slugOf(header)).toBe('import-header');
    await call(
      'POST /v1/events/{id}/imports',
      { url: imports, headers: { ...csvHeaders, 'content-type': 'application/xml' }, payload: '<a/>' },
      415,
    );
  });

  test('the live stream', async () => {
    await call('GET /v1/stream', { url: '/v1/stream?topics=nonsense' }, 422);
    await call('GET /v1/stream', { url: '/v1/stream?topics=pain-points/none' }, 404);
    // An open stream never ends, so this one is read over a socket, headers and first bytes only.
    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${await listening()}/v1/stream?topics=votes`, {
      signal: abort.signal,
    });
    const reader = response.body?.getReader();
    const first = new TextDecoder().decode((await reader?.read())?.value);
    abort.abort();
    const documented = document.paths['/v1/stream']?.get?.responses[String(response.status)];
    expect(response.status).toBe(200);
    expect(Object.keys(documented?.content ?? {})).toContain(
      response.headers.get('content-type')?.split(';')[0],
    );
    expect(first).toMatch(/^(retry|:|id|event)/m);
    record('GET /v1/stream', response.status);
  });

  test('webhooks and partner stats (secret keys)', async () => {
    const headers = { authorization: `Bearer ${partner.secretKey}` };
    const created = json(
      await call(
        'POST /v1/webhook-endpoints',
        {
          url: '/v1/webhook-endpoints',
          headers,
          payload: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['pain_point.created'] },
        },
        201,
      ),
    );
    await call(
      'POST /v1/webhook-endpoints',
      { url: '/v1/webhook-endpoints', headers, payload: { url: 'nope', eventTypes: [] } },
      422,
    );
    await call('GET /v1/webhook-endpoints', { url: '/v1/webhook-endpoints', headers }, 200);
    await call('GET /v1/webhook-endpoints', { url: '/v1/webhook-endpoints', headers: author.headers }, 401);
    const endpoint = `/v1/webhook-endpoints/${created.id}`;
    await call('GET /v1/webhook-endpoints/{id}', { url: endpoint, headers }, 200);
    await call('GET /v1/webhook-endpoints/{id}', { url: '/v1/webhook-endpoints/none', headers }, 404);
    // A pain point created now is delivered to the endpoint (written with the event).
    await call(
      'POST /v1/pain-points',
      {
        url: '/v1/pain-points',
        headers: author.headers,
        payload: { title: { en: 'Dark streets' }, description: { en: 'No lights.' }, domain: 'energy' },
      },
      201,
    );
    let deliveries: { id: string }[] = [];
    for (let attempt = 0; attempt < 50 && deliveries.length === 0; attempt += 1) {
      const page = await call(
        'GET /v1/webhook-endpoints/{id}/deliveries',
        { url: `${endpoint}/deliveries`, headers },
        200,
      );
      deliveries = (page.json() as { data: { id: string }[] }).data;
      if (deliveries.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(deliveries.length).toBeGreaterThan(0);
    await call(
      'GET /v1/webhook-endpoints/{id}/deliveries',
      { url: '/v1/webhook-endpoints/none/deliveries', headers },
      404,
    );
    const redeliver = `${endpoint}/deliveries/${deliveries[0]?.id}/redeliver`;
    await call(
      'POST /v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver',
      { url: redeliver, headers },
      202,
    );
    await call(
      'POST /v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver',
      { url: `${endpoint}/deliveries/none/redeliver`, headers },
      404,
    );
    await call(
      'POST /v1/webhook-endpoints/{id}/rotate-secret',
      { url: `${endpoint}/rotate-secret`, headers },
      200,
    );
    await call(
      'POST /v1/webhook-endpoints/{id}/rotate-secret',
      { url: '/v1/webhook-endpoints/none/rotate-secret', headers },
      404,
    );
    await call('DELETE /v1/webhook-endpoints/{id}', { url: endpoint, headers }, 204);
    await call('DELETE /v1/webhook-endpoints/{id}', { url: endpoint, headers }, 404);

    await call('GET /v1/partners/me/stats', { url: '/v1/partners/me/stats', headers }, 200);
    await call('GET /v1/partners/me/stats', { url: '/v1/partners/me/stats?from=yesterday', headers }, 422);
    const readOnly = await createPartner(app, { scopes: ['content:read'] });
    const scope = await call(
      'GET /v1/partners/me/stats',
      { url: '/v1/partners/me/stats', headers: { authorization: `Bearer ${readOnly.secretKey}` } },
      403,
    );
    expect(slugOf(scope)).toBe('scope-required');
    const user = await ssoSignIn(app, partner, { externalUserId: 'contract-stats' });
    await call('GET /v1/partners/me/stats', { url: '/v1/partners/me/stats', headers: user.headers }, 401);

    const policy = '/v1/partners/me/mail-policy';
    await call(
      'PUT /v1/partners/me/mail-policy',
      { url: policy, headers, payload: { communityMailSuppressed: false } },
      200,
    );
    await call('PUT /v1/partners/me/mail-policy', { url: policy, headers, payload: {} }, 422);
    const ungranted = await call(
      'PUT /v1/partners/me/mail-policy',
      {
        url: policy,
        headers: { authorization: `Bearer ${readOnly.secretKey}` },
        payload: { communityMailSuppressed: true },
      },
      403,
    );
    expect(slugOf(ungranted)).toBe('scope-required');

    const accountPage = '/v1/partners/me/account-page';
    await call(
      'PUT /v1/partners/me/account-page',
      { url: accountPage, headers, payload: { url: `${partner.origin}/community` } },
      200,
    );
    await call(
      'PUT /v1/partners/me/account-page',
      { url: accountPage, headers, payload: { url: 'https://elsewhere.example/' } },
      422,
    );
    const pageUngranted = await call(
      'PUT /v1/partners/me/account-page',
      {
        url: accountPage,
        headers: { authorization: `Bearer ${readOnly.secretKey}` },
        payload: { url: null },
      },
      403,
    );
    expect(slugOf(pageUngranted)).toBe('scope-required');
  });

  test('what every write can meet: media type, JSON, Idempotency-Key, a read-only key', async () => {
    const write = { url: '/v1/pain-points', headers: author.headers };
    const payload = { title: { en: 'Noisy nights' }, description: { en: 'Trucks.' }, domain: 'mobility' };
    await call(
      'POST /v1/pain-points',
      { ...write, headers: { ...author.headers, 'content-type': 'application/xml' }, payload: '<a/>' },
      415,
    );
    await call(
      'POST /v1/pain-points',
      { ...write, headers: { ...author.headers, 'content-type': 'application/json' }, payload: '{"title":' },
      400,
    );
    await call(
      'POST /v1/pain-points',
      { ...write, headers: { ...author.headers, 'idempotency-key': 'bad key with spaces' }, payload },
      400,
    );
    const keyed = { ...author.headers, 'idempotency-key': `contract-${Date.now()}` };
    await call('POST /v1/pain-points', { ...write, headers: keyed, payload }, 201);
    const replay = await call('POST /v1/pain-points', { ...write, headers: keyed, payload }, 201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const reused = await call(
      'POST /v1/pain-points',
      { ...write, headers: keyed, payload: { ...payload, domain: 'water' } },
      422,
    );
    expect(slugOf(reused)).toBe('idempotency-key-reused');
    const readOnly = await createPartner(app);
    await app.db
      .updateTable('partner_keys')
      .set({ scopes: ['content:read'] })
      .where('id', '=', readOnly.publishableKeyId)
      .execute();
    const widget = await call(
      'POST /v1/pain-points',
      {
        ...write,
        headers: {
          ...author.headers,
          origin: readOnly.origin,
          'x-wsc-publishable-key': readOnly.publishableKey,
        },
        payload,
      },
      403,
    );
    expect(slugOf(widget)).toBe('scope-required');
    const foreign = await call(
      'GET /v1/pain-points',
      {
        url: '/v1/pain-points',
        headers: { origin: 'https://elsewhere.example', 'x-wsc-publishable-key': partner.publishableKey },
      },
      403,
    );
    expect(slugOf(foreign)).toBe('origin-not-allowed');
  });

  test('answers given before a route runs: unreadable requests, the rate limit', async () => {
    const socket = await listening();
    const tooLarge = await rawRequest(
      socket,
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(tooLarge.statusCode).toBe(431);
    expect(contractBreaches('GET /health', tooLarge)).toEqual([]);
    const unreadable = await rawRequest(socket, 'GET /v1/pain-points/caf\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(unreadable.statusCode).toBe(400);
    expect(contractBreaches('GET /v1/pain-points/{id}', unreadable)).toEqual([]);
    await call('GET /v1/pain-points/{id}', { url: `/v1/pain-points/${'x'.repeat(101)}` }, 414);

    // A second instance on the same database, allowing one anonymous request a minute.
    const limited = await createServer({
      database: app.testDatabase,
      migrate: false,
      seed: false,
      rateLimit: 1,
      logLevel: 'silent',
      webhookWorker: false,
      firstPageCacheMilliseconds: 0,
    });
    try {
      expect((await limited.inject({ url: '/v1/standards' })).statusCode).toBe(200);
      const refused = await limited.inject({ url: '/v1/standards' });
      expect(refused.statusCode).toBe(429);
      expect(contractBreaches('GET /v1/standards', refused)).toEqual([]);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });

  test('every operation of the document was exercised: a success, and a refusal where one can be caused', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const operation = `${method.toUpperCase()} ${path}`;
        const statuses = [...(exercised.get(operation) ?? [])];
        if (!statuses.some((status) => SUCCESS.test(String(status))))
          missing.push(`${operation}: no success`);
        // Probes refuse nothing a client can cause.
        if (path !== '/health' && path !== '/ready' && !statuses.some((status) => status >= 400)) {
          missing.push(`${operation}: no refusal`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
