/** The portal's own labels; the widgets and the domain names translate themselves. */
export interface Messages {
  title: string;
  intro: string;
  language: string;
  gapReport: string;
  gapReportIntro: string;
  topPainPoints: string;
  topPainPointsIntro: string;
  board: string;
  boardDomain: string;
  loading: string;
  empty: string;
  failed: string;
  /** `{count}` votes, by plural category (`Intl.PluralRules`). */
  votes: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  /** Said by the live region when a vote changed a domain's order: `{title}`, `{rank}`, `{domain}`. */
  moved: string;
  /** Said when a new pain point entered a domain's top. */
  entered: string;
  live: string;
  offline: string;
}

export const en: Messages = {
  title: 'Smart city standards portal',
  intro:
    'Where the standards of IEC, ISO and ITU cover what cities report, and what the community votes for most.',
  language: 'Language',
  gapReport: 'Gap report',
  gapReportIntro: 'How well the standards cover the pain points of each domain.',
  topPainPoints: 'Most-voted pain points by domain',
  topPainPointsIntro: 'The three pain points with the most votes in each domain, updated as people vote.',
  board: 'Pain points of a domain',
  boardDomain: 'Domain',
  loading: 'Loading…',
  empty: 'No pain points yet.',
  failed: 'The pain points could not be loaded.',
  votes: { one: '{count} vote', other: '{count} votes' },
  moved: '{title} is now number {rank} in {domain}.',
  entered: '{title} entered the top of {domain} at number {rank}.',
  live: 'Live',
  offline: 'Reconnecting…',
};
