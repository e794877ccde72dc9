import { describe, expectTypeOf, it } from 'vitest';
import { WscClient } from './client';
import { isKnownWebhookEvent, type UnknownWebhookEvent, type WebhookEvent } from './index';
import type { WscPlugin } from './options';
import type { PagePromise } from './page-promise';

declare module './options' {
  interface ClientOptions {
    /** Added by the test plugin below, as a real plugin package would. */
    greeting?: { word: string };
  }
}

const greeting = (_client: WscClient, options: { greeting?: { word: string } }) => ({
  greet: (): string => options.greeting?.word ?? 'hello',
});
const counter = () => ({ count: 0 as number });
const silent: WscPlugin = () => {};

describe('plugin composition types', () => {
  it('merges the additions of every plugin into the instance type', () => {
    const Extended = WscClient.plugin(greeting, counter, silent);
    const client = new Extended({ baseURL: 'http://x', greeting: { word: 'hi' } });
    expectTypeOf(client.greet).toEqualTypeOf<() => string>();
    expectTypeOf(client.count).toEqualTypeOf<number>();
    expectTypeOf(client).toMatchTypeOf<WscClient>();
    const Twice = Extended.plugin(() => ({ third: true as const }));
    expectTypeOf(new Twice({ baseURL: 'http://x' }).third).toEqualTypeOf<true>();
    expectTypeOf(new Twice({ baseURL: 'http://x' }).greet).toEqualTypeOf<() => string>();
  });

  it('leaves the base client without the additions', () => {
    const client = new WscClient({ baseURL: 'http://x' });
    // @ts-expect-error greet only exists on the extended class.
    client.greet();
  });

  it('checks augmented plugin options', () => {
    // @ts-expect-error word must be a string.
    new WscClient({ baseURL: 'http://x', greeting: { word: 3 } });
  });
});

describe('resource types', () => {
  const client = new WscClient({ baseURL: 'http://x' });

  it('types list params and results from @wsc/models', () => {
    const list = client.painPoints.list({ domain: 'water', sort: 'top' });
    expectTypeOf(list).toEqualTypeOf<PagePromise<import('@wsc/models').PainPointView>>();
    // @ts-expect-error 'oceans' is not a domain.
    client.painPoints.list({ domain: 'oceans' });
    // @ts-expect-error IEEE is not one of the standards bodies.
    client.standards.list({ body: 'IEEE' });
  });

  it('types bodies and answers', async () => {
    const created = await client.painPoints.create({
      title: { en: 'x' },
      description: { en: 'y' },
      domain: 'energy',
    });
    expectTypeOf(created.voteCount).toEqualTypeOf<number>();
    // @ts-expect-error domain is required.
    client.painPoints.create({ title: { en: 'x' }, description: { en: 'y' } });
    // @ts-expect-error the session answer has no refreshToken.
    (await client.auth.login({ email: 'a@b.c', password: 'p' })).refreshToken;
    expectTypeOf(await client.events.calendar('x')).toEqualTypeOf<string>();
    const page = await client.standards.list();
    expectTypeOf(page.nextCursor).toEqualTypeOf<string | null>();
    for await (const standard of client.standards.list())
      expectTypeOf(standard.reference).toEqualTypeOf<string>();
  });

  it('types live topics and payloads', () => {
    client.live.subscribe(['votes', 'pain-points/pp_1', 'events/world-smart-city-forum-2016'], (event) => {
      expectTypeOf(event).toEqualTypeOf<WebhookEvent | UnknownWebhookEvent>();
      if (!isKnownWebhookEvent(event)) {
        expectTypeOf(event.type).toEqualTypeOf<string>();
        return;
      }
      if (event.type === 'pain_point.voted') expectTypeOf(event.data.voteCount).toEqualTypeOf<number>();
      if (event.type === 'event.updated') expectTypeOf(event.data.changed).toEqualTypeOf<string[]>();
    });
    // @ts-expect-error topics are collections such as 'votes', not event types.
    client.live.subscribe('pain_point.voted', () => {});
  });
});
