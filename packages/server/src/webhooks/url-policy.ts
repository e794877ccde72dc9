import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type DomainError, domainError } from '../errors/domain-error';
import { isForbiddenAddress } from './address-safety';

function refuse(message: string): DomainError {
  return domainError('validation-failed', {
    detail: message,
    errors: [{ path: 'url', message, code: 'forbidden_url' }],
  });
}

/** Every address a host name resolves to (the system resolver, as deliveries use it). */
export type ResolveHost = (host: string) => Promise<string[]>;

const systemResolver: ResolveHost = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Checks a webhook URL before it is stored: https only, and every address its host resolves
 * to public, unless `allowPrivate` (development, tests). A 422 problem naming `url` otherwise.
 * Deliveries check the resolved address again at connect time (DNS may change). `resolve`
 * replaces the system resolver (tests).
 *
 * @example
 * await assertWebhookUrl('https://hooks.partner.example/wsc', { allowPrivate: false });
 */
export async function assertWebhookUrl(
  value: string,
  options: { allowPrivate: boolean; resolve?: ResolveHost },
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('Not a valid URL.');
  }
  if (url.username || url.password) throw refuse('Credentials in the URL are not allowed.');
  if (url.protocol !== 'https:' && !(options.allowPrivate && url.protocol === 'http:')) {
    throw refuse('Webhook URLs must use https.');
  }
  if (options.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) throw refuse('Loopback hosts are not allowed.');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      throw refuse(`The host ${host} does not resolve.`);
    }
  }
  if (addresses.length === 0) throw refuse(`The host ${host} does not resolve.`);
  const forbidden = addresses.find(isForbiddenAddress);
  if (forbidden) {
    throw refuse(`The host ${host} resolves to ${forbidden}, a private, loopback or link-local address.`);
  }
  return url;
}
