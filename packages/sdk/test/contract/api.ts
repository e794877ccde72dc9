// What the contract tests share: the real @wsc/server on a listening socket, and failures caught as WscError.
import type { AddressInfo } from 'node:net';
import { createTestServer, type TestServer } from '@wsc/server/test-support';
import { WscError } from '../../src/errors/wsc-error';

/** PostgreSQL when TEST_DATABASE_URL is set, PGlite otherwise. */
export const kind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * Starts @wsc/server in-process on 127.0.0.1 and answers it with its base URL.
 *
 * @example
 * beforeAll(async () => ({ app, baseURL } = await startApi()), 120_000);
 */
export async function startApi(
  options: Omit<Parameters<typeof createTestServer>[0] & object, 'kind'> = {},
): Promise<{ app: TestServer; baseURL: string }> {
  const app = await createTestServer({ ...options, kind });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, baseURL: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/**
 * The WscError a promise rejects with; throws if it resolves or rejects with anything else.
 *
 * @example
 * expect(await failure(client.painPoints.get('nope'))).toBeInstanceOf(NotFoundError);
 */
export async function failure(promise: Promise<unknown>): Promise<WscError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!WscError.is(error)) throw new Error(`expected a WscError, got ${String(error)}`);
  return error;
}
