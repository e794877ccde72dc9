import { define } from '../internal/define';
import { type PainPointCreatedDetail, WscPainPointForm } from './pain-point-form.component';

export { type PainPointCreatedDetail, WscPainPointForm };

define('wsc-pain-point-form', WscPainPointForm);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-pain-point-form': WscPainPointForm;
  }
  interface HTMLElementEventMap {
    'wsc-pain-point-created': CustomEvent<PainPointCreatedDetail>;
  }
}
