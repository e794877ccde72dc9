// A webhook receiver on node:http: verify the signature on the raw body with the SDK, then act on
// the events you know and acknowledge every one with a 2xx (otherwise it is retried for a day).
import { createServer } from 'node:http';
import { isKnownWebhookEvent, type WebhookEvent } from '@wsc/sdk';
import { webhooks } from '@wsc/sdk/node';

export function webhookReceiver(
  onEvent: (event: WebhookEvent) => void,
  secret = process.env.WSC_WEBHOOK_SECRET ?? '',
) {
  return createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let event: ReturnType<typeof webhooks.verify>;
    try {
      event = webhooks.verify(Buffer.concat(chunks), request.headers, secret);
    } catch {
      response.writeHead(400).end(); // not signed with our secret, too old, or not an event
      return;
    }
    if (isKnownWebhookEvent(event)) onEvent(event);
    response.writeHead(204).end();
  });
}
