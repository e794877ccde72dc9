import type { Event as CommunityEvent } from '@wsc/models';
import type { TokenProvider } from '@wsc/sdk';
import type { WscEventCard as WscEventCardElement } from '@wsc/widgets';
import type { ComponentProps, Ref } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type { WscEventCard, WscEventCardProps } from './index';

describe('<WscEventCard> types', () => {
  it('takes the element’s properties as props', () => {
    expectTypeOf<WscEventCardProps['event']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<WscEventCardProps['apiUrl']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<WscEventCardProps['publishableKey']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<WscEventCardProps['token']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<WscEventCardProps['getToken']>().toEqualTypeOf<TokenProvider | undefined>();
    expectTypeOf<WscEventCardProps['lang']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<WscEventCardProps>().toEqualTypeOf<ComponentProps<typeof WscEventCard>>();
  });

  it('types the event prop from the element’s event', () => {
    type Handler = NonNullable<WscEventCardProps['onWscEventLoaded']>;
    expectTypeOf<Parameters<Handler>[0]>().toEqualTypeOf<CustomEvent<{ event: CommunityEvent }>>();
    const onLoaded: Handler = (loaded) => {
      expectTypeOf(loaded.detail.event.startsAt).toEqualTypeOf<string>();
    };
    expectTypeOf(onLoaded).toBeFunction();
  });

  it('refers to the element through ref', () => {
    expectTypeOf<WscEventCardProps['ref']>().toEqualTypeOf<Ref<WscEventCardElement> | undefined>();
  });

  it('refuses wrong props', () => {
    // @ts-expect-error event is an id or slug, a string.
    const wrongEvent: WscEventCardProps = { event: 2016 };
    // @ts-expect-error the handler receives the loaded event, not a number.
    const wrongHandler: WscEventCardProps = { onWscEventLoaded: (loaded: number) => loaded };
    // @ts-expect-error no such event on the card.
    const unknownEvent: WscEventCardProps = { onWscVote: () => {} };
    expectTypeOf([wrongEvent, wrongHandler, unknownEvent]).toBeArray();
  });
});
