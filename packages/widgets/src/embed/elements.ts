/**
 * Every element the embed script knows: its tag, the module that defines it (an entry of the
 * embed build, hence a chunk of its own) and whether it is heavy enough to wait until it comes
 * near the viewport. The build reads this list; the loader gets the chunk names from the build.
 */
export interface EmbeddedElement {
  tag: string;
  /** Entry module under src/, without extension. */
  module: string;
  /** Load only when the element comes near the viewport (charts, the map). */
  heavy?: boolean;
}

export const EMBEDDED_ELEMENTS: readonly EmbeddedElement[] = [
  { tag: 'wsc-event-card', module: 'event-card/event-card' },
  { tag: 'wsc-pain-point-form', module: 'pain-point-form/pain-point-form' },
  { tag: 'wsc-stakeholder-directory', module: 'stakeholder-directory/stakeholder-directory' },
  { tag: 'wsc-pain-point-map', module: 'pain-point-map/pain-point-map', heavy: true },
  { tag: 'wsc-pain-point-board', module: 'pain-point-board/pain-point-board' },
  { tag: 'wsc-standards-finder', module: 'standards-finder/standards-finder' },
  { tag: 'wsc-coverage-chart', module: 'coverage-chart/coverage-chart', heavy: true },
  { tag: 'wsc-event-registration', module: 'event-registration/event-registration' },
  { tag: 'wsc-sign-in-dialog', module: 'sign-in/sign-in-dialog' },
  { tag: 'wsc-mail-preferences', module: 'mail-preferences/mail-preferences' },
];
