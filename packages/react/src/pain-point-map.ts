import { WscPainPointMap as WscPainPointMapElement } from '@wsc/widgets/elements/pain-point-map';
import type { ComponentProps } from 'react';
import { wrap } from './wrap.js';

/**
 * `<wsc-pain-point-map>` for React: pain points by country on a world map, with the same counts as
 * a table. `onWscCountrySelect` receives its event, typed.
 *
 * @example
 * <WscPainPointMap onWscCountrySelect={(selected) => setCountry(selected.detail.country)} />
 */
export const WscPainPointMap = /* @__PURE__ */ wrap('wsc-pain-point-map', WscPainPointMapElement, {
  onWscCountrySelect: 'wsc-country-select',
});

/** The props of {@link WscPainPointMap}. */
export type WscPainPointMapProps = ComponentProps<typeof WscPainPointMap>;
