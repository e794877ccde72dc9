import { randomUUID } from 'node:crypto';
import { LANGUAGES, type Language } from '@wsc/models';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../database/schema';
import { ClaimLoop } from '../outbox/claim-loop';
import { nextAttemptAt } from '../outbox/retry-schedule';
import type { MailConfig } from './mail-config';
import {
  type ClaimedMail,
  claimDueMails,
  type MailAttemptOutcome,
  type MailClaim,
  nextClaimableMailAt,
  recordAndClaimMails,
  recordMailAttempts,
  releaseMailClaims,
} from './outbox-repository';
import { redactAddresses, smtpVerdict } from './smtp-outcome';
import { type MailTemplateRegistry, renderMail } from './template-registry';
import { createMailTransport, type MailTransport } from './transport';

export interface MailWorkerOptions {
  log: FastifyBaseLogger;
  config: MailConfig;
  templates: MailTemplateRegistry;
  /** `WSC_PUBLIC_URL`: every link in a mail starts with it. */
  publicUrl: string;
  clock?: (() => Date) | undefined;
  /** The transport to send through (default: nodemailer's SMTP pool from `config.smtpUrl`). */
  transport?: MailTransport | undefined;
  /** Shortest time between two looks that queued mail causes (default 50 ms). */
  eventGapMilliseconds?: number | undefined;
}

const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(LANGUAGES);
/** Attempts recorded by one statement at most waiting for each other… */
const RECORD_GROUP = 32;
/** …and how long the first of them waits for others. */
const RECORD_WAIT_MILLISECONDS = 10;

/**
 * Sends queued mail: claims due rows (`FOR UPDATE SKIP LOCKED`, with a lease), renders each in
 * its reader's language, sends it over SMTP with a Message-ID that stays the same on every
 * retry, and records the attempt. A 4xx answer or a lost connection is retried with the webhook
 * backoff (5 s, 5 min, 30 min, … about 27 hours); a 5xx refusal of the recipient fails the mail
 * and marks the address undeliverable (nothing more is sent to it until it is confirmed again).
 * Any number of instances may run one; the table, not memory, is the queue. Logs name the mail
 * id and template, never the address or a token.
 *
 * @example
 * const worker = new MailWorker(app.db, { log: app.log, config: app.config.mail, templates: mailTemplates, publicUrl });
 * worker.start();
 * await worker.stop();
 */
export class MailWorker {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #log: FastifyBaseLogger;
  readonly #config: MailConfig;
  readonly #templates: MailTemplateRegistry;
  readonly #publicUrl: string;
  readonly #clock: () => Date;
  readonly #transport: MailTransport;
  readonly #ownsTransport: boolean;
  readonly #loop: ClaimLoop;
  /** Attempts finished and not yet recorded: written together by the next {@link #flush}. */
  #unrecorded: { claimed: ClaimedMail; outcome: MailAttemptOutcome }[] = [];
  /**
   * The next batch, claimed by the statement that recorded the end of the last one: a round of
   * a stream of mail costs one statement for its claim and its last outcomes together.
   */
  #ahead: ClaimedMail[] = [];
  #flushing: Promise<void> | null = null;
  /** Statements recording outcomes that have not answered yet (a round waits for them all). */
  readonly #recording = new Set<Promise<unknown>>();
  #flushTimer: NodeJS.Timeout | undefined;

