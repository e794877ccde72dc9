// @wsc/react: the community's web components (@wsc/widgets) as React 18 and 19 components, with
// typed props and typed event props. One file a component; each is its own module in the build,
// so a bundler keeps only the components (and element code) a page uses. A new component is a file
// like event-card.ts (`wrap(tag, the class from '@wsc/widgets/elements/<name>', { onWscX: 'wsc-x' })`,
// each event typed by the element's HTMLElementEventMap entry) and its export line here.
export { WscCoverageChart, type WscCoverageChartProps } from './coverage-chart.js';
export { WscEventCard, type WscEventCardProps } from './event-card.js';
export { WscEventRegistration, type WscEventRegistrationProps } from './event-registration.js';
export { WscMailPreferences, type WscMailPreferencesProps } from './mail-preferences.js';
export { WscPainPointBoard, type WscPainPointBoardProps } from './pain-point-board.js';
export { WscPainPointForm, type WscPainPointFormProps } from './pain-point-form.js';
export { WscPainPointMap, type WscPainPointMapProps } from './pain-point-map.js';
export { WscStakeholderDirectory, type WscStakeholderDirectoryProps } from './stakeholder-directory.js';
export { WscStandardsFinder, type WscStandardsFinderProps } from './standards-finder.js';
export type { EventMap, EventNames, WscComponent } from './wrap.js';
