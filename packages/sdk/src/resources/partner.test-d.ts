import { describe, expectTypeOf, it } from 'vitest';
import { WscClient } from '../client';
import type { PartnerAccountPageParams, PartnerStatsParams } from '../index';

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

describe('partner.setAccountPage types', () => {
  it('takes a URL or null, and answers the partner with its page', () => {
    const client = new WscClient({ baseURL: 'http://x' });
    expectTypeOf<PartnerAccountPageParams>().toEqualTypeOf<{ url: string | null }>();
    expectTypeOf(client.partner.setAccountPage)
      .returns.resolves.toHaveProperty('accountPageUrl')
      .toEqualTypeOf<string | null>();
    // @ts-expect-error the URL is required: send null to go back to the community's pages.
    client.partner.setAccountPage({});
  });
});

describe('me.update types', () => {
  it('takes the current password beside a new address', () => {
    const client = new WscClient({ baseURL: 'http://x' });
    client.me.update({ email: 'ada@example.org', currentPassword: 'correct horse battery staple' });
    // @ts-expect-error the password is text.
    client.me.update({ email: 'ada@example.org', currentPassword: 42 });
  });
});
