// The same with the SDK, from the partner's back end: register the endpoint, keep its secret.
import { WscClient } from '@wsc/sdk';

export async function registerEndpoint(
  url: string,
  secretKey = process.env.WSC_SECRET_KEY,
  baseURL = process.env.WSC_API_URL ?? 'http://localhost:8787',
) {
  const client = new WscClient({ baseURL, secretKey });
  const endpoint = await client.webhookEndpoints.create({
    url,
    eventTypes: ['pain_point.voted', 'registration.created'],
  });
  return { id: endpoint.id, secret: endpoint.secret }; // store the whsec_… secret: it is shown once
}
