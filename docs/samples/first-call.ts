// A first call: three standards of the water domain, in French. Public content needs no key.
import { WscClient } from '@wsc/sdk';

export async function firstCall(baseURL = process.env.WSC_API_URL ?? 'http://localhost:8787') {
  const client = new WscClient({ baseURL, locale: 'fr' });

  const standards = await client.standards.list({ domain: 'water', limit: 3 });
  for (const standard of standards.data) {
    console.log(standard.reference, standard.title.fr ?? standard.title.en);
  }
  return standards.data;
}
