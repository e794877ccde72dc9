import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a {@link TestReceiver} got, and the status it answered. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  /** True when the answer was fully written (the sender did not hang up first). */
  answered: boolean;
}

/** Decides each answer: a status, or `'hang'` to never answer. */
export type Responder = (request: { headers: IncomingHttpHeaders; body: string }) => number | 'hang';

export interface TestReceiver {
  url: string;
  received: ReceivedWebhook[];
  respond: Responder;
  /** Resolves once `count` requests arrived (rejects after `timeoutMilliseconds`). */
  waitFor(count: number, timeoutMilliseconds?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP webhook receiver on 127.0.0.1 for tests (servers need `webhookAllowPrivate`).
 *
 * @example
 * const receiver = await startTestReceiver();
 * receiver.respond = () => 500;
 */
export async function startTestReceiver(): Promise<TestReceiver> {
  const waiters = new Set<() => void>();
  const receiver: TestReceiver = {
    url: '',
    received: [],
    respond: () => 200,
    waitFor(count, timeoutMilliseconds = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (receiver.received.length >= count) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} webhooks, got ${receiver.received.length}`));
        }, timeoutMilliseconds);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = receiver.respond({ headers: request.headers, body });
      const entry: ReceivedWebhook = {
        headers: request.headers,
        body,
        status: status === 'hang' ? 0 : status,
        answered: false,
      };
      receiver.received.push(entry);
      for (const waiter of [...waiters]) waiter();
      if (status === 'hang') return;
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end('ok', () => {
        entry.answered = true;
      });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const close = receiver.close;
  receiver.close = () => {
    server.closeAllConnections();
    return close();
  };
  return receiver;
}
