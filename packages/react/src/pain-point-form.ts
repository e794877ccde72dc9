import { WscPainPointForm as WscPainPointFormElement } from '@wsc/widgets/elements/pain-point-form';
import type { ComponentProps } from 'react';
import { wrap } from './wrap.js';

/**
 * `<wsc-pain-point-form>` for React: reports a pain point; the server's field errors show at their
 * fields. `onWscPainPointCreated` receives its event, typed.
 *
 * @example
 * <WscPainPointForm onWscPainPointCreated={(created) => navigate(`/pain-points/${created.detail.painPoint.id}`)} />
 */
export const WscPainPointForm = /* @__PURE__ */ wrap('wsc-pain-point-form', WscPainPointFormElement, {
  onWscPainPointCreated: 'wsc-pain-point-created',
});

/** The props of {@link WscPainPointForm}. */
export type WscPainPointFormProps = ComponentProps<typeof WscPainPointForm>;
