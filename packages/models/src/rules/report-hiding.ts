/** Distinct reporters that hide a comment automatically until a moderator reviews it. */
export const AUTO_HIDE_REPORTERS = 3;

/**
 * Independent sources those reporters must come from. A source is a partner that minted its
 * reporters' accounts through single sign-on (however many accounts it minted, one source), or
 * one community account whose address the community confirmed. An unconfirmed community
 * account is no source: nothing stops one person from creating many.
 */
export const AUTO_HIDE_INDEPENDENT_SOURCES = 2;

/** The open reports on a comment, counted as the hiding rule weighs them. */
export interface ReportTally {
  /** Distinct members who reported it since a moderator last reviewed it. */
  reporters: number;
  /** Distinct independent sources among those members (see {@link AUTO_HIDE_INDEPENDENT_SOURCES}). */
  independentSources: number;
}

/**
 * Whether reports alone hide a comment: enough distinct reporters, from enough independent
 * sources, so that one partner minting accounts, or one person signing up many times, cannot
 * hide a comment a moderator has not seen.
 *
 * @example
 * hidesOnReports({ reporters: 10, independentSources: 1 }); // false: ten accounts of one partner
 * hidesOnReports({ reporters: 3, independentSources: 2 }); // true
 */
export function hidesOnReports(tally: ReportTally): boolean {
  return tally.reporters >= AUTO_HIDE_REPORTERS && tally.independentSources >= AUTO_HIDE_INDEPENDENT_SOURCES;
}
