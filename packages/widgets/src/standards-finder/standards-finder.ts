import type { StandardListParams } from '@wsc/sdk';
import { define } from '../internal/define';
import { WscStandardsFinder } from './standards-finder.component';

export { WscStandardsFinder };

define('wsc-standards-finder', WscStandardsFinder);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-standards-finder': WscStandardsFinder;
  }
  interface HTMLElementEventMap {
    'wsc-standards-search': CustomEvent<{ params: StandardListParams; count: number }>;
  }
}
