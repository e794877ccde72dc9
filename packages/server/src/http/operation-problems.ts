import type { KnownProblemCode } from '@wsc/models/problems';
import type { RouteAccess } from './route-access';

/** What decides which problems a route can answer, read from its options. */
export interface OperationFacts {
  method: string;
  url: string;
  /** `config.access`: who may call it, checked before the body. */
  access?: RouteAccess | undefined;
  /** `config.contentWrite === false`: a read-only publishable key may still call it. */
  contentWrite?: false | undefined;
  /** `config.idempotency`: `no-store` answers are never replayed. */
  idempotency?: 'replay' | 'no-store' | undefined;
  /** `config.anonymous`: credentials are never read (probes). */
  anonymous?: boolean | undefined;
  /** Whether the route validates a body, a query or headers against a schema. */
  validates: boolean;
  /** Whether the query takes a `cursor` (a list page). */
  paged: boolean;
  /** `schema.problems`: what the handler itself raises. */
  declared: readonly KnownProblemCode[];
  /** Whether this instance counts requests (rate limits on) for this route. */
  rateLimited: boolean;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every route: a request Node or Fastify cannot read, and the server's own failure. */
const ALWAYS: readonly KnownProblemCode[] = ['malformed-request', 'headers-too-large', 'internal-error'];
/** Credentials sent to a route that reads them but does not require them can still be refused. */
const CREDENTIALS: readonly KnownProblemCode[] = [
  'invalid-credentials',
  'origin-not-allowed',
  'secret-key-in-browser',
];
/**
 * Every write: its body is parsed (whatever the route expects), its Idempotency-Key claimed, and
 * its transaction may meet a concurrent change (409 read again, 503 retry).
 */
const WRITES: readonly KnownProblemCode[] = [
  'bad-request',
  'malformed-json',
  'invalid-idempotency-key',
  'payload-too-large',
  'unsupported-media-type',
  'idempotency-key-reused',
  'idempotency-key-in-use',
  'conflict',
  'unavailable',
];
const GENERIC_NOT_FOUND: KnownProblemCode = 'not-found';

/**
 * The problem types an operation can answer: those every route answers, those its access rule,
 * method, schemas and path imply, and those its handler declares (`schema.problems`). The
 * OpenAPI document lists exactly these; the contract test fails on any other.
 *
 * @example
 * operationProblems(
 *   { method: 'GET', url: '/health', anonymous: true, validates: false, paged: false, declared: [], rateLimited: false },
 *   (code) => PROBLEM_TYPES[code].status,
 * );
 * // ['headers-too-large', 'internal-error', 'malformed-request']
 */
export function operationProblems(
  facts: OperationFacts,
  statusOf: (code: KnownProblemCode) => number,
): KnownProblemCode[] {
  const codes = new Set<KnownProblemCode>(ALWAYS);
  const add = (...more: readonly KnownProblemCode[]) => {
    for (const code of more) codes.add(code);
  };
  const write = WRITE_METHODS.has(facts.method);
  const hasPathParameters = facts.url.includes(':');
  if (!facts.anonymous) add(...CREDENTIALS);
  if (facts.rateLimited) add('rate-limited');
  if (hasPathParameters) add('uri-too-long');
  if (facts.validates) add('validation-failed');
  if (facts.paged) add('invalid-cursor');
  if (write) add(...WRITES);
  if (write && facts.idempotency === 'no-store') add('idempotency-replay-unavailable');
  if (write && facts.contentWrite !== false) add('scope-required');
  const access = facts.access;
  if (access === 'member') add('authentication-required');
  else if (access && 'roles' in access) add('authentication-required', 'role-required');
  else if (access && 'secretKey' in access) add('secret-key-required', 'scope-required');
  add(...facts.declared);
  // A path id names an object that may not exist: the generic 404 unless the route names its own.
  if (hasPathParameters && !facts.declared.some((code) => statusOf(code) === 404)) add(GENERIC_NOT_FOUND);
  return [...codes].sort();
}
