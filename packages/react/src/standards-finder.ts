import { WscStandardsFinder as WscStandardsFinderElement } from '@wsc/widgets/elements/standards-finder';
import type { ComponentProps } from 'react';
import { wrap } from './wrap.js';

/**
 * `<wsc-standards-finder>` for React: searches the IEC, ISO and ITU standards catalogue by body,
 * committee, domain and words, with the pain points each standard addresses.
 * `onWscStandardsSearch` receives its event, typed.
 *
 * @example
 * <WscStandardsFinder onWscStandardsSearch={(search) => console.log(search.detail.count)} />
 */
export const WscStandardsFinder = /* @__PURE__ */ wrap('wsc-standards-finder', WscStandardsFinderElement, {
  onWscStandardsSearch: 'wsc-standards-search',
});

/** The props of {@link WscStandardsFinder}. */
export type WscStandardsFinderProps = ComponentProps<typeof WscStandardsFinder>;
