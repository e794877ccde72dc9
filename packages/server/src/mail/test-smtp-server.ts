import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the test server accepted, parsed by mailparser. */
export interface ReceivedMail {
  /** The envelope recipient. */
  to: string;
  parsed: ParsedMail;
  raw: string;
}

/**
 * Decides each recipient's answer: accept (`null`) or refuse with an SMTP code (`451`, `550`).
 * It sees the RCPT TO address and how many times that address was offered before.
 */
export type RecipientResponder = (address: string, previousOffers: number) => number | null;

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>` */
  url: string;
  received: ReceivedMail[];
  respond: RecipientResponder;
  /** Wait this long after a message's data before answering 250 (keeps mails in flight). */
  answerDelayMilliseconds: number;
  /** Every RCPT TO offered, refused or not. */
  offers: string[];
  /** Resolves once `count` messages were accepted (rejects after `timeoutMilliseconds`). */
  waitFor(count: number, timeoutMilliseconds?: number): Promise<void>;
  /** Forgets what was received and answers everyone again. */
  clear(): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server, no TLS, no auth) keeping every accepted message
 * parsed with mailparser, for tests and the mail benchmark.
 *
 * @example
 * const smtp = await startTestSmtpServer();
 * smtp.respond = (address, offers) => (offers === 0 ? 451 : null); // greylisting
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const waiters = new Set<() => void>();
  const state: TestSmtpServer = {
    url: '',
    received: [],
    offers: [],
    respond: () => null,
    answerDelayMilliseconds: 0,
    waitFor(count, timeoutMilliseconds = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (state.received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} mails, got ${state.received.length}`));
        }, timeoutMilliseconds);
        waiters.add(check);
        check();
      });
    },
    clear() {
      state.received.length = 0;
      state.offers.length = 0;
      state.respond = () => null;
      state.answerDelayMilliseconds = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const previous = state.offers.filter((offered) => offered === address.address).length;
      state.offers.push(address.address);
      const code = state.respond(address.address, previous);
      if (code === null) return callback();
      const error = Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
        responseCode: code,
      });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            for (const recipient of session.envelope.rcptTo) {
              state.received.push({ to: recipient.address, parsed, raw });
            }
            for (const waiter of [...waiters]) waiter();
            if (state.answerDelayMilliseconds > 0)
              setTimeout(() => callback(), state.answerDelayMilliseconds);
            else callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A client that dies mid-session (a killed process) resets its socket: not the server's failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}`;
  return state;
}
