/** How an SMTP answer or error is handled. */
export interface SmtpVerdict {
  /** `retry`: temporary (4xx, connection trouble); `failed`: permanent (5xx). */
  outcome: 'retry' | 'failed';
  /** The recipient was refused for good: mark the address undeliverable. */
  markUndeliverable: boolean;
  code: number | null;
  answer: string;
}

const ADDRESS = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/**
 * Replaces every e-mail address in a server's answer with `<address>`: the mail log and the
 * application log never hold one.
 *
 * @example
 * redactAddresses('550 5.1.1 <ada@example.org>: unknown'); // '550 5.1.1 <<address>>: unknown'
 */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, '<address>');
}

/** Commands whose permanent refusal is about the recipient, not the sender or the account. */
const RECIPIENT_COMMANDS = new Set(['RCPT TO', 'DATA']);

/**
 * Reads a nodemailer error: a 5xx refusal of the recipient (RCPT TO, or DATA for our single
 * recipient) fails the mail and marks the address; any other 5xx (authentication, sender
 * refused: the platform's configuration, not the member's address) and every 4xx or connection
 * error are retried with backoff.
 *
 * @example
 * smtpVerdict(Object.assign(new Error('x'), { responseCode: 550, command: 'RCPT TO', response: '550 no' }));
 * // { outcome: 'failed', markUndeliverable: true, code: 550, answer: '550 no' }
 */
export function smtpVerdict(error: unknown): SmtpVerdict {
  const details = (error ?? {}) as {
    responseCode?: unknown;
    command?: unknown;
    response?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const code = typeof details.responseCode === 'number' ? details.responseCode : null;
  const response = typeof details.response === 'string' ? details.response : null;
  const message = typeof details.message === 'string' ? details.message : String(error);
  const errorCode = typeof details.code === 'string' ? `${details.code}: ` : '';
  const answer = redactAddresses(response ?? `${errorCode}${message}`).slice(0, 500);
  const command = typeof details.command === 'string' ? details.command : '';
  if (code !== null && code >= 500 && code < 600 && RECIPIENT_COMMANDS.has(command)) {
    return { outcome: 'failed', markUndeliverable: true, code, answer };
  }
  return { outcome: 'retry', markUndeliverable: false, code, answer };
}
