import type { MembershipDecision, MembershipRole, MembershipStatus } from '../membership';

/** What a member's account shows about their e-mail address. */
export interface MembershipAddress {
  email: string;
  /**
   * The member proved the address is theirs (a confirmation link). An address a member or a
   * partner merely typed proves nothing, so it never joins an organization by its domain.
   */
  emailConfirmed: boolean;
}

/**
 * The domain of an e-mail address, lowercased (`li.wei@IEC.ch` → `iec.ch`); null when there is
 * no `@`.
 *
 * @example
 * emailDomainOf('li.wei@IEC.ch'); // 'iec.ch'
 */
export function emailDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

/**
 * True when a member joins an organization without approval: their address is confirmed and its
 * domain is exactly one the organization verified (a subdomain or a look-alike is not).
 *
 * @example
 * joinsByVerifiedDomain({ email: 'li.wei@iec.ch', emailConfirmed: true }, ['iec.ch']); // true
 * joinsByVerifiedDomain({ email: 'li.wei@iec.ch', emailConfirmed: false }, ['iec.ch']); // false
 */
export function joinsByVerifiedDomain(
  address: MembershipAddress,
  verifiedDomains: readonly string[],
): boolean {
  if (!address.emailConfirmed) return false;
  const domain = emailDomainOf(address.email);
  return domain !== null && verifiedDomains.some((verified) => verified.toLowerCase() === domain);
}

/** A membership as it stands, or null when the member never asked and was never added. */
export interface MembershipState {
  status: MembershipStatus;
  role: MembershipRole;
}

/** Who decides: an admin may add anyone; a manager decides on the organization's own requests and members. */
export type MembershipDecider = 'admin' | 'manager';

/** The change a manager or admin asks for. */
export interface MembershipChange {
  status?: MembershipDecision | undefined;
  role?: MembershipRole | undefined;
}

/** The outcome of {@link decideMembershipChange}: the new state, or why not and which field. */
export type MembershipChangeOutcome =
  | { allowed: true; state: MembershipState; changed: boolean }
  | { allowed: false; status: 404 | 409; field: 'status' | 'role' | null; reason: string };

/**
 * The membership rule of managers and admins:
 * - a pending request is approved or refused; an approved member is removed; a refused or
 *   removed member may be approved later (a change of mind);
 * - only an approved member is a manager, so a manager role needs (or comes with) approval, and
 *   refusing or removing a manager ends the role;
 * - an admin may approve someone who never asked (naming an organization's first managers);
 *   a manager acts only on people who asked.
 *
 * @example
 * decideMembershipChange({ status: 'pending', role: 'member' }, { status: 'approved' }, 'manager');
 * // { allowed: true, state: { status: 'approved', role: 'member' }, changed: true }
 */
export function decideMembershipChange(
  current: MembershipState | null,
  change: MembershipChange,
  decider: MembershipDecider,
): MembershipChangeOutcome {
  if (!current && decider !== 'admin') {
    return {
      allowed: false,
      status: 404,
      field: null,
      reason: 'This member has not asked to join the organization.',
    };
  }
  const from: MembershipState = current ?? { status: 'pending', role: 'member' };
  const status: MembershipStatus = change.status ?? from.status;
  if (change.status === 'refused' && from.status !== 'pending' && from.status !== 'refused') {
    return {
      allowed: false,
      status: 409,
      field: 'status',
      reason: `Only a pending request can be refused; this membership is ${from.status}${from.status === 'approved' ? ' (remove the member instead)' : ''}.`,
    };
  }
  if (change.status === 'removed' && from.status !== 'approved' && from.status !== 'removed') {
    return {
      allowed: false,
      status: 409,
      field: 'status',
      reason: `Only an approved member can be removed; this membership is ${from.status}${from.status === 'pending' ? ' (refuse the request instead)' : ''}.`,
    };
  }
  const role: MembershipRole = status === 'approved' ? (change.role ?? from.role) : 'member';
  if (change.role === 'manager' && status !== 'approved') {
    return {
      allowed: false,
      status: 409,
      field: 'role',
      reason: `Only an approved member can be a manager; this membership is ${status} (send "status": "approved" with the role).`,
    };
  }
  if (!current && status !== 'approved') {
    return {
      allowed: false,
      status: 409,
      field: 'status',
      reason: 'Someone who never asked can only be added as an approved member.',
    };
  }
  return {
    allowed: true,
    state: { status, role },
    changed: status !== from.status || role !== from.role || !current,
  };
}
