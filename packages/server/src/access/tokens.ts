import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Token prefixes: they tell a leaked string's kind at a glance (and to secret scanners). */
export const TOKEN_PREFIXES = {
  session: 'wsc_ses_',
  sso: 'wsc_sso_',
  publishable: 'pk_live_',
  secret: 'sk_live_',
} as const;

export type TokenKind = keyof typeof TOKEN_PREFIXES;

/**
 * A new random token of a kind: its prefix plus 40 base62 characters (about 238 bits).
 *
 * @example
 * generateToken('secret'); // 'sk_live_7Q2…'
 */
export function generateToken(kind: TokenKind): string {
  const bytes = randomBytes(40);
  let body = '';
  // 256 % 62 bias is negligible for 40 characters drawn from 8-bit values; it keeps the token base62.
  for (const byte of bytes) body += ALPHABET[byte % ALPHABET.length];
  return `${TOKEN_PREFIXES[kind]}${body}`;
}

/**
 * The value stored in the database: tokens are high-entropy, so one sha256 suffices (no salt).
 *
 * @example
 * hashToken('wsc_ses_abc'); // 64 hex characters
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Which kind a presented token claims to be, from its prefix.
 *
 * @example
 * tokenKind('sk_live_…'); // 'secret'
 */
export function tokenKind(token: string): TokenKind | null {
  for (const [kind, prefix] of Object.entries(TOKEN_PREFIXES)) {
    if (token.startsWith(prefix)) return kind as TokenKind;
  }
  return null;
}
