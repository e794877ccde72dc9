export * from './client';
export * from './errors/index';
export * from './hooks';
export type { LiveEvent, LiveSubscribeOptions, LiveSubscription, LiveTopic } from './live/live';
export * from './options';
export * from './page-promise';
export { redact } from './redact';
export * from './request';
export type { AuthLoginParams, AuthSignupParams } from './resources/auth';
export type {
  CommentCreateParams,
  CommentEditParams,
  CommentListParams,
  CommentModerateParams,
  CommentReportParams,
} from './resources/comments';
export type { CoverageGetParams } from './resources/coverage';
export type {
  EventCreateParams,
  EventCreateSessionParams,
  EventEligibilityParams,
  EventListParams,
  EventRegisterParams,
  EventSessionListParams,
  EventUpdateParams,
} from './resources/events';
export type { MeUpdateParams } from './resources/me';
export type {
  OrganizationListParams,
  OrganizationMembershipListParams,
  OrganizationMembershipRequestCreateParams,
  OrganizationMembershipUpdateParams,
  OrganizationUpdateParams,
} from './resources/organizations';
export type {
  PainPointChangeStatusParams,
  PainPointCreateParams,
  PainPointListParams,
  PainPointMapStandardParams,
  PainPointUpdateParams,
} from './resources/pain-points';
export type { PartnerStatsParams } from './resources/partner';
export type { SsoCreateTokenParams } from './resources/sso';
export type { StakeholderListParams } from './resources/stakeholders';
export type { StandardListParams } from './resources/standards';
export type {
  WebhookEndpointCreateParams,
  WebhookEndpointDeliveriesParams,
  WebhookEndpointListParams,
} from './resources/webhook-endpoints';
