// '@wsc/sdk/node': what needs Node's crypto. Listed by name, as in the main entry.
export {
  type WebhookHeaderSource,
  type WebhookSignatureHeaders,
  type WebhookSignOptions,
  WebhookVerificationError,
  type WebhookVerifyOptions,
  webhooks,
} from './webhooks';
