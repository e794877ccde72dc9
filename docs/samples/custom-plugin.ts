// A plugin of your own: it receives the new client, may register hooks on `client.hook`, and returns
// the members it adds to the client (typed on the class that `WscClient.plugin` returns).
import { WscClient, type WscPlugin } from '@wsc/sdk';

/** Keeps the request id of every answer, to quote in a support ticket. */
export const requestLog: WscPlugin<{ requestIds: string[] }> = (client) => {
  const requestIds: string[] = [];
  client.hook.after((response) => {
    if (response.requestId) requestIds.push(response.requestId);
  });
  return { requestIds };
};

export async function customPlugin(baseURL = process.env.WSC_API_URL ?? 'http://localhost:8787') {
  const Client = WscClient.plugin(requestLog);
  const client = new Client({ baseURL });
  await client.standards.list({ limit: 1 });
  await client.coverage.get();
  return client.requestIds; // ['req_…', 'req_…']
}
