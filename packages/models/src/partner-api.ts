/**
 * Entry `@wsc/models/partner`: payloads of the secret-key routes a partner back end calls
 * (partners and keys, webhook endpoints and deliveries, single sign-on, statistics, the
 * organisers' event tools). Browsers never hold a secret key, so these stay out of the main
 * entry and its 12 KB browser budget.
 *
 * @module partner
 */

export {
  type CoLocatedRegistrantRow,
  CoLocatedRegistrantRowSchema,
  EVENT_IMPORT_KINDS,
  type EventImportKind,
  EventImportKindSchema,
  type EventImportParams,
  EventImportParamsSchema,
  type EventImportReport,
  EventImportReportSchema,
  type EventRegistrant,
  type EventRegistrantListParams,
  EventRegistrantListParamsSchema,
  EventRegistrantSchema,
  type EventSessionUpdate,
  EventSessionUpdateSchema,
  type ImportRowError,
  ImportRowErrorSchema,
  type InvitationCodeRow,
  InvitationCodeRowSchema,
  type MemberCodeRow,
  MemberCodeRowSchema,
  type ProgrammeProposalParams,
  ProgrammeProposalParamsSchema,
  type ProgrammeProposals,
  ProgrammeProposalsSchema,
  REGISTRANT_CSV_COLUMNS,
} from './events-admin';
export {
  PARTNER_KEY_KINDS,
  PARTNER_SCOPES,
  PARTNER_STATS_DEFAULT_DAYS,
  PARTNER_STATS_MAX_DAYS,
  type Partner,
  type PartnerCreate,
  PartnerCreateSchema,
  type PartnerKey,
  type PartnerKeyCreate,
  type PartnerKeyCreated,
  PartnerKeyCreatedSchema,
  type PartnerKeyCreateInput,
  PartnerKeyCreateSchema,
  type PartnerKeyKind,
  PartnerKeyKindSchema,
  PartnerKeySchema,
  type PartnerMailPolicy,
  PartnerMailPolicySchema,
  PartnerSchema,
  type PartnerScope,
  PartnerScopeSchema,
  type PartnerStats,
  type PartnerStatsParams,
  PartnerStatsParamsSchema,
  PartnerStatsSchema,
  type PartnerStatsWindow,
  type PartnerUpdate,
  PartnerUpdateSchema,
  partnerStatsWindow,
} from './partner';
export { type SsoToken, type SsoTokenCreate, SsoTokenCreateSchema, SsoTokenSchema } from './sso';
export {
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDelivery,
  WebhookDeliverySchema,
  type WebhookDeliveryStatus,
  WebhookDeliveryStatusSchema,
  type WebhookEndpoint,
  type WebhookEndpointCreate,
  type WebhookEndpointCreated,
  WebhookEndpointCreatedSchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointSchema,
} from './webhook';
