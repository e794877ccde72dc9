import { PROBLEM_TYPES } from '@wsc/models/problems';
import { describe, expect, test } from 'vitest';
import { type OperationFacts, operationProblems } from './operation-problems';

const statusOf = (code: keyof typeof PROBLEM_TYPES) => PROBLEM_TYPES[code].status;
const facts = (overrides: Partial<OperationFacts>): OperationFacts => ({
  method: 'GET',
  url: '/v1/things',
  validates: false,
  paged: false,
  declared: [],
  rateLimited: true,
  ...overrides,
});

describe('operationProblems', () => {
  test('a probe that reads no credentials answers only what any request can meet', () => {
    expect(
      operationProblems(facts({ url: '/health', anonymous: true, rateLimited: false }), statusOf),
    ).toEqual(['headers-too-large', 'internal-error', 'malformed-request']);
  });

  test('a public read: credentials it is sent may be refused, nothing requires them', () => {
    const codes = operationProblems(facts({ url: '/v1/things/:id', validates: true, paged: true }), statusOf);
    expect(codes).toContain('invalid-credentials');
    expect(codes).toContain('not-found');
    expect(codes).toContain('invalid-cursor');
    expect(codes).not.toContain('authentication-required');
    expect(codes.filter((code) => statusOf(code) === 409)).toEqual([]);
  });

  test("a member's write: sign-in, the body, the Idempotency-Key, a concurrent change, a read-only widget", () => {
    const codes = operationProblems(facts({ method: 'POST', access: 'member', validates: true }), statusOf);
    for (const code of [
      'authentication-required',
      'payload-too-large',
      'unsupported-media-type',
      'idempotency-key-reused',
      'idempotency-key-in-use',
      'conflict',
      'unavailable',
      'scope-required',
    ] as const) {
      expect(codes).toContain(code);
    }
    expect(codes).not.toContain('idempotency-replay-unavailable');
    expect(codes).not.toContain('not-found');
  });

  test('a route naming its own 404 does not also list the generic one', () => {
    const codes = operationProblems(
      facts({ url: '/v1/events/:id', declared: ['event-not-found'] }),
      statusOf,
    );
    expect(codes).toContain('event-not-found');
    expect(codes).not.toContain('not-found');
  });

  test("a partner server's route, answered once", () => {
    const codes = operationProblems(
      facts({ method: 'POST', access: { secretKey: 'sso' }, idempotency: 'no-store' }),
      statusOf,
    );
    expect(codes).toContain('secret-key-required');
    expect(codes).toContain('scope-required');
    expect(codes).toContain('idempotency-replay-unavailable');
    expect(codes).not.toContain('role-required');
  });
});
