import { describe, expect, it } from 'vitest';
import { PageSchema } from './page';
import {
  PartnerCreateSchema,
  PartnerKeyCreatedSchema,
  PartnerKeyCreateSchema,
  PartnerSsoSuspensionCreateSchema,
  PartnerUpdateSchema,
} from './partner';
import { ProblemSchema } from './problem';
import { problemErrorsFromIssues } from './rules/problem-errors';
import { StakeholderSchema } from './stakeholder';
import { issuePaths } from './test-support';
import { WebhookEndpointCreateSchema } from './webhook';
import { WebhookEventSchema } from './webhook-event';

describe('partner and webhook payloads', () => {
  it.each([
    [PartnerCreateSchema, { name: ' ' }, 'name'],
    [PartnerUpdateSchema, { name: '' }, 'name'],
    [PartnerUpdateSchema, { disabled: 'yes' }, 'disabled'],
    [PartnerKeyCreateSchema, { kind: 'publishable' }, 'allowedOrigins'],
    [PartnerKeyCreateSchema, { kind: 'secret', allowedOrigins: ['https://iec.ch/path'] }, 'allowedOrigins.0'],
    [PartnerKeyCreateSchema, { kind: 'secret', scopes: ['everything'] }, 'scopes.0'],
    [PartnerKeyCreateSchema, { kind: 'public' }, 'kind'],
    [PartnerSsoSuspensionCreateSchema, {}, 'reason'],
    [PartnerSsoSuspensionCreateSchema, { reason: '  ' }, 'reason'],
    [WebhookEndpointCreateSchema, { url: 'ftp://example.org', eventTypes: ['comment.created'] }, 'url'],
    [WebhookEndpointCreateSchema, { url: 'https://example.org/hook', eventTypes: [] }, 'eventTypes'],
    [
      WebhookEndpointCreateSchema,
      { url: 'https://example.org/hook', eventTypes: ['comment.deleted'] },
      'eventTypes.0',
    ],
    [
      WebhookEventSchema,
      { id: 'e1', type: 'pain_point.created', createdAt: 'yesterday', data: {} },
      'createdAt',
    ],
  ] as const)('rejects bad input naming the field (%#)', (schema, input, path) => {
    expect(issuePaths(schema, input)).toContain(path);
  });

  it('defaults a secret key to read scope with no origins', () => {
    expect(PartnerKeyCreateSchema.parse({ kind: 'secret' })).toEqual({
      kind: 'secret',
      allowedOrigins: [],
      scopes: ['content:read'],
    });
  });

  it('accepts pk_ and sk_ keys only', () => {
    const key = {
      id: 'k1',
      partnerId: 'p1',
      kind: 'secret',
      prefix: 'sk_live_ab',
      allowedOrigins: [],
      scopes: ['sso'],
      createdAt: '2016-01-18T10:00:00Z',
    };
    expect(PartnerKeyCreatedSchema.safeParse({ ...key, key: 'sk_live_abcdef' }).success).toBe(true);
    expect(issuePaths(PartnerKeyCreatedSchema, { ...key, key: 'xk_live_abcdef' })).toEqual(['key']);
  });

  it('keeps the data of a webhook event', () => {
    const event = WebhookEventSchema.parse({
      id: 'e1',
      type: 'registration.promoted',
      createdAt: '2016-07-01T00:00:00Z',
      data: { registrationId: 'r1' },
    });
    expect(event.data).toEqual({ registrationId: 'r1' });
  });
});

describe('PageSchema and ProblemSchema', () => {
  it('wraps items and names a bad item by index', () => {
    const PageOfStakeholders = PageSchema(StakeholderSchema);
    expect(PageOfStakeholders.parse({ data: [], nextCursor: null })).toEqual({ data: [], nextCursor: null });
    expect(issuePaths(PageOfStakeholders, { data: [{ id: 's1' }], nextCursor: null })).toContain(
      'data.0.displayName',
    );
    expect(issuePaths(PageOfStakeholders, { data: [] })).toEqual(['nextCursor']);
  });

  it('parses a problem and turns issues into field errors', () => {
    const problem = ProblemSchema.parse({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      extra: true,
    });
    expect(problem).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400 });
    expect(issuePaths(ProblemSchema, { type: 'x', title: 'y', status: '400' })).toEqual(['status']);
    const result = PartnerCreateSchema.safeParse({ name: '' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(problemErrorsFromIssues(result.error.issues)).toEqual([
        { path: 'name', message: expect.any(String), code: 'too_small' },
      ]);
    }
  });
});
