// Registers the back end's webhook endpoint with the community, once: the endpoint is found by
// its URL through the SDK, else created. Its signing secret is shown only when it is created, so
// it is kept in a file of the data folder; when that file is lost, the endpoint is recreated.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WEBHOOK_EVENT_TYPES } from '@wsc/models';
import { NotFoundError } from '@wsc/sdk';

const SECRET_FILE = 'webhook-endpoint.json';

/**
 * @typedef {object} RegisteredEndpoint
 * @property {string} id
 * @property {string} url
 * @property {string} secret the `whsec_…` signing secret.
 * @property {'found' | 'created' | 'recreated'} status what registration did.
 */

/** @param {unknown} error */
function ignoreNotFound(error) {
  if (!(error instanceof NotFoundError)) throw error;
}

/** @param {string} file @returns {Promise<{ id: string, url: string, secret: string } | undefined>} */
async function readSaved(file) {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8'));
    return typeof saved?.id === 'string' && typeof saved?.secret === 'string' ? saved : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds the endpoint for `url` or creates it, for every event type, and returns its secret.
 *
 * @param {import('@wsc/sdk').WscClient} client a client with the partner's secret key.
 * @param {{ url: string, dataDirectory: string }} options
 * @returns {Promise<RegisteredEndpoint>}
 * @example
 * const endpoint = await registerWebhookEndpoint(client, { url: 'http://localhost:5175/webhooks', dataDirectory });
 * webhooks.verify(body, headers, endpoint.secret);
 */
export async function registerWebhookEndpoint(client, { url, dataDirectory }) {
  const file = join(dataDirectory, SECRET_FILE);
  const saved = await readSaved(file);
  /** @type {import('@wsc/models/partner').WebhookEndpoint | undefined} */
  let existing;
  for await (const endpoint of client.webhookEndpoints.list({ limit: 100 })) {
    if (endpoint.url === url) {
      existing = endpoint;
      break;
    }
  }
  if (existing && saved?.id === existing.id)
    return { id: existing.id, url, secret: saved.secret, status: 'found' };
  // The back end moved (another port or host): its old endpoint would fail every delivery for days.
  if (saved && saved.url !== url) await client.webhookEndpoints.delete(saved.id).catch(ignoreNotFound);
  // Registered, but its secret is not ours any more (the data folder was emptied): without the
  // secret no delivery can be verified, so the endpoint is replaced by a new one.
  if (existing) await client.webhookEndpoints.delete(existing.id);
  const created = await client.webhookEndpoints.create({
    url,
    eventTypes: [...WEBHOOK_EVENT_TYPES],
    description: 'Sample partner back end (apps/partner-backend)',
  });
  await mkdir(dataDirectory, { recursive: true });
  // Written beside, then renamed: a crash never leaves half a secret behind.
  await writeFile(
    `${file}.tmp`,
    `${JSON.stringify({ id: created.id, url, secret: created.secret }, null, 2)}\n`,
    {
      mode: 0o600,
    },
  );
  await rename(`${file}.tmp`, file);
  return { id: created.id, url, secret: created.secret, status: existing ? 'recreated' : 'created' };
}
