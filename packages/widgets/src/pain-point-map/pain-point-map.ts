import { define } from '../internal/define';
import { type CountrySelectDetail, WscPainPointMap } from './pain-point-map.component';

export { type CountrySelectDetail, WscPainPointMap };

define('wsc-pain-point-map', WscPainPointMap);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-pain-point-map': WscPainPointMap;
  }
  interface HTMLElementEventMap {
    'wsc-country-select': CustomEvent<CountrySelectDetail>;
  }
}
