import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import * as React from 'react';

/** A wrapper's event props: each names an event of the element, typed through `HTMLElementEventMap`. */
export type EventMap = Readonly<Record<`on${string}`, keyof HTMLElementEventMap>>;

/** The typed event names `@lit/react` wants: `onWscEventLoaded` → the `wsc-event-loaded` event's type. */
export type EventNames<Events extends EventMap> = {
  -readonly [Prop in keyof Events]: EventName<HTMLElementEventMap[Events[Prop] & keyof HTMLElementEventMap]>;
};

/**
 * The React component of a community element `Element`: its properties as props (`event`,
 * `apiUrl`, `publishableKey`, `token`, `getToken`…), the HTML attributes of any element, a `ref`
 * to the element, and one typed callback prop per event of `Events`.
 */
export type WscComponent<Element extends HTMLElement, Events extends EventMap> = ReactWebComponent<
  Element,
  EventNames<Events>
>;

/** `wsc-event-card` → `WscEventCard`, the name React's developer tools show. */
function displayName(tagName: string): string {
  return tagName.replace(/(?:^|-)([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * Wraps a community element for React: properties are set as properties (objects and functions
 * too, not stringified attributes) and each `on…` prop of `events` listens to its element event.
 * The element class is imported from its `@wsc/widgets/elements/…` module, which defines the tag.
 *
 * @example
 * import { WscEventCard as Element } from '@wsc/widgets/elements/event-card';
 *
 * export const WscEventCard = wrap('wsc-event-card', Element, { onWscEventLoaded: 'wsc-event-loaded' });
 */
export function wrap<Element extends HTMLElement, const Events extends EventMap>(
  tagName: keyof HTMLElementTagNameMap,
  elementClass: new () => Element,
  events: Events,
): WscComponent<Element, Events> {
  return createComponent<Element, EventNames<Events>>({
    react: React,
    tagName,
    elementClass,
    // The map's values are the event names; their types live only in EventNames.
    events: events as unknown as EventNames<Events>,
    displayName: displayName(tagName),
  });
}
