// @wsc/widgets: the community's web components. Import an element's module to define it
// (`@wsc/widgets/elements/event-card`), `@wsc/widgets/define` for all of them, or include the
// embed script (`/embed/v1/wsc.js`) which fetches each element's code only when it is on the page.

export { LANGUAGES, type Language } from '@wsc/models';
export { WscCoverageChart } from './coverage-chart/coverage-chart.component';
export { WscEventCard } from './event-card/event-card.component';
export {
  type RegistrationEventDetail,
  WscEventRegistration,
} from './event-registration/event-registration.component';
export { configure, type WidgetConfig } from './internal/config';
export {
  type MailPreferencesSavedDetail,
  WscMailPreferences,
} from './mail-preferences/mail-preferences.component';
export {
  type PainPointCommentDetail,
  type PainPointOpenDetail,
  type PainPointVoteDetail,
  WscPainPointBoard,
} from './pain-point-board/pain-point-board.component';
export { type PainPointCreatedDetail, WscPainPointForm } from './pain-point-form/pain-point-form.component';
export { type CountrySelectDetail, WscPainPointMap } from './pain-point-map/pain-point-map.component';
export { openSignIn, type SignInOptions, signOut } from './sign-in/open-sign-in';
export { type JoinHandler, type SignInMode, WscSignInDialog } from './sign-in/sign-in-dialog.component';
export { WscStakeholderDirectory } from './stakeholder-directory/stakeholder-directory.component';
export { WscStandardsFinder } from './standards-finder/standards-finder.component';
