import * as z from 'zod/mini';

/** The six official languages of the United Nations, in the order the platform lists them. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Smart-city domains a pain point or a standard belongs to (from the 2016 press release). */
export const DOMAINS = [
  'mobility',
  'water',
  'energy',
  'sanitation-waste',
  'transport',
  'public-safety',
  'environmental-monitoring',
  'weather',
  'cybersecurity',
  'privacy',
  'ict-infrastructure',
] as const;
export const DomainSchema = z.enum(DOMAINS);
export type Domain = z.infer<typeof DomainSchema>;

/** Who publishes a standard; `joint` covers ISO/IEC JTC 1 and other joint committees. */
export const STANDARD_BODIES = ['IEC', 'ISO', 'ITU', 'joint'] as const;
export const StandardBodySchema = z.enum(STANDARD_BODIES);
export type StandardBody = z.infer<typeof StandardBodySchema>;

/** Bodies whose members attend the World Smart City Forum for free. */
export const MEMBERSHIP_BODIES = ['IEC', 'ISO', 'ITU'] as const;
export const MembershipBodySchema = z.enum(MEMBERSHIP_BODIES);
export type MembershipBody = z.infer<typeof MembershipBodySchema>;

export const STANDARD_STATUSES = ['published', 'under-development', 'withdrawn'] as const;
export const StandardStatusSchema = z.enum(STANDARD_STATUSES);
export type StandardStatus = z.infer<typeof StandardStatusSchema>;

/** The stakeholders the community invites (press release, 18 January 2016). */
export const STAKEHOLDER_ROLES = [
  'city-leader',
  'urban-planner',
  'designer',
  'consultant',
  'utility',
  'transport-planner',
  'security-data-expert',
  'standardization-expert',
  'solution-provider',
  'academia',
  'government',
  'citizen',
] as const;
export const StakeholderRoleSchema = z.enum(STAKEHOLDER_ROLES);
export type StakeholderRole = z.infer<typeof StakeholderRoleSchema>;

/** What an account may do: experts map standards, moderators moderate, admins administer. */
export const ACCOUNT_ROLES = ['member', 'expert', 'moderator', 'admin'] as const;
export const AccountRoleSchema = z.enum(ACCOUNT_ROLES);
export type AccountRole = z.infer<typeof AccountRoleSchema>;

export const ORGANIZATION_TYPES = [
  'standards-body',
  'city',
  'government',
  'utility',
  'company',
  'academia',
  'ngo',
  'other',
] as const;
export const OrganizationTypeSchema = z.enum(ORGANIZATION_TYPES);
export type OrganizationType = z.infer<typeof OrganizationTypeSchema>;

/** Pain-point lifecycle states; the allowed moves live in `rules/pain-point-lifecycle.ts`. */
export const PAIN_POINT_STATUSES = [
  'open',
  'under-review',
  'mapped',
  'addressed',
  'closed',
  'duplicate',
] as const;
export const PainPointStatusSchema = z.enum(PAIN_POINT_STATUSES);
export type PainPointStatus = z.infer<typeof PainPointStatusSchema>;

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** How well a standard addresses a pain point, best first. */
export const COVERAGE_LEVELS = ['full', 'partial', 'none'] as const;
export const CoverageLevelSchema = z.enum(COVERAGE_LEVELS);
export type CoverageLevel = z.infer<typeof CoverageLevelSchema>;

/** The four ways to attend the World Smart City Forum for free (press release, 18 January 2016). */
export const ELIGIBILITY_BASES = [
  'community-member',
  'standards-body-member',
  'invited',
  'co-located-registrant',
] as const;
export const EligibilityBasisSchema = z.enum(ELIGIBILITY_BASES);
export type EligibilityBasis = z.infer<typeof EligibilityBasisSchema>;
