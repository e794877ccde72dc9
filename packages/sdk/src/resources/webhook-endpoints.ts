import { PageSchema } from '@wsc/models';
import {
  type WebhookDelivery,
  WebhookDeliverySchema,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookEndpointCreate,
  type WebhookEndpointCreated,
  WebhookEndpointCreatedSchema,
  WebhookEndpointSchema,
} from '@wsc/models/partner';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';

/** Body of `webhookEndpoints.create`. */
export type WebhookEndpointCreateParams = WebhookEndpointCreate;
/** Paging of `webhookEndpoints.list`. */
export type WebhookEndpointListParams = { limit?: number; cursor?: string };
/** Paging and status filter of `webhookEndpoints.deliveries`. */
export type WebhookEndpointDeliveriesParams = WebhookEndpointListParams & { status?: WebhookDeliveryStatus };

const WebhookEndpointPageSchema = PageSchema(WebhookEndpointSchema);
const WebhookDeliveryPageSchema = PageSchema(WebhookDeliverySchema);

/** `/v1/webhook-endpoints`: where the platform POSTs signed events (secret key). */
export class WebhookEndpoints extends Resource {
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
  create(params: WebhookEndpointCreateParams, options?: RequestOptions): Promise<WebhookEndpointCreated> {
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
  get(id: string, options?: RequestOptions): Promise<WebhookEndpoint> {
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
  rotateSecret(id: string, options?: RequestOptions): Promise<WebhookEndpointCreated> {
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
  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.client.request({ method: 'DELETE', ...endpoint`/v1/webhook-endpoints/${id}` }, options);
  }

  /**
   * Lists the delivery attempts of an endpoint, newest first.
   *
   * @example
   * for await (const delivery of client.webhookEndpoints.deliveries(endpointId)) console.log(delivery.status);
   */
  deliveries(
    id: string,
    params?: WebhookEndpointListParams,
    options?: RequestOptions,
  ): PagePromise<WebhookDelivery> {
    return this.paginate(
      endpoint`/v1/webhook-endpoints/${id}/deliveries`,
      WebhookDeliveryPageSchema,
      params,
      options,
    );
  }

  /**
   * Sends a delivery again now (after fixing the receiving end).
   *
   * @example
   * await client.webhookEndpoints.redeliver(endpointId, deliveryId);
   */
  redeliver(id: string, deliveryId: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/webhook-endpoints/${id}/deliveries/${deliveryId}/redeliver`,
        schema: WebhookDeliverySchema,
      },
      options,
    );
  }
}
