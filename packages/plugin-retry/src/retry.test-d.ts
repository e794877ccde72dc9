import { WscClient } from '@wsc/sdk';
import { describe, expectTypeOf, it } from 'vitest';
import { type RetryOptions, retry } from './index';

describe('retry plugin types', () => {
  it('adds a typed `retry` option to the client and to every call', () => {
    const client = new (WscClient.plugin(retry))({ baseURL: 'http://x', retry: { retries: 2 } });
    client.painPoints.get('pp_1', { retry: { retries: 0 } });
    client.painPoints.list({ domain: 'water' }, { retry: { maxElapsed: 5_000 } });
    expectTypeOf<Parameters<typeof client.painPoints.get>[1]>().toMatchTypeOf<
      { retry?: RetryOptions } | undefined
    >();
    // @ts-expect-error retries is a number.
    client.painPoints.get('pp_1', { retry: { retries: 'none' } });
  });
});
