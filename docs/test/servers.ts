// Helpers of the documentation's tests: a free port, a fault-injecting proxy, reading a sample.
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const docsDirectory = fileURLToPath(new URL('..', import.meta.url));
export const samplesDirectory = fileURLToPath(new URL('../samples/', import.meta.url));
export const repositoryDirectory = fileURLToPath(new URL('../..', import.meta.url));

export function sample(name: string): string {
  return readFileSync(new URL(`../samples/${name}`, import.meta.url), 'utf8');
}

/** A free port on 127.0.0.1 (for a server whose URL must be known before it starts). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface FaultyProxy {
  url: string;
  /** Requests that reached the proxy, failed ones included. */
  requests: number;
  close(): Promise<void>;
}

/**
 * A proxy to `target` that answers the first `failures` requests with 503 itself (the injected
 * fault), then forwards every request unchanged.
 */
export async function faultyProxy(target: string, failures: number): Promise<FaultyProxy> {
  const targetUrl = new URL(target);
  const state = { requests: 0 };
  const server = createServer((incoming, outgoing) => {
    state.requests += 1;
    if (state.requests <= failures) {
      outgoing.writeHead(503, { 'content-type': 'application/problem+json' });
      outgoing.end(JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503 }));
      return;
    }
    const forwarded = httpRequest(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: targetUrl.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
