import { createTransport } from 'nodemailer';
import type { MailConfig } from './mail-config';
import type { MailAttachment } from './template-registry';

/** One message as the worker hands it to SMTP. */
export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<mail_…@domain>`: the same on every retry. */
  messageId: string;
  headers: Record<string, string>;
  attachments: MailAttachment[];
}

/** What the worker sends through: nodemailer's SMTP pool, or a test's fault-injecting wrapper. */
export interface MailTransport {
  /** Resolves with the server's final answer (`250 …`); rejects with nodemailer's error. */
  sendMail(message: OutgoingMessage): Promise<{ response?: string | undefined }>;
  close(): void;
}

/**
 * nodemailer's pooled SMTP transport for `config.smtpUrl` (`smtp://` with STARTTLS when offered,
 * `smtps://` for implicit TLS), signing with DKIM when a key is configured. Connections are
 * reused across mails; as many as the worker's batch are opened at most.
 *
 * @example
 * const transport = createMailTransport(app.config.mail);
 */
export function createMailTransport(config: MailConfig): MailTransport {
  if (!config.smtpUrl) throw new Error('createMailTransport needs an SMTP URL (WSC_SMTP_URL)');
  const timeout = config.timeoutMilliseconds;
  return createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: Math.max(1, Math.min(config.batchSize, 16)),
    maxMessages: 1000,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    ...(config.dkim
      ? {
          dkim: {
            domainName: config.dkim.domainName,
            keySelector: config.dkim.keySelector,
            privateKey: config.dkim.privateKey,
          },
        }
      : {}),
  });
}
