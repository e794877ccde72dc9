import { describe, expectTypeOf, it } from 'vitest';
import { WscClient } from '../client';
import type { PartnerStatsParams } from '../index';

describe('partner.stats types', () => {
  it('takes an optional window of ISO strings, then the request options', () => {
    const client = new WscClient({ baseURL: 'http://x' });
    expectTypeOf(client.partner.stats).parameter(0).toEqualTypeOf<PartnerStatsParams | undefined>();
    expectTypeOf<PartnerStatsParams>().toEqualTypeOf<{
      from?: string | undefined;
      to?: string | undefined;
    }>();
    expectTypeOf(client.partner.stats)
      .returns.resolves.toHaveProperty('registrations')
      .toEqualTypeOf<number>();
    // @ts-expect-error a Date is not sent as ISO text by itself: pass date.toISOString().
    client.partner.stats({ from: new Date() });
  });
});
