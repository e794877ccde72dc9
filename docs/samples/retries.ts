// @wsc/plugin-retry tries again after a dropped connection, a timeout, a 429 or a 5xx, with jittered
// exponential backoff, honouring Retry-After. Writes are retried safely: each carries an Idempotency-Key.
import { retry } from '@wsc/plugin-retry';
import { WscClient } from '@wsc/sdk';

export async function retries(baseURL = process.env.WSC_API_URL ?? 'http://localhost:8787') {
  const Client = WscClient.plugin(retry);
  const client = new Client({ baseURL, retry: { retries: 3, maxElapsed: 10_000 } });

  const page = await client.standards.list({ limit: 5 });

  // Per call: this one is tried once, whatever happens.
  const once = await client.standards.list({ limit: 1 }, { retry: { retries: 0 } });

  return { standards: page.data, once: once.data };
}
