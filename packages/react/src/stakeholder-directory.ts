import { WscStakeholderDirectory as WscStakeholderDirectoryElement } from '@wsc/widgets/elements/stakeholder-directory';
import type { ComponentProps } from 'react';
import { wrap } from './wrap.js';

/**
 * `<wsc-stakeholder-directory>` for React: the community's stakeholders, searched by name, role,
 * country and organisation.
 *
 * @example
 * <WscStakeholderDirectory lang="es" />
 */
export const WscStakeholderDirectory = /* @__PURE__ */ wrap(
  'wsc-stakeholder-directory',
  WscStakeholderDirectoryElement,
  {},
);

/** The props of {@link WscStakeholderDirectory}. */
export type WscStakeholderDirectoryProps = ComponentProps<typeof WscStakeholderDirectory>;
