import { describe, expect, it } from 'vitest';
import { decideMembershipChange, emailDomainOf, joinsByVerifiedDomain } from './membership';

describe('joinsByVerifiedDomain', () => {
  it('joins a confirmed address on a verified domain, whatever its case', () => {
    expect(joinsByVerifiedDomain({ email: 'Li.Wei@IEC.ch', emailConfirmed: true }, ['iec.ch'])).toBe(true);
  });

  it.each([
    ['an unconfirmed address', { email: 'li.wei@iec.ch', emailConfirmed: false }],
    ['a subdomain', { email: 'li.wei@mail.iec.ch', emailConfirmed: true }],
    ['a look-alike ending', { email: 'li.wei@notiec.ch', emailConfirmed: true }],
    ['a domain hidden before the last @', { email: '"iec.ch@"@evil.example', emailConfirmed: true }],
    ['an address without a domain', { email: 'li.wei@', emailConfirmed: true }],
  ])('does not join %s', (_label, address) => {
    expect(joinsByVerifiedDomain(address, ['iec.ch'])).toBe(false);
  });

  it('joins nothing when the organization verified no domain', () => {
    expect(joinsByVerifiedDomain({ email: 'li.wei@iec.ch', emailConfirmed: true }, [])).toBe(false);
  });

  it('reads the domain after the last @', () => {
    expect(emailDomainOf('a@b@ITU.int')).toBe('itu.int');
    expect(emailDomainOf('nobody')).toBeNull();
  });
});

describe('decideMembershipChange', () => {
  const pending = { status: 'pending', role: 'member' } as const;
  const approved = { status: 'approved', role: 'member' } as const;
  const manager = { status: 'approved', role: 'manager' } as const;

  it('approves or refuses a pending request', () => {
    expect(decideMembershipChange(pending, { status: 'approved' }, 'manager')).toEqual({
      allowed: true,
      state: approved,
      changed: true,
    });
    expect(decideMembershipChange(pending, { status: 'refused' }, 'manager')).toMatchObject({
      allowed: true,
      state: { status: 'refused', role: 'member' },
    });
  });

  it('removes an approved member, and a removed manager is no longer one', () => {
    expect(decideMembershipChange(manager, { status: 'removed' }, 'manager')).toMatchObject({
      allowed: true,
      state: { status: 'removed', role: 'member' },
    });
  });

  it('refuses to refuse an approved member or remove a pending one, naming the right move', () => {
    expect(decideMembershipChange(approved, { status: 'refused' }, 'admin')).toMatchObject({
      allowed: false,
      status: 409,
      field: 'status',
      reason: expect.stringContaining('remove the member instead'),
    });
    expect(decideMembershipChange(pending, { status: 'removed' }, 'admin')).toMatchObject({
      allowed: false,
      field: 'status',
      reason: expect.stringContaining('refuse the request instead'),
    });
  });

  it('makes only approved members managers', () => {
    expect(decideMembershipChange(pending, { role: 'manager' }, 'admin')).toMatchObject({
      allowed: false,
      field: 'role',
    });
    expect(decideMembershipChange(pending, { status: 'approved', role: 'manager' }, 'manager')).toMatchObject(
      {
        allowed: true,
        state: manager,
      },
    );
  });

  it('lets an admin add someone who never asked, only as approved; a manager cannot', () => {
    expect(decideMembershipChange(null, { status: 'approved', role: 'manager' }, 'admin')).toEqual({
      allowed: true,
      state: manager,
      changed: true,
    });
    expect(decideMembershipChange(null, { role: 'manager' }, 'admin')).toMatchObject({ allowed: false });
    expect(decideMembershipChange(null, { status: 'approved' }, 'manager')).toMatchObject({
      allowed: false,
      status: 404,
    });
  });

  it('says when nothing changes', () => {
    expect(decideMembershipChange(approved, { status: 'approved' }, 'manager')).toMatchObject({
      allowed: true,
      changed: false,
    });
  });
});
