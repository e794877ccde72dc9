import type { PainPointView, Registration } from '@wsc/models';
import type { WebhookDelivery } from '@wsc/models/partner';
import { describe, expectTypeOf, it } from 'vitest';
import type { ApiPromise } from '../api-promise';
import { WscClient } from '../client';
import type { PagePromise } from '../page-promise';
import type { WscResponse } from '../request';

const client = new WscClient({ baseURL: 'http://x' });

describe('the 1.0 contract of the resources', () => {
  it('returns the data, or the data with status, headers and request id', async () => {
    expectTypeOf(client.painPoints.get('pp_1')).toEqualTypeOf<ApiPromise<PainPointView>>();
    expectTypeOf(await client.painPoints.get('pp_1')).toEqualTypeOf<PainPointView>();
    const answer = await client.painPoints.get('pp_1').withResponse();
    expectTypeOf(answer).toEqualTypeOf<WscResponse<PainPointView>>();
    expectTypeOf(answer.requestId).toEqualTypeOf<string | undefined>();
    expectTypeOf(answer.headers).toEqualTypeOf<Record<string, string>>();
    expectTypeOf((await client.painPoints.list().withResponse()).data.data).toEqualTypeOf<PainPointView[]>();
    // Still usable wherever a Promise is expected.
    expectTypeOf(client.painPoints.get('pp_1')).toMatchTypeOf<Promise<PainPointView>>();
  });

  it('nests resources where the path is nested, one method per endpoint', () => {
    expectTypeOf(client.events.registrations.cancel('forum')).toEqualTypeOf<ApiPromise<Registration>>();
    expectTypeOf(client.painPoints.comments.list('pp_1')).toMatchTypeOf<PagePromise<{ body: string }>>();
    expectTypeOf(client.webhookEndpoints.deliveries.list('we_1')).toEqualTypeOf<
      PagePromise<WebhookDelivery>
    >();
    // @ts-expect-error `events.cancel` read as cancelling the event: it is `events.registrations.cancel`.
    client.events.cancel('forum');
    // @ts-expect-error the discussion is listed through `painPoints.comments.list` only.
    client.comments.list('pp_1');
    // @ts-expect-error one verb everywhere: `comments.update`.
    client.comments.edit('c_1', { body: 'x' });
  });

  it('needs a limit to collect a list', () => {
    client.standards.list().toArray({ limit: 100 });
    // @ts-expect-error a limit is required.
    client.standards.list().toArray();
  });
});
