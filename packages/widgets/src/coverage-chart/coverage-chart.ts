import type { CoverageReport } from '@wsc/models';
import { define } from '../internal/define';
import { WscCoverageChart } from './coverage-chart.component';

export { WscCoverageChart };

define('wsc-coverage-chart', WscCoverageChart);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-coverage-chart': WscCoverageChart;
  }
  interface HTMLElementEventMap {
    'wsc-coverage-loaded': CustomEvent<{ report: CoverageReport }>;
  }
}
