// Live updates: Server-Sent Events read with fetch streaming, reconnecting and resuming by itself.
// Each update is a typed WebhookEvent; a type added after this SDK version arrives unknown.
import { isKnownWebhookEvent, WscClient } from '@wsc/sdk';

export function followVotes(
  onVote: (painPointId: string, voteCount: number) => void,
  baseURL = process.env.WSC_API_URL ?? 'http://localhost:8787',
) {
  const client = new WscClient({ baseURL });
  const subscription = client.live.subscribe(['votes'], (event) => {
    if (!isKnownWebhookEvent(event)) return; // `event.type` says which newer type it is
    if (event.type === 'pain_point.voted') onVote(event.data.painPointId, event.data.voteCount);
  });
  return () => subscription.close();
}
