import type { Language } from '@wsc/models';
import type { FastifyRequest } from 'fastify';
import { requestedLanguages } from '../community/localization';
import type { PrincipalAccount } from './principal';

/** Who is acting and how they read: what a community service needs from the HTTP request. */
export interface Actor {
  account: PrincipalAccount | null;
  /** The partner application the request came through; recorded on every write. */
  partnerId: string | null;
  requestId: string;
  /** `Accept-Language`, most preferred first. */
  languages: Language[];
}

/**
 * Reads the acting member, partner, request id and languages off a request.
 *
 * @example
 * const row = await service.create(actorOf(request), request.body);
 */
export function actorOf(request: FastifyRequest): Actor {
  return {
    account: request.principal.account,
    partnerId: request.principal.partner?.id ?? null,
    requestId: request.id,
    languages: requestedLanguages(request.headers['accept-language']),
  };
}
