import { ProblemSchema } from '@wsc/models';
import { type KnownProblemCode, PROBLEM_TYPE_BASE, PROBLEM_TYPES } from '@wsc/models/problems';
import * as z from 'zod/mini';
import { problemType } from '../errors/domain-error';
import { operationProblems } from './operation-problems';
import type { RouteAccess } from './route-access';

/**
 * A success answer of a route: its description, and its media types when it is not only JSON
 * (`application/json` then stands for the route's response schema; the others are text).
 */
export type SuccessAnswer = string | { description: string; mediaTypes: readonly string[] };

declare module 'fastify' {
  interface FastifySchema {
    /**
     * What each success status means, for `/openapi.json` (`{ 200: 'The pain point' }`); a route
     * answering text gives its media types (`{ 200: { description, mediaTypes: ['text/csv'] } }`).
     */
    answers?: Readonly<Record<number, SuccessAnswer>>;
    /**
     * Problem types the handler raises itself. Those its access rule, method, schemas and path
     * imply are added (see `operationProblems`); `/openapi.json` lists exactly the union.
     */
    problems?: readonly KnownProblemCode[];
  }
  interface FastifyContextConfig {
    /** The route never reads credentials (load-balancer probes): no 401 or 403, `security: []`. */
    anonymous?: true;
  }
}

/** The schema of one route after `jsonSchemaTransform`: JSON Schemas, plus our documentation keys. */
export interface TransformedSchema {
  hide?: boolean;
  body?: unknown;
  querystring?: unknown;
  headers?: unknown;
  security?: unknown;
  response?: Record<string, unknown>;
  answers?: Readonly<Record<number, SuccessAnswer>>;
  problems?: readonly KnownProblemCode[];
}

/** The route options `documentOperation` reads. */
export interface RouteConfig {
  access?: RouteAccess;
  contentWrite?: false;
  idempotency?: 'replay' | 'no-store';
  anonymous?: true;
}

/**
 * The three ways to call: a member's bearer token, a partner server's secret key (also a bearer
 * token), a partner site's publishable key.
 */
export const SECURITY_SCHEMES = {
  userToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A member: a session token (wsc_ses_…, from `POST /v1/auth/login` or `/signup`) or an SSO user token (wsc_sso_…, from `POST /v1/sso/tokens`).',
  },
  secretKey: {
    type: 'http',
    scheme: 'bearer',
    description: "A partner's server: its secret key (sk_live_…), never sent from a browser.",
  },
  publishableKey: {
    type: 'apiKey',
    in: 'header',
    name: 'X-WSC-Publishable-Key',
    description:
      "A partner's web site: its publishable key (pk_live_…), bound to the site's origins (also accepted as `?key=`). Adds attribution, not capacity: its requests share the rate limit of the caller's address. Writes need its `content:write` scope.",
  },
} as const;

/** Public routes: anonymous, a member (their own votes and registrations show), or a partner's site. */
export const PUBLIC_SECURITY: Record<string, string[]>[] = [
  {},
  { userToken: [] },
  { publishableKey: [] },
  { userToken: [], publishableKey: [] },
];

function securityOf(config: RouteConfig): unknown[] | undefined {
  if (config.anonymous) return [];
  const access = config.access;
  if (!access) return undefined;
  // A widget's member sends the partner's publishable key too; the token is what grants access.
  if (access === 'member' || 'roles' in access)
    return [{ userToken: [] }, { userToken: [], publishableKey: [] }];
  return [{ secretKey: [] }];
}

const JSON_MEDIA_TYPE = 'application/json';
const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const PROBLEM_SCHEMA_REFERENCE = '#/components/schemas/Problem';

/**
 * What swagger writes for an answer nobody described. `/openapi.json` never fails for a missing
 * description (a route added without `schema.answers` still serves the document); the contract
 * test fails on it instead.
 */
export const UNDESCRIBED = 'Default Response';

