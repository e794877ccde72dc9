import type { Database } from './database/create-database';
import type { Seeder } from './database/seeders';
import type { Feature } from './features';
import { DEFAULT_RATE_LIMIT_IPV6_PREFIX } from './http/rate-limit';
import {
  type MailConfig,
  type MailOptions,
  mailOptionsFromEnvironment,
  resolveMailConfig,
} from './mail/mail-config';
import {
  type MetricsConfig,
  type MetricsOptions,
  metricsOptionsFromEnvironment,
  resolveMetricsConfig,
} from './observability/metrics-config';

export interface ServerOptions {
  /** An opened database to use (and not close). Absent: opened from `databaseUrl`/`dataDirectory`. */
  database?: Database | undefined;
  /** `postgres://…`; absent: embedded PGlite in `dataDirectory`. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database (default `.data`). */
  dataDirectory?: string | undefined;
  /** The origin embeds and links use (default `http://localhost:8787`). */
  publicUrl?: string | undefined;
  /** pino level: `fatal`…`trace` or `silent` (default `info`). */
  logLevel?: string | undefined;
  /** Where JSON log lines go (default stdout). */
  logStream?: NodeJS.WritableStream | undefined;
  /** Requests per minute per client address, anonymous or with a publishable key (default 120); `false` disables limits. */
  rateLimit?: number | false | undefined;
  /**
   * Prefix length (bits) by which IPv6 clients share one anonymous budget (default 64: a host
   * commonly holds a /64 and could rotate through it); 128 counts each address. IPv4-mapped
   * addresses (`::ffff:203.0.113.9`) count as their IPv4 address.
   */
  rateLimitIpv6Prefix?: number | undefined;
  /**
   * New community accounts one partner's single sign-on may create per hour (default 1000):
   * each first sign-in of a partner user creates one, so a secret key could otherwise mint any
   * number of accounts. Users the partner signed in before are never limited. `false` turns the
   * limit off. Counted in the database, so every instance shares it.
   */
  ssoSignupsPerPartnerPerHour?: number | false | undefined;
  /** Shared rate-limit store across instances. */
  redisUrl?: string | undefined;
  /** Creates or updates this admin at start. */
  admin?: { email: string; password: string } | undefined;
  /** Fastify `trustProxy`: behind a load balancer, take the client IP from X-Forwarded-For. */
  trustProxy?: boolean | string | number | undefined;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number | undefined;
  /** Apply migrations at start (default true). */
  migrate?: boolean | undefined;
  /** Run the seeders at start (default true). */
  seed?: boolean | undefined;
  /** The seed steps to run (default `defaultSeeders()`): `[...defaultSeeders(), mine]` adds one. */
  seeders?: readonly Seeder[] | undefined;
  /**
   * The features to register, in order (default `defaultFeatures()`: every feature of the
   * platform, identity and administration included): `[...defaultFeatures(), mine]` adds one.
   */
  features?: readonly Feature[] | undefined;
  /** Lifetime of a sign-in session (default 30 days). */
  sessionTtlSeconds?: number | undefined;
  /** Accept webhook URLs on loopback/private networks and plain http (development, tests). Default false. */
  webhookAllowPrivate?: boolean | undefined;
  /** Run the webhook delivery worker in this process (default true; false for API-only instances and tests). */
  webhookWorker?: boolean | undefined;
  /** Give up on a webhook attempt after this long (default 10 s); a claim's lease is twice this. */
  webhookTimeoutMilliseconds?: number | undefined;
  /** Interval of the `: ping` comments keeping idle live-update streams open (default 15 s). */
  liveHeartbeatMilliseconds?: number | undefined;
  /**
   * Interval of the check of open live-update streams' credentials (default 30 s): a stream
   * opened with a token, a secret key or a publishable key that was revoked, expired or disabled since (or whose
   * account's roles changed) is ended.
   */
  liveCredentialCheckMilliseconds?: number | undefined;
  /**
   * How long an anonymous first page of `GET /v1/pain-points` may be served from this instance's
   * memory without a change notification (default 2000 ms; writes invalidate it sooner). 0 turns
   * the cache off.
   */
  firstPageCacheMilliseconds?: number | undefined;
  /**
   * How long `close()` waits for requests in flight before it closes their connections anyway
   * (default 15 s; apps/api closes on SIGTERM and SIGINT). Open live-update streams are not waited
   * for: they are ended at once, each told to reconnect (to another instance behind a load balancer).
   */
  shutdownGraceMilliseconds?: number | undefined;
  /**
   * The folder holding the embeddable widgets' built files (`wsc.js`, `chunks/`, `assets/`, with
   * optional `.br`/`.gz` siblings), served at `/embed/v1/`; read once at start. Absent: every
   * `/embed/v1/*` answers 404 `not-found` saying the widgets are not built and naming this option.
   */
  embedDirectory?: string | undefined;
  /** The current time (tests move it to check retry schedules). Default `() => new Date()`. */
  clock?: (() => Date) | undefined;
  /**
   * Outbound mail: the SMTP server (`WSC_SMTP_URL`), the sender (`WSC_MAIL_FROM`), DKIM. Without
   * an SMTP URL mail is queued but not sent (`npm start` runs a local mail catcher instead).
   */
  mail?: MailOptions | undefined;
  /**
   * Prometheus metrics at `GET /metrics`: behind a Bearer token on the API's port
   * (`WSC_METRICS_TOKEN`), or on an internal port of their own (`WSC_METRICS_PORT`). Neither
   * set: no metrics are kept or served.
   */
  metrics?: MetricsOptions | undefined;
}

