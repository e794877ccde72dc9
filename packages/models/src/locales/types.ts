import type {
  CoverageLevel,
  Domain,
  EligibilityBasis,
  Language,
  PainPointStatus,
  Severity,
  StakeholderRole,
} from '../enums';

/** Labels of every enumeration a page shows; a missing key fails the typecheck. */
export interface LocaleLabels {
  /** The language's own name, e.g. `Français`. */
  languageName: string;
  language: Language;
  domains: Record<Domain, string>;
  painPointStatuses: Record<PainPointStatus, string>;
  stakeholderRoles: Record<StakeholderRole, string>;
  severities: Record<Severity, string>;
  coverageLevels: Record<CoverageLevel, string>;
  eligibilityBases: Record<EligibilityBasis, string>;
}
