import type { PainPointCountryCounts } from '@wsc/models';
import { describe, expectTypeOf, it } from 'vitest';
import type { ApiPromise } from '../api-promise';
import { WscClient } from '../client';
import type { PainPointCountriesParams } from '../index';

describe('painPoints.countries types', () => {
  it('takes the optional domain and status filters, then the request options', () => {
    const client = new WscClient({ baseURL: 'http://x' });
    expectTypeOf(client.painPoints.countries)
      .parameter(0)
      .toEqualTypeOf<PainPointCountriesParams | undefined>();
    expectTypeOf(client.painPoints.countries()).toEqualTypeOf<ApiPromise<PainPointCountryCounts>>();
    expectTypeOf<PainPointCountryCounts['data'][number]>().toEqualTypeOf<{
      country: string;
      count: number;
    }>();
    client.painPoints.countries({ domain: 'water', status: 'open' });
    // @ts-expect-error requests stay strict: an unknown domain is refused before it is sent.
    client.painPoints.countries({ domain: 'moon' });
    // @ts-expect-error the counts take no list paging.
    client.painPoints.countries({ limit: 10 });
  });
});
