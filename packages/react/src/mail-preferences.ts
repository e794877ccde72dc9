import { WscMailPreferences as WscMailPreferencesElement } from '@wsc/widgets/elements/mail-preferences';
import type { ComponentProps } from 'react';
import { wrap } from './wrap.js';

/**
 * `<wsc-mail-preferences>` for React: the e-mail the community sends the signed-in member (the
 * address and whether it is confirmed, moderation notices, the weekly digest and its domains), for
 * an account page. `onWscMailPreferencesSaved` receives the preferences as saved.
 *
 * @example
 * <WscMailPreferences getToken={() => session.wscToken()} onWscMailPreferencesSaved={(saved) => track(saved.detail.preferences.digest)} />
 */
export const WscMailPreferences = /* @__PURE__ */ wrap('wsc-mail-preferences', WscMailPreferencesElement, {
  onWscMailPreferencesSaved: 'wsc-mail-preferences-saved',
});

/** The props of {@link WscMailPreferences}. */
export type WscMailPreferencesProps = ComponentProps<typeof WscMailPreferences>;
