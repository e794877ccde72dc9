import { WscEventRegistration as WscEventRegistrationElement } from '@wsc/widgets/elements/event-registration';
import type { ComponentProps } from 'react';
import { wrap } from './wrap.js';

/**
 * `<wsc-event-registration>` for React: registering for a community event (seats left live, the
 * registration window, eligibility, joining the community in the same step when signed out, the
 * waitlist, cancelling, an `.ics` download). `onWscRegistered`, `onWscCancelled` receive its
 * events, typed.
 *
 * @example
 * <WscEventRegistration event="world-smart-city-forum-2016" onWscRegistered={(registered) => console.log(registered.detail)} />
 */
export const WscEventRegistration = /* @__PURE__ */ wrap(
  'wsc-event-registration',
  WscEventRegistrationElement,
  {
    onWscRegistered: 'wsc-registered',
    onWscCancelled: 'wsc-cancelled',
  },
);

/** The props of {@link WscEventRegistration}. */
export type WscEventRegistrationProps = ComponentProps<typeof WscEventRegistration>;
