import { readFileSync } from 'node:fs';

/** DKIM signing of every outgoing mail (RFC 6376), with the key the domain publishes. */
export interface DkimOptions {
  /** The signing domain (`d=`), normally the domain of the sender address. */
  domainName: string;
  /** The selector (`s=`): the key is published at `<selector>._domainkey.<domain>`. */
  keySelector: string;
  /** The private key, PEM. */
  privateKey: string;
}

/** `createServer({ mail })`. */
export interface MailOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`. Absent: mail is queued, not sent. */
  smtpUrl?: string | undefined;
  /** The sender, `Name <address>` (default `World Smart City Community <no-reply@host of publicUrl>`). */
  from?: string | undefined;
  dkim?: DkimOptions | undefined;
  /** Run the mail worker's loop in this process (default true; false for API-only instances and tests driving it). */
  worker?: boolean | undefined;
  /** Give up on one SMTP exchange after this long (default 30 s); a claim's lease is twice this. */
  timeoutMilliseconds?: number | undefined;
  /** Mails claimed per round (default 64); at most 16 SMTP connections carry them. */
  batchSize?: number | undefined;
  /** Longest sleep between looks at the queue (default 30 s); queued mail wakes it sooner. */
  pollMilliseconds?: number | undefined;
}

/** {@link MailOptions} after defaults. */
export interface MailConfig {
  smtpUrl: string | null;
  from: string;
  /** The domain Message-IDs are made in (`<mail_…@domain>`): the sender's. */
  messageIdDomain: string;
  dkim: DkimOptions | null;
  worker: boolean;
  timeoutMilliseconds: number;
  batchSize: number;
  pollMilliseconds: number;
}

/**
 * Fills the defaults of {@link MailOptions}.
 *
 * @example
 * resolveMailConfig({ smtpUrl: 'smtp://127.0.0.1:2525' }, 'https://community.example.org').from;
 * // 'World Smart City Community <no-reply@community.example.org>'
 */
export function resolveMailConfig(options: MailOptions | undefined, publicUrl: string): MailConfig {
  const smtpUrl = options?.smtpUrl?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//i.test(smtpUrl)) {
    throw new Error('WSC_SMTP_URL must start with smtp:// or smtps://');
  }
  const host = new URL(publicUrl).hostname;
  const from = options?.from?.trim() || `World Smart City Community <no-reply@${host}>`;
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1];
  if (!domain) throw new Error(`WSC_MAIL_FROM must hold an e-mail address, not "${from}"`);
  return {
    smtpUrl,
    from,
    messageIdDomain: domain.toLowerCase(),
    dkim: options?.dkim ?? null,
    worker: options?.worker ?? true,
    timeoutMilliseconds: options?.timeoutMilliseconds ?? 30_000,
    batchSize: options?.batchSize ?? 64,
    pollMilliseconds: options?.pollMilliseconds ?? 30_000,
  };
}

/**
 * Reads `WSC_SMTP_URL`, `WSC_MAIL_FROM`, `WSC_MAIL_WORKER=off`, `WSC_MAIL_TIMEOUT_SECONDS` and DKIM
 * (`WSC_DKIM_DOMAIN`, `WSC_DKIM_SELECTOR`, and `WSC_DKIM_PRIVATE_KEY` or `WSC_DKIM_PRIVATE_KEY_FILE`).
 *
 * @example
 * mailOptionsFromEnvironment({ WSC_SMTP_URL: 'smtp://127.0.0.1:2525' });
 */
export function mailOptionsFromEnvironment(environment: NodeJS.ProcessEnv): MailOptions {
  const domainName = environment.WSC_DKIM_DOMAIN?.trim();
  const keySelector = environment.WSC_DKIM_SELECTOR?.trim();
  const keyFile = environment.WSC_DKIM_PRIVATE_KEY_FILE?.trim();
  const privateKey = keyFile ? readFileSync(keyFile, 'utf8') : environment.WSC_DKIM_PRIVATE_KEY;
  const timeout = environment.WSC_MAIL_TIMEOUT_SECONDS?.trim();
  const timeoutSeconds = timeout ? Number(timeout) : undefined;
  if (
    timeoutSeconds !== undefined &&
    !(Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 && timeoutSeconds <= 300)
  ) {
    throw new Error(
      `WSC_MAIL_TIMEOUT_SECONDS must be a number of seconds between 0 and 300, not "${timeout}"`,
    );
  }
  const anyDkim = domainName || keySelector || privateKey;
  if (anyDkim && !(domainName && keySelector && privateKey)) {
    throw new Error(
      'DKIM needs WSC_DKIM_DOMAIN, WSC_DKIM_SELECTOR and WSC_DKIM_PRIVATE_KEY (or WSC_DKIM_PRIVATE_KEY_FILE) together',
    );
  }
  return {
    smtpUrl: environment.WSC_SMTP_URL || undefined,
    from: environment.WSC_MAIL_FROM || undefined,
    dkim: domainName && keySelector && privateKey ? { domainName, keySelector, privateKey } : undefined,
    worker: environment.WSC_MAIL_WORKER?.trim() === 'off' ? false : undefined,
    timeoutMilliseconds: timeoutSeconds ? timeoutSeconds * 1000 : undefined,
  };
}
