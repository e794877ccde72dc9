import { PageSchema } from '@wsc/models';
import {
  type WebhookEndpoint,
  type WebhookEndpointCreate,
  type WebhookEndpointCreated,
  WebhookEndpointCreatedSchema,
  WebhookEndpointSchema,
} from '@wsc/models/partner';
import type { ApiPromise } from '../api-promise';
import type { WscClient } from '../client';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';
import { WebhookDeliveries } from './webhook-deliveries';

/** Body of `webhookEndpoints.create`. */
export type WebhookEndpointCreateParams = WebhookEndpointCreate;
/** Paging of `webhookEndpoints.list`. */
export type WebhookEndpointListParams = { limit?: number; cursor?: string };

const WebhookEndpointPageSchema = PageSchema(WebhookEndpointSchema);

/** `/v1/webhook-endpoints`: where the platform POSTs signed events (secret key). */
export class WebhookEndpoints extends Resource {
  /** `/v1/webhook-endpoints/{id}/deliveries`: delivery attempts, and redelivery. */
  readonly deliveries: WebhookDeliveries;

  constructor(client: WscClient) {
    super(client);
    this.deliveries = new WebhookDeliveries(client);
  }
  /**
   * Lists the partner's endpoints.
   *
   * @example
   * const { data } = await client.webhookEndpoints.list();
   */
  list(params?: WebhookEndpointListParams, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this.paginate(endpoint`/v1/webhook-endpoints`, WebhookEndpointPageSchema, params, options);
  }

  /**
   * Adds an endpoint; the answer holds its signing secret, shown this once.
   *
   * @example
   * const { secret } = await client.webhookEndpoints.create({
   *   url: 'https://partner.example.org/wsc/webhooks',
   *   eventTypes: ['pain_point.created', 'registration.created'],
   * });
   */
  create(params: WebhookEndpointCreateParams, options?: RequestOptions): ApiPromise<WebhookEndpointCreated> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/webhook-endpoints`,
        body: params,
        schema: WebhookEndpointCreatedSchema,
      },
      options,
    );
  }

  /**
   * Fetches one endpoint.
   *
   * @example
   * const endpoint = await client.webhookEndpoints.get(endpointId);
   */
  get(id: string, options?: RequestOptions): ApiPromise<WebhookEndpoint> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/webhook-endpoints/${id}`, schema: WebhookEndpointSchema },
      options,
    );
  }

  /**
   * Issues a new signing secret; during the rotation both secrets sign, so verify with the new one
   * as soon as you have stored it.
   *
   * @example
   * const { secret } = await client.webhookEndpoints.rotateSecret(endpointId);
   */
  rotateSecret(id: string, options?: RequestOptions): ApiPromise<WebhookEndpointCreated> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/webhook-endpoints/${id}/rotate-secret`,
        schema: WebhookEndpointCreatedSchema,
      },
      options,
    );
  }

  /**
   * Removes an endpoint.
   *
   * @example
   * await client.webhookEndpoints.delete(endpointId);
   */
  delete(id: string, options?: RequestOptions): ApiPromise<void> {
    return this.client.request<void>({ method: 'DELETE', ...endpoint`/v1/webhook-endpoints/${id}` }, options);
  }
}
