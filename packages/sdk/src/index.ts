// The public surface of @wsc/sdk, listed by name so that nothing becomes public by accident:
// internals such as the error factory or the transport stay importable only inside the package.
// Webhook verification (Node only) is in '@wsc/sdk/node'.

// The event types `live.subscribe` and `webhooks.verify` deliver, so partners need not import
// @wsc/models (a dependency of the SDK, not necessarily theirs) to narrow them.
export {
  isKnownValue,
  isKnownWebhookEvent,
  type OpenEnum,
  type UnknownWebhookEvent,
  type WebhookEvent,
  type WebhookEventData,
  type WebhookEventOf,
  type WebhookEventType,
} from '@wsc/models';
export type { ApiPromise } from './api-promise';
export { type RequestDescriptor, WscClient } from './client';
export {
  AbortedError,
  AuthenticationError,
  ConflictError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors/subclasses';
export { WscError, type WscErrorOptions, type WscErrorRequest } from './errors/wsc-error';
export type { AfterHook, BeforeHook, ErrorHook, Hooks, SendRequest, WrapHook } from './hooks';
export type { LiveEvent, LiveSubscribeOptions, LiveSubscription, LiveTopic } from './live/live';
export type { ClientOptions, RequestOptions, TokenProvider, WscPlugin } from './options';
export { MAX_TO_ARRAY_LIMIT, type PagePromise, type ToArrayOptions } from './page-promise';
// Plugins blank credentials out of what they log with the SDK's own rules.
export { redact } from './redact';
export type { HttpMethod, ResponseSchema, WscRequest, WscResponse } from './request';
export type { AuthLoginParams, AuthSignupParams } from './resources/auth';
export type { CommentReportCreateParams } from './resources/comment-reports';
export type { CommentModerateParams, CommentUpdateParams } from './resources/comments';
export type { CoverageGetParams } from './resources/coverage';
export type { EmailConfirmationCompleteParams } from './resources/email-confirmations';
export type { EventEligibilityCheckParams } from './resources/event-eligibility';
export type { EventRegistrationCreateParams } from './resources/event-registrations';
export type { EventSessionCreateParams, EventSessionListParams } from './resources/event-sessions';
export type { EventCreateParams, EventListParams, EventUpdateParams } from './resources/events';
export type { MeNotificationPreferencesUpdateParams, MeUpdateParams } from './resources/me';
export type {
  OrganizationListParams,
  OrganizationMembershipListParams,
  OrganizationMembershipRequestCreateParams,
  OrganizationMembershipUpdateParams,
  OrganizationUpdateParams,
} from './resources/organizations';
export type {
  PainPointCommentCreateParams,
  PainPointCommentListParams,
} from './resources/pain-point-comments';
export type {
  PainPointStandardCreateParams,
  PainPointStandardHideNoteParams,
} from './resources/pain-point-standards';
export type {
  PainPointChangeStatusParams,
  PainPointCountriesParams,
  PainPointCreateParams,
  PainPointListParams,
  PainPointUpdateParams,
} from './resources/pain-points';
export type {
  PartnerAccountPageParams,
  PartnerMailPolicyParams,
  PartnerStatsParams,
} from './resources/partner';
export type { PasswordResetCompleteParams, PasswordResetCreateParams } from './resources/password-resets';
export type { SsoTokenCreateParams } from './resources/sso';
export type { StakeholderListParams } from './resources/stakeholders';
export type { StandardListParams } from './resources/standards';
export type { WebhookDeliveryListParams } from './resources/webhook-deliveries';
export type { WebhookEndpointCreateParams, WebhookEndpointListParams } from './resources/webhook-endpoints';
export { VERSION } from './version';
