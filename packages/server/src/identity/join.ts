import type { Signup } from '@wsc/models';
import type { Kysely } from 'kysely';
import type { PrincipalAccount } from '../access/principal';
import { recordAudit } from '../audit/record';
import type { DatabaseSchema } from '../database/schema';
import { domainError } from '../errors/domain-error';
import { saveMembership } from '../organizations/memberships-repository';
import { findOrganization } from '../organizations/repository';
import { createAccount } from './accounts-repository';
import { queueEmailConfirmation } from './email-confirmation';

/** Where a new member came from: the partner site and the request, for the audit log. */
export interface JoinContext {
  partnerId: string | null;
  requestId: string;
  /** Where the sign-up details sit in the request body (`join.` when joining while registering). */
  fieldPrefix?: string;
}

/**
 * Creates a member account and its public profile from sign-up details (password already
 * hashed, since scrypt must not run inside a transaction), and audits it, in the caller's
 * transaction. Answers the principal the rest of the transaction acts as.
 *
 * @example
 * const account = await createMember(trx, body, await hashPassword(body.password), { partnerId, requestId });
 */
export async function createMember(
  db: Kysely<DatabaseSchema>,
  signup: Signup,
  passwordHash: string,
  context: JoinContext,
): Promise<PrincipalAccount> {
  const id = await createAccount(db, {
    email: signup.email,
    passwordHash,
    language: signup.language ?? null,
    displayName: signup.displayName,
    role: signup.role,
    country: signup.country ?? null,
    city: signup.city ?? null,
    partnerId: context.partnerId,
  });
  await recordAudit(db, {
    actorId: id,
    action: 'account.created',
    subjectType: 'account',
    subjectId: id,
    partnerId: context.partnerId,
    requestId: context.requestId,
  });
  if (signup.organizationId) await askToJoinAtSignUp(db, id, signup.organizationId, context);
  // The address is the member's word until the link in this mail proves it.
  await queueEmailConfirmation(db, id, new Date());
  return { id, roles: ['member'], stakeholderId: id, via: 'session' };
}

/**
 * The organization named at sign-up becomes a pending request its managers decide on: a sign-up
 * form is a claim like any other and grants nothing.
 */
async function askToJoinAtSignUp(
  db: Kysely<DatabaseSchema>,
  accountId: string,
  organizationId: string,
  context: JoinContext,
): Promise<void> {
  const organization = await findOrganization(db, organizationId);
  if (organization?.id !== organizationId) {
    throw domainError('validation-failed', {
      detail: `No organization has the id ${organizationId}.`,
      errors: [
        {
          path: `${context.fieldPrefix ?? ''}organizationId`,
          message: 'Unknown organization: see GET /v1/organizations',
        },
      ],
    });
  }
  await saveMembership(db, organizationId, accountId, {
    status: 'pending',
    role: 'member',
    basis: 'request',
    requested: true,
    decidedBy: null,
  });
  await recordAudit(db, {
    actorId: accountId,
    action: 'organization_membership.requested',
    subjectType: 'organization',
    subjectId: organizationId,
    partnerId: context.partnerId,
    requestId: context.requestId,
    data: { accountId, basis: 'request', atSignUp: true },
  });
}

/**
 * Turns the unique violation of a taken e-mail address into 409 `email-taken` naming the field
 * (`email`, or `join.email` when the sign-up came with a registration); rethrows anything else.
 *
 * @example
 * try { … } catch (error) { throw emailTakenOr(error, 'join.email'); }
 */
export function emailTakenOr(error: unknown, path = 'email'): unknown {
  if ((error as { code?: string } | null)?.code !== '23505') return error;
  return domainError('email-taken', {
    detail: 'An account with this e-mail address exists; sign in instead.',
    errors: [{ path, message: 'Already registered', code: 'taken' }],
  });
}
