/**
 * Replaces API keys, webhook secrets, bearer tokens and the given literal secrets with a marker.
 * Keeps the key prefix (`sk_`, `pk_`) because it tells the reader which kind of key was involved.
 *
 * @example
 * redact('Bearer abc123 with sk_live_42'); // 'Bearer [redacted] with sk_[redacted]'
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    // Very short values are never credentials and would blank out unrelated text.
    if (secret.length >= 8) result = result.split(secret).join('[redacted]');
  }
  return result
    .replace(/\b(sk|pk|whsec)_[A-Za-z0-9_-]+/g, '$1_[redacted]')
    .replace(/\bBearer\s+[^\s"',]+/gi, 'Bearer [redacted]');
}

const SENSITIVE_HEADERS = new Set([
  'authorization',
  'x-wsc-publishable-key',
  'cookie',
  'proxy-authorization',
]);

/**
 * Copies a header record with credential headers masked.
 *
 * @example
 * redactHeaders({ Authorization: 'Bearer x' }); // { Authorization: '[redacted]' }
 */
export function redactHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    copy[name] = SENSITIVE_HEADERS.has(name.toLowerCase()) ? '[redacted]' : value;
  }
  return copy;
}
