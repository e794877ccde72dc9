import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the stub received it. */
export interface StubRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type StubHandler = (request: StubRequest, response: ServerResponse, index: number) => void;

/** A scriptable `node:http` server on 127.0.0.1 for fault injection: the SDK meets a real socket. */
export interface StubServer {
  baseURL: string;
  requests: StubRequest[];
  /** Replaces the handler; `index` counts requests from 0 since the last `handle`. */
  handle(handler: StubHandler): void;
  close(): Promise<void>;
}

/**
 * Starts a stub server on a free port.
 *
 * @example
 * const stub = await startStubServer();
 * stub.handle((request, response) => sendJson(response, 200, { ok: true }));
 */
export async function startStubServer(): Promise<StubServer> {
  const requests: StubRequest[] = [];
  let handler: StubHandler = (_request, response) =>
    sendJson(response, 404, { title: 'Not Found', status: 404 });
  let count = 0;
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: StubRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      handler(request, response, count++);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
      count = 0;
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers with a JSON body and optional headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  response.writeHead(status, { 'content-type': contentType, 'x-request-id': 'req_stub', ...headers });
  response.end(JSON.stringify(body));
}

/** A pain point exactly as the v1 API serves it. */
export function painPointFixture(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'pp_1',
    slug: 'flooded-underpasses',
    title: { en: 'Flooded underpasses' },
    description: { en: 'Underpasses flood after every heavy rain.' },
    language: 'en',
    domain: 'water',
    city: 'Singapore',
    country: 'SG',
    severity: 'high',
    status: 'open',
    duplicateOf: null,
    voteCount: 3,
    commentCount: 0,
    authorId: 'acc_1',
    locked: false,
    sample: false,
    partnerId: null,
    createdAt: '2026-05-01T08:00:00.000Z',
    updatedAt: '2026-05-01T08:00:00.000Z',
    ...overrides,
  };
}
