/**
 * Defines a custom element unless the page already has one of that name. A second copy of the
 * widgets on a page (the embed script twice, or the script beside an npm build) then leaves the
 * first copy's elements in place instead of throwing `NotSupportedError`.
 *
 * @example
 * define('wsc-event-card', WscEventCard);
 */
export function define(tagName: string, element: CustomElementConstructor): void {
  if (!customElements.get(tagName)) customElements.define(tagName, element);
}
