// Lists come in pages of `{ data, nextCursor }`: walk them by hand, with `for await`, or collect a
// bounded number with `toArray({ limit })`.
import { WscClient } from '@wsc/sdk';

export async function pagination(baseURL = process.env.WSC_API_URL ?? 'http://localhost:8787') {
  const client = new WscClient({ baseURL });

  // One page at a time: pass `nextCursor` back with the same filters.
  const first = await client.standards.list({ body: 'ISO', limit: 10 });
  const second = first.nextCursor
    ? await client.standards.list({ body: 'ISO', limit: 10, cursor: first.nextCursor })
    : undefined;

  // Every item, fetching pages as the loop needs them.
  let isoStandards = 0;
  for await (const standard of client.standards.list({ body: 'ISO' })) {
    if (standard.body === 'ISO') isoStandards += 1;
  }

  // At most 25 of the most-voted pain points, across pages (the limit is required).
  const top = await client.painPoints.list({ sort: 'top' }).toArray({ limit: 25 });

  return { first: first.data, second: second?.data ?? [], isoStandards, top };
}
