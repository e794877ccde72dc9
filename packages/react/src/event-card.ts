import { WscEventCard as WscEventCardElement } from '@wsc/widgets/elements/event-card';
import type { ComponentProps } from 'react';
import { wrap } from './wrap.js';

/**
 * `<wsc-event-card>` for React: a community event, when it happens in the reader's time zone,
 * and where. `onWscEventLoaded` receives the event as the API answered it.
 *
 * @example
 * <WscEventCard event="world-smart-city-forum-2016" onWscEventLoaded={(loaded) => setTitle(loaded.detail.event.name.en)} />
 */
export const WscEventCard = /* @__PURE__ */ wrap('wsc-event-card', WscEventCardElement, {
  onWscEventLoaded: 'wsc-event-loaded',
});

/** The props of {@link WscEventCard}. */
export type WscEventCardProps = ComponentProps<typeof WscEventCard>;
