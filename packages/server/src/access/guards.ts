import type { AccountRole } from '@wsc/models';
import type { PartnerScope } from '@wsc/models/partner';
import type { FastifyRequest } from 'fastify';
import { domainError } from '../errors/domain-error';
import type { RouteAccess } from '../http/route-access';
import type { PrincipalAccount, PrincipalPartner } from './principal';

/**
 * The signed-in member, or a 401 problem.
 *
 * @example
 * const account = requireAccount(request);
 * await repository.create({ authorId: account.stakeholderId, partnerId: request.principal.partner?.id ?? null });
 */
export function requireAccount(request: FastifyRequest): PrincipalAccount {
  const account = request.principal.account;
  if (!account) {
    throw domainError('authentication-required', {
      detail: 'Send "Authorization: Bearer <token>" with a session or SSO user token.',
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  return account;
}

/**
 * True when the account holds one of the roles; `admin` holds every role.
 *
 * @example
 * if (hasRole(account, 'moderator')) showHidden = true;
 */
export function hasRole(account: PrincipalAccount | null, ...roles: AccountRole[]): boolean {
  if (!account) return false;
  return account.roles.includes('admin') || roles.some((role) => account.roles.includes(role));
}

/**
 * The signed-in member if they hold one of `roles` (admins pass every check); 401 when signed
 * out, 403 otherwise.
 *
 * @example
 * requireRole(request, 'expert', 'moderator');
 */
export function requireRole(request: FastifyRequest, ...roles: AccountRole[]): PrincipalAccount {
  const account = requireAccount(request);
  if (!hasRole(account, ...roles)) {
    throw domainError('role-required', {
      detail: `This action needs one of the roles: ${roles.join(', ')}.`,
    });
  }
  return account;
}

/**
 * The partner behind a secret key (`Authorization: Bearer sk_…`), optionally holding `scope`;
 * 401 without a secret key, 403 when the scope is missing.
 *
 * @example
 * const partner = requireSecretKey(request, 'sso');
 */
export function requireSecretKey(request: FastifyRequest, scope?: PartnerScope): PrincipalPartner {
  const partner = request.principal.partner;
  if (partner?.keyKind !== 'secret') {
    throw domainError('secret-key-required', {
      detail: 'Send "Authorization: Bearer sk_…" from your server.',
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  if (scope && !partner.scopes.includes(scope)) {
    throw domainError('scope-required', { detail: `This secret key lacks the "${scope}" scope.` });
  }
  return partner;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false` on writes that are not community content (sign-up, login, logout): a publishable
     * key without `content:write` may still call them.
     */
    contentWrite?: false;
    /**
     * Who may call the route, checked before the body is read (see {@link requireAccess}), so a
     * signed-out caller learns to sign in before any field error. Also puts the bearer lock on
     * the route in `/openapi.json`.
     */
    access?: RouteAccess;
  }
}

/**
 * Answers 401 or 403 unless the caller has the route's access; runs before the body is parsed.
 *
 * @example
 * app.post('/v1/pain-points', { config: { access: 'member' }, schema }, handler);
 */
export function requireAccess(request: FastifyRequest, access: RouteAccess): void {
  if (access === 'member') requireAccount(request);
  else if ('roles' in access) requireRole(request, ...access.roles);
  else requireSecretKey(request, access.secretKey);
}

const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses (403 `scope-required`) a write made through a publishable key that lacks the
 * `content:write` scope, whether the caller is anonymous or an SSO user of the partner's site.
 * Routes opt out with `config: { contentWrite: false }`. Runs for every request, before the body
 * is parsed.
 *
 * @example
 * app.addHook('preParsing', async (request) => requirePublishableWriteScope(request));
 */
export function requirePublishableWriteScope(request: FastifyRequest): void {
  const key = request.principal.publishableKey;
  if (!key || !WRITE_METHODS.has(request.method)) return;
  if (request.routeOptions.config?.contentWrite === false) return;
  if (!key.scopes.includes('content:write')) {
    throw domainError('scope-required', {
      detail: 'This publishable key lacks the "content:write" scope: it may only read.',
    });
  }
}