function successResponse(
  status: string,
  answer: SuccessAnswer | undefined,
  jsonSchema: unknown,
): Record<string, unknown> {
  const description =
    answer === undefined ? UNDESCRIBED : typeof answer === 'string' ? answer : answer.description;
  // `type: 'null'` tells @fastify/swagger the answer has no body.
  if (status === '204') return { description, type: 'null' };
  const mediaTypes =
    answer === undefined || typeof answer === 'string' ? [JSON_MEDIA_TYPE] : answer.mediaTypes;
  const content: Record<string, unknown> = {};
  for (const mediaType of mediaTypes) {
    content[mediaType] = { schema: mediaType === JSON_MEDIA_TYPE ? (jsonSchema ?? {}) : { type: 'string' } };
  }
  return { description, content };
}

function problemResponse(status: number, codes: readonly KnownProblemCode[]): Record<string, unknown> {
  const lines = codes.map((code) => `- \`${code}\`: ${PROBLEM_TYPES[code].meaning}`);
  return {
    description: `A problem document whose \`type\` ends with ${codes.length === 1 ? 'this slug' : 'one of these slugs'}:\n${lines.join('\n')}`,
    content: {
      [PROBLEM_MEDIA_TYPE]: {
        schema: {
          allOf: [{ $ref: PROBLEM_SCHEMA_REFERENCE }],
          properties: { type: { enum: codes.map(problemType) }, status: { const: status } },
        },
      },
    },
  };
}

/**
 * Completes one operation of `/openapi.json` from its route: the security it accepts, a
 * description and media types for each success answer (304 for JSON reads, which carry an ETag),
 * and one problem+json answer per error status listing exactly the slugs it can answer.
 *
 * @example
 * documentOperation(schema, { method: 'GET', url: '/v1/events/:id', config: {}, rateLimited: true });
 */
export function documentOperation(
  schema: TransformedSchema,
  route: { method: string; url: string; config: RouteConfig; rateLimited: boolean },
): void {
  const { answers = {}, problems = [] } = schema;
  delete schema.answers;
  delete schema.problems;
  const security = securityOf(route.config);
  if (security && !schema.security) schema.security = security;

  const schemas = schema.response ?? {};
  const responses: Record<string, unknown> = {};
  const statuses = new Set([...Object.keys(schemas), ...Object.keys(answers)]);
  for (const status of [...statuses].sort()) {
    responses[status] = successResponse(status, answers[Number(status)], schemas[status]);
  }
  if (Object.keys(responses).length === 0) responses['200'] = successResponse('200', undefined, undefined);
  const ok = responses['200'] as { content?: Record<string, unknown> } | undefined;
  if (route.method === 'GET' && ok?.content?.[JSON_MEDIA_TYPE]) {
    responses['304'] = {
      description: 'Not modified: the `If-None-Match` ETag is still current.',
      type: 'null',
    };
  }

  const codes = operationProblems(
    {
      method: route.method,
      url: route.url,
      access: route.config.access,
      contentWrite: route.config.contentWrite,
      idempotency: route.config.idempotency,
      anonymous: route.config.anonymous,
      validates:
        schema.body !== undefined || schema.querystring !== undefined || schema.headers !== undefined,
      paged: Boolean(
        (schema.querystring as { properties?: Record<string, unknown> } | undefined)?.properties?.cursor,
      ),
      declared: problems,
      rateLimited: route.rateLimited && !route.config.anonymous,
    },
    (code) => PROBLEM_TYPES[code].status,
  );
  const byStatus = new Map<number, KnownProblemCode[]>();
  for (const code of codes) {
    const status = PROBLEM_TYPES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = problemResponse(status, list);
  }
  schema.response = responses;
}

/**
 * Adds `components.schemas.Problem`, the RFC 9457 document every error answer refers to.
 *
 * @example
 * addProblemSchema(document);
 */
export function addProblemSchema(document: Record<string, unknown>): Record<string, unknown> {
  const jsonSchema = z.toJSONSchema(ProblemSchema, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
  delete jsonSchema.$schema;
  const properties = jsonSchema.properties as Record<string, Record<string, unknown>>;
  properties.type = {
    ...properties.type,
    description: `${PROBLEM_TYPE_BASE}<slug>: each operation lists the slugs it can answer, with their meaning.`,
  };
  properties.requestId = { ...properties.requestId, description: 'Quote it when you ask for support.' };
  document.components ??= {};
  const components = document.components as { schemas?: Record<string, unknown> };
  components.schemas = { ...components.schemas, Problem: jsonSchema };
  return document;
}
