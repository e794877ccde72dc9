import type { Tracer } from '@opentelemetry/api';
import { retry } from '@wsc/plugin-retry';
import { WscClient } from '@wsc/sdk';
import { describe, expectTypeOf, it } from 'vitest';
import { telemetry } from './telemetry';

describe('telemetry plugin types', () => {
  it('composes with retry: both option sets are accepted and checked', () => {
    const Client = WscClient.plugin(retry, telemetry);
    const client = new Client({
      baseURL: 'http://x',
      retry: { retries: 2, maxElapsed: 10_000 },
      telemetry: { tracer: {} as Tracer, propagate: false },
    });
    expectTypeOf(client).toExtend<WscClient>();
    expectTypeOf(client.painPoints.get).returns.resolves.toHaveProperty('voteCount');
    // @ts-expect-error retries is a number.
    new Client({ baseURL: 'http://x', retry: { retries: 'three' } });
    // @ts-expect-error propagate is a boolean.
    new Client({ baseURL: 'http://x', telemetry: { propagate: 'yes' } });
  });
});