/** Options after defaults: what `app.config` holds. */
export interface AppConfig {
  publicUrl: string;
  logLevel: string;
  rateLimit: number | false;
  rateLimitIpv6Prefix: number;
  ssoSignupsPerPartnerPerHour: number | false;
  redisUrl: string | null;
  trustProxy: boolean | string | number;
  bodyLimit: number;
  sessionTtlSeconds: number;
  /** Minimum seconds an idempotency key is remembered. */
  idempotencyTtlSeconds: number;
  webhookAllowPrivate: boolean;
  webhookWorker: boolean;
  webhookTimeoutMilliseconds: number;
  liveHeartbeatMilliseconds: number;
  liveCredentialCheckMilliseconds: number;
  firstPageCacheMilliseconds: number;
  shutdownGraceMilliseconds: number;
  clock: () => Date;
  mail: MailConfig;
  metrics: MetricsConfig;
}

export const DEFAULT_RATE_LIMIT = 120;
export const DEFAULT_SSO_SIGNUPS_PER_PARTNER_PER_HOUR = 1000;
export const DEFAULT_PORT = 8787;

/**
 * Fills the defaults of {@link ServerOptions}.
 *
 * @example
 * resolveConfig({ rateLimit: false }).bodyLimit; // 1048576
 */
export function resolveConfig(options: ServerOptions): AppConfig {
  return {
    publicUrl: (options.publicUrl ?? `http://localhost:${DEFAULT_PORT}`).replace(/\/+$/, ''),
    logLevel: options.logLevel ?? 'info',
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    rateLimitIpv6Prefix: ipv6Prefix('rateLimitIpv6Prefix', options.rateLimitIpv6Prefix),
    ssoSignupsPerPartnerPerHour: ssoSignupLimit(options.ssoSignupsPerPartnerPerHour),
    redisUrl: options.redisUrl ?? null,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    sessionTtlSeconds: options.sessionTtlSeconds ?? 30 * 24 * 3600,
    idempotencyTtlSeconds: 24 * 3600,
    webhookAllowPrivate: options.webhookAllowPrivate ?? false,
    webhookWorker: options.webhookWorker ?? true,
    webhookTimeoutMilliseconds: options.webhookTimeoutMilliseconds ?? 10_000,
    liveHeartbeatMilliseconds: options.liveHeartbeatMilliseconds ?? 15_000,
    liveCredentialCheckMilliseconds: options.liveCredentialCheckMilliseconds ?? 30_000,
    firstPageCacheMilliseconds: options.firstPageCacheMilliseconds ?? 2000,
    shutdownGraceMilliseconds: options.shutdownGraceMilliseconds ?? 15_000,
    clock: options.clock ?? (() => new Date()),
    mail: resolveMailConfig(options.mail, options.publicUrl ?? `http://localhost:${DEFAULT_PORT}`),
    metrics: resolveMetricsConfig(options.metrics),
  };
}

/**
 * Reads the documented environment variables into {@link ServerOptions}.
 *
 * @example
 * const app = await createServer(optionsFromEnvironment(process.env));
 */
