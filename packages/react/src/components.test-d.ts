import type { Event as CommunityEvent } from '@wsc/models';
import type { TokenProvider } from '@wsc/sdk';
import type {
  CountrySelectDetail,
  MailPreferencesSavedDetail,
  PainPointCreatedDetail,
  PainPointVoteDetail,
  RegistrationEventDetail,
  WscEventCard as WscEventCardElement,
} from '@wsc/widgets';
import type { ComponentProps, Ref } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  WscCoverageChartProps,
  WscEventCard,
  WscEventCardProps,
  WscEventRegistrationProps,
  WscMailPreferencesProps,
  WscPainPointBoardProps,
  WscPainPointFormProps,
  WscPainPointMapProps,
  WscStakeholderDirectoryProps,
  WscStandardsFinderProps,
} from './index';

/** The event a component's callback prop receives. */
type EventOf<Handler> = NonNullable<Handler> extends (event: infer Received) => void ? Received : never;

describe('component types', () => {
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

  it('types the other components’ props and events from their elements', () => {
    expectTypeOf<WscPainPointBoardProps['pageSize']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<WscPainPointBoardProps['infinite']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<EventOf<WscPainPointBoardProps['onWscVote']>>().toEqualTypeOf<
      CustomEvent<PainPointVoteDetail>
    >();
    expectTypeOf<EventOf<WscPainPointBoardProps['onWscOpen']>>().toEqualTypeOf<
      HTMLElementEventMap['wsc-open']
    >();
    expectTypeOf<EventOf<WscPainPointBoardProps['onWscComment']>>().toEqualTypeOf<
      HTMLElementEventMap['wsc-comment']
    >();
    expectTypeOf<EventOf<WscPainPointFormProps['onWscPainPointCreated']>>().toEqualTypeOf<
      CustomEvent<PainPointCreatedDetail>
    >();
    expectTypeOf<EventOf<WscPainPointMapProps['onWscCountrySelect']>>().toEqualTypeOf<
      CustomEvent<CountrySelectDetail>
    >();
    expectTypeOf<EventOf<WscCoverageChartProps['onWscCoverageLoaded']>>().toEqualTypeOf<
      HTMLElementEventMap['wsc-coverage-loaded']
    >();
    expectTypeOf<EventOf<WscStandardsFinderProps['onWscStandardsSearch']>>().toEqualTypeOf<
      HTMLElementEventMap['wsc-standards-search']
    >();
    expectTypeOf<WscEventRegistrationProps['event']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<EventOf<WscEventRegistrationProps['onWscRegistered']>>().toEqualTypeOf<
      CustomEvent<RegistrationEventDetail>
    >();
    expectTypeOf<EventOf<WscEventRegistrationProps['onWscCancelled']>>().toEqualTypeOf<
      CustomEvent<RegistrationEventDetail>
    >();
    expectTypeOf<EventOf<WscMailPreferencesProps['onWscMailPreferencesSaved']>>().toEqualTypeOf<
      CustomEvent<MailPreferencesSavedDetail>
    >();
    expectTypeOf<WscMailPreferencesProps['getToken']>().toEqualTypeOf<TokenProvider | undefined>();
    expectTypeOf<WscStakeholderDirectoryProps['publishableKey']>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error the directory dispatches no event of that name.
    const noEvent: WscStakeholderDirectoryProps = { onWscVote: () => {} };
    expectTypeOf(noEvent).toBeObject();
  });
});
