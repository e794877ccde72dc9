import { describe, expect, it } from 'vitest';
import { AccountUpdateSchema, MeSchema, MeUpdateSchema } from './account';
import { LoginSchema, SignupSchema } from './auth';
import { CommentCreateSchema, CommentModerationSchema, canReplyTo } from './comment';
import { OrganizationListParamsSchema } from './organization';
import { ReportCreateSchema } from './report';
import { SsoTokenCreateSchema } from './sso';
import { StakeholderListParamsSchema } from './stakeholder';
import { AT, issuePaths } from './test-support';

describe('identity payloads', () => {
  const signup = {
    email: 'planner@example.org',
    password: 'correct horse battery',
    displayName: 'Mei',
    role: 'urban-planner',
  };

  it('accepts a sign-up', () => {
    expect(SignupSchema.safeParse(signup).success).toBe(true);
  });

  it.each([
    [SignupSchema, { ...signup, email: 'not-an-email' }, 'email'],
    [SignupSchema, { ...signup, password: 'short' }, 'password'],
    [SignupSchema, { ...signup, displayName: '   ' }, 'displayName'],
    [SignupSchema, { ...signup, role: 'mayor' }, 'role'],
    [SignupSchema, { ...signup, country: 'Singapore' }, 'country'],
    [LoginSchema, { email: 'a@b.org' }, 'password'],
    [
      SsoTokenCreateSchema,
      { externalUserId: 'u1', email: 'a@b.org', displayName: 'A', ttlSeconds: 5 },
      'ttlSeconds',
    ],
    [SsoTokenCreateSchema, { externalUserId: '', email: 'a@b.org', displayName: 'A' }, 'externalUserId'],
    [MeUpdateSchema, { language: 'de' }, 'language'],
    [MeUpdateSchema, { bio: 'x'.repeat(2001) }, 'bio'],
    [AccountUpdateSchema, { accountRoles: ['root'] }, 'accountRoles.0'],
    [AccountUpdateSchema, { disabled: 'yes' }, 'disabled'],
    [StakeholderListParamsSchema, { role: 'mayor' }, 'role'],
    [OrganizationListParamsSchema, { membership: 'IEEE' }, 'membership'],
  ] as const)('rejects bad input naming the field (%#)', (schema, input, path) => {
    expect(issuePaths(schema, input)).toContain(path);
  });

  it('keeps the private account apart from the public profile', () => {
    const me = MeSchema.parse({
      account: {
        id: 's1',
        email: 'a@b.org',
        accountRoles: ['member'],
        language: null,
        disabled: false,
        createdAt: AT,
      },
      profile: {
        id: 's1',
        displayName: 'A',
        role: 'citizen',
        organizationId: null,
        country: null,
        city: null,
        bio: null,
        createdAt: AT,
      },
    });
    expect(me.profile).not.toHaveProperty('email');
  });
});

describe('discussion payloads', () => {
  it.each([
    [CommentCreateSchema, { body: '  ' }, 'body'],
    [CommentCreateSchema, { body: 'ok', parentId: '' }, 'parentId'],
    [CommentModerationSchema, { hidden: 'true' }, 'hidden'],
    [ReportCreateSchema, { reason: 'boring' }, 'reason'],
    [ReportCreateSchema, { reason: 'other' }, 'note'],
  ] as const)('rejects bad input naming the field (%#)', (schema, input, path) => {
    expect(issuePaths(schema, input)).toContain(path);
  });

  it('accepts a report with a listed reason', () => {
    expect(ReportCreateSchema.safeParse({ reason: 'spam' }).success).toBe(true);
  });

  it('allows replies to top comments only, and not in locked threads', () => {
    expect(canReplyTo({ parentId: null, locked: false, hidden: false })).toEqual({ ok: true });
    expect(canReplyTo({ parentId: 'c1', locked: false, hidden: false }).ok).toBe(false);
    expect(canReplyTo({ parentId: null, locked: true, hidden: false }).ok).toBe(false);
    expect(canReplyTo({ parentId: null, locked: false, hidden: true }).ok).toBe(false);
  });
});