export function optionsFromEnvironment(environment: NodeJS.ProcessEnv): ServerOptions {
  const rate = environment.WSC_RATE_LIMIT?.trim();
  let rateLimit: number | false | undefined;
  if (rate === 'off') rateLimit = false;
  else if (rate) {
    rateLimit = Number(rate);
    if (!Number.isInteger(rateLimit) || rateLimit < 1) {
      throw new Error(`WSC_RATE_LIMIT must be a positive integer or "off", not "${rate}"`);
    }
  }
  const prefix = environment.WSC_RATE_LIMIT_IPV6_PREFIX?.trim();
  const ssoSignups = environment.WSC_SSO_SIGNUPS_PER_HOUR?.trim();
  let ssoSignupsPerPartnerPerHour: number | false | undefined;
  if (ssoSignups === 'off') ssoSignupsPerPartnerPerHour = false;
  else if (ssoSignups) {
    ssoSignupsPerPartnerPerHour = Number(ssoSignups);
    if (!Number.isInteger(ssoSignupsPerPartnerPerHour) || ssoSignupsPerPartnerPerHour < 1) {
      throw new Error(`WSC_SSO_SIGNUPS_PER_HOUR must be a positive integer or "off", not "${ssoSignups}"`);
    }
  }
  const email = environment.WSC_ADMIN_EMAIL?.trim();
  const password = environment.WSC_ADMIN_PASSWORD;
  return {
    databaseUrl: environment.DATABASE_URL || undefined,
    dataDirectory: environment.WSC_DATA_DIR || undefined,
    publicUrl: environment.WSC_PUBLIC_URL || undefined,
    logLevel: environment.LOG_LEVEL || undefined,
    redisUrl: environment.REDIS_URL || undefined,
    rateLimit,
    rateLimitIpv6Prefix: prefix
      ? ipv6Prefix('WSC_RATE_LIMIT_IPV6_PREFIX', Number(prefix), prefix)
      : undefined,
    ssoSignupsPerPartnerPerHour,
    admin: email && password ? { email, password } : undefined,
    trustProxy: environment.WSC_TRUST_PROXY ? parseTrustProxy(environment.WSC_TRUST_PROXY) : undefined,
    webhookAllowPrivate: ['1', 'true'].includes(environment.WSC_WEBHOOK_ALLOW_PRIVATE?.trim() ?? ''),
    webhookWorker: environment.WSC_WEBHOOK_WORKER?.trim() === 'off' ? false : undefined,
    webhookTimeoutMilliseconds: environment.WSC_WEBHOOK_TIMEOUT_SECONDS
      ? parseSeconds('WSC_WEBHOOK_TIMEOUT_SECONDS', environment.WSC_WEBHOOK_TIMEOUT_SECONDS) * 1000
      : undefined,
    firstPageCacheMilliseconds: environment.WSC_FIRST_PAGE_CACHE_SECONDS
      ? parseSeconds('WSC_FIRST_PAGE_CACHE_SECONDS', environment.WSC_FIRST_PAGE_CACHE_SECONDS, {
          zeroAllowed: true,
        }) * 1000
      : undefined,
    shutdownGraceMilliseconds: environment.WSC_SHUTDOWN_GRACE_SECONDS
      ? parseSeconds('WSC_SHUTDOWN_GRACE_SECONDS', environment.WSC_SHUTDOWN_GRACE_SECONDS) * 1000
      : undefined,
    embedDirectory: environment.WSC_EMBED_DIR || undefined,
    mail: mailOptionsFromEnvironment(environment),
    metrics: metricsOptionsFromEnvironment(environment),
  };
}

function ipv6Prefix(name: string, value: number | undefined, given: unknown = value): number {
  if (value === undefined) return DEFAULT_RATE_LIMIT_IPV6_PREFIX;
  if (!Number.isInteger(value) || value < 1 || value > 128) {
    throw new Error(`${name} must be an IPv6 prefix length between 1 and 128 (default 64), not "${given}"`);
  }
  return value;
}

function ssoSignupLimit(value: number | false | undefined): number | false {
  if (value === undefined) return DEFAULT_SSO_SIGNUPS_PER_PARTNER_PER_HOUR;
  if (value !== false && (!Number.isInteger(value) || value < 1)) {
    throw new Error(`ssoSignupsPerPartnerPerHour must be a positive integer or false, not "${value}"`);
  }
  return value;
}

function parseSeconds(name: string, value: string, { zeroAllowed = false } = {}): number {
  const seconds = Number(value.trim());
  if (!Number.isFinite(seconds) || seconds < 0 || (seconds === 0 && !zeroAllowed) || seconds > 300) {
    const range = zeroAllowed ? 'from 0 (off) to 300' : 'between 0 and 300';
    throw new Error(`${name} must be a number of seconds ${range}, not "${value}"`);
  }
  return seconds;
}

function parseTrustProxy(value: string): boolean | string | number {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