  constructor(db: Kysely<DatabaseSchema>, options: MailWorkerOptions) {
    this.#db = db;
    this.#log = options.log;
    this.#config = options.config;
    this.#templates = options.templates;
    this.#publicUrl = options.publicUrl;
    this.#clock = options.clock ?? (() => new Date());
    this.#ownsTransport = options.transport === undefined;
    this.#transport = options.transport ?? createMailTransport(options.config);
    this.#loop = new ClaimLoop({
      runOnce: () => this.runOnce(),
      nextClaimableAt: () => nextClaimableMailAt(this.#db),
      log: options.log,
      name: 'mail worker',
      clock: this.#clock,
      pollMilliseconds: options.config.pollMilliseconds,
      eventGapMilliseconds: options.eventGapMilliseconds ?? 50,
    });
  }

  /** A claim outlives the slowest SMTP exchange, so a live worker never loses its claim mid-send. */
  get leaseMilliseconds(): number {
    return this.#config.timeoutMilliseconds * 2;
  }

  /** Runs by itself from now on: at once, when mail is queued, and when a retry comes due. */
  start(): void {
    this.#loop.start();
  }

  /** Mail was queued: look soon (looks are at least 50 ms apart under a stream of mail). */
  wake(): void {
    this.#loop.wakeSoon();
  }

  /**
   * Claims and sends one batch; resolves to the number of mails claimed. Tests call it directly
   * (with the automatic loop off and a moved clock).
   */
  async runOnce(): Promise<number> {
    this.#loop.markLook();
    const batch =
      this.#ahead.length > 0 ? this.#ahead.splice(0) : await claimDueMails(this.#db, this.#claim());
    if (batch.length === 0) return 0;
    // Each attempt resolves once sent; outcomes are recorded in groups meanwhile (#record).
    await Promise.all(batch.map((mail) => this.#attempt(mail)));
    await this.#recordRestAndClaimNext();
    return batch.length;
  }

  #claim(limit = this.#config.batchSize): MailClaim {
    const now = this.#clock();
    return { now, leaseUntil: new Date(now.getTime() + this.leaseMilliseconds), token: randomUUID(), limit };
  }

  /**
   * The end of a round: the outcomes no group has taken yet are recorded by the statement that
   * claims the next batch (kept in {@link #ahead}), after the group in flight. A round resolves
   * only once every outcome of its batch is recorded.
   */
  async #recordRestAndClaimNext(): Promise<void> {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    const rest = this.#unrecorded.splice(0);
    await this.#flushing;
    try {
      // Appended: two rounds of one worker may run at once (drain() beside the loop).
      this.#ahead.push(...(await this.#tracked(recordAndClaimMails(this.#db, rest, this.#claim()))));
    } catch (error) {
      // The leases expire and another round sends these again, with the same Message-IDs.
      this.#log.error(
        { err: error, mailIds: rest.map((entry) => entry.claimed.id) },
        'recording mail attempts failed',
      );
    }
    // Outcomes of this round that another round's statement took are recorded too.
    await Promise.allSettled([...this.#recording]);
  }

  #tracked<T>(statement: Promise<T>): Promise<T> {
    this.#recording.add(statement);
    const forget = () => this.#recording.delete(statement);
    statement.then(forget, forget);
    return statement;
  }

  /** Sends everything due now, batch after batch; resolves to how many mails were claimed. */
  drain(): Promise<number> {
    return this.#loop.drain();
  }

  /** Stops taking work, waits for the attempts in flight to be recorded, closes the SMTP pool. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    // The batch claimed ahead goes back to the queue now rather than when its lease expires.
    const ahead = this.#ahead.splice(0);
    const token = ahead[0]?.claimToken;
    if (token) {
      await releaseMailClaims(
        this.#db,
        ahead.map((mail) => mail.id),
        token,
      ).catch((error: unknown) => this.#log.warn({ err: error }, 'releasing claimed mails failed'));
    }
    if (this.#ownsTransport) this.#transport.close();
  }

  async #attempt(mail: ClaimedMail): Promise<void> {
    const at = this.#clock();
    const started = performance.now();
    const messageId = mail.messageId ?? `<${mail.id}@${this.#config.messageIdDomain}>`;
    const outcome = await this.#send(mail, messageId);
    const finishedAt = this.#clock();
    let verdict = outcome.outcome;
    let next: Date | null = null;
    if (verdict === 'retry') {
      next = nextAttemptAt(mail.attempts + 1, finishedAt, mail.maxAttempts);
      if (!next) verdict = 'failed';
    }
    const log = {
      mailId: mail.id,
      template: mail.template,
      outcome: verdict,
      attempts: verdict === 'suppressed' ? mail.attempts : mail.attempts + 1,
      smtpCode: outcome.smtpCode,
    };
    if (verdict === 'sent') this.#log.info(log, 'mail sent');
    else this.#log.warn({ ...log, smtpAnswer: outcome.smtpAnswer }, `mail ${verdict}`);
    this.#record(mail, {
      ...outcome,
      at,
      outcome: verdict,
      nextAttemptAt: next,
      durationMilliseconds: Math.round(performance.now() - started),
      messageId,
    });
  }

  /**
   * Records an attempt within 10 ms, together with every attempt that finishes meanwhile (one
   * statement for up to a group of them): recording keeps up with a pool of SMTP connections,
   * and on an embedded database, whose queries hold the event loop, it does not stall the sends.
   * What is left at the end of a round goes with the next claim (#recordRestAndClaimNext).
   */
  #record(claimed: ClaimedMail, outcome: MailAttemptOutcome): void {
    this.#unrecorded.push({ claimed, outcome });
    if (this.#unrecorded.length >= RECORD_GROUP) this.#startFlush();
    else this.#flushTimer ??= setTimeout(() => this.#startFlush(), RECORD_WAIT_MILLISECONDS);
  }

  #startFlush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (this.#flushing) return;
    this.#flushing = this.#flush().finally(() => {
      this.#flushing = null;
      // Attempts that finished after the last group was taken.
      if (this.#unrecorded.length > 0) this.#startFlush();
    });
  }

  async #flush(): Promise<void> {
    while (this.#unrecorded.length > 0) {
      const group = this.#unrecorded.splice(0);
      try {
        await this.#tracked(recordMailAttempts(this.#db, group));
      } catch (error) {
        // The leases expire and another round sends these again, with the same Message-IDs.
        this.#log.error(
          { err: error, mailIds: group.map((entry) => entry.claimed.id) },
          'recording mail attempts failed',
        );
      }
    }
  }

  async #send(
    mail: ClaimedMail,
    messageId: string,
  ): Promise<Pick<MailAttemptOutcome, 'outcome' | 'smtpCode' | 'smtpAnswer' | 'markUndeliverable'>> {
    const template = this.#templates.get(mail.template);
    if (!template) {
      return {
        outcome: 'failed',
        smtpCode: null,
        smtpAnswer: `unknown template ${mail.template}`,
        markUndeliverable: false,
      };
    }
    if (mail.undeliverable && !template.reachesUndeliverable) {
      return {
        outcome: 'suppressed',
        smtpCode: null,
        smtpAnswer: 'address marked undeliverable',
        markUndeliverable: false,
      };
    }
    const language = (KNOWN_LANGUAGES.has(mail.language) ? mail.language : 'en') as Language;
    let rendered: ReturnType<typeof renderMail>;
    try {
      rendered = renderMail(
        template,
        language,
        { ...mail.data, ...mail.secrets },
        {
          publicUrl: this.#publicUrl,
          mailId: mail.id,
        },
      );
    } catch (error) {
      this.#log.error({ err: error, mailId: mail.id, template: mail.template }, 'rendering a mail failed');
      return {
        outcome: 'failed',
        smtpCode: null,
        smtpAnswer: 'the template could not render this mail',
        markUndeliverable: false,
      };
    }
    try {
      const info = await this.#transport.sendMail({
        from: this.#config.from,
        to: mail.address,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId,
        headers: { 'Content-Language': language, ...rendered.headers },
        attachments: rendered.attachments,
      });
      const answer = typeof info.response === 'string' ? info.response : '';
      const code = Number(/^\d{3}/.exec(answer)?.[0] ?? 250);
      return {
        outcome: 'sent',
        smtpCode: code,
        smtpAnswer: redactAddresses(answer).slice(0, 500),
        markUndeliverable: false,
      };
    } catch (error) {
      const verdict = smtpVerdict(error);
      return {
        outcome: verdict.outcome,
        smtpCode: verdict.code,
        smtpAnswer: verdict.answer,
        markUndeliverable: verdict.markUndeliverable,
      };
    }
  }
}
