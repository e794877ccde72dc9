import { define } from '../internal/define';
import { WscStakeholderDirectory } from './stakeholder-directory.component';

export { WscStakeholderDirectory };

define('wsc-stakeholder-directory', WscStakeholderDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-stakeholder-directory': WscStakeholderDirectory;
  }
}
