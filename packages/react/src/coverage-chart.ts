import { WscCoverageChart as WscCoverageChartElement } from '@wsc/widgets/elements/coverage-chart';
import type { ComponentProps } from 'react';
import { wrap } from './wrap.js';

/**
 * `<wsc-coverage-chart>` for React: the gap report as a chart (how well the standards cover the
 * open pain points, per domain and body), with a table equivalent. `onWscCoverageLoaded` receives
 * its event, typed.
 *
 * @example
 * <WscCoverageChart onWscCoverageLoaded={(loaded) => console.log(loaded.detail.report)} />
 */
export const WscCoverageChart = /* @__PURE__ */ wrap('wsc-coverage-chart', WscCoverageChartElement, {
  onWscCoverageLoaded: 'wsc-coverage-loaded',
});

/** The props of {@link WscCoverageChart}. */
export type WscCoverageChartProps = ComponentProps<typeof WscCoverageChart>;
