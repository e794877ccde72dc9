import { PageSchema } from '@wsc/models';
import { type WebhookDelivery, WebhookDeliverySchema, type WebhookDeliveryStatus } from '@wsc/models/partner';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';

/** Paging and status filter of `webhookEndpoints.deliveries.list`. */
export type WebhookDeliveryListParams = { limit?: number; cursor?: string; status?: WebhookDeliveryStatus };

const WebhookDeliveryPageSchema = PageSchema(WebhookDeliverySchema);

/** `/v1/webhook-endpoints/{id}/deliveries`: every attempt to deliver an event to one endpoint. */
export class WebhookDeliveries extends Resource {
  /**
   * Lists the delivery attempts of an endpoint, newest first.
   *
   * @example
   * for await (const delivery of client.webhookEndpoints.deliveries.list(endpointId, { status: 'failed' })) {
   *   console.log(delivery.eventType, delivery.status);
   * }
   */
  list(
    endpointId: string,
    params?: WebhookDeliveryListParams,
    options?: RequestOptions,
  ): PagePromise<WebhookDelivery> {
    return this.paginate(
      endpoint`/v1/webhook-endpoints/${endpointId}/deliveries`,
      WebhookDeliveryPageSchema,
      params,
      options,
    );
  }

  /**
   * Sends a delivery again now (after fixing the receiving end).
   *
   * @example
   * await client.webhookEndpoints.deliveries.redeliver(endpointId, deliveryId);
   */
  redeliver(endpointId: string, deliveryId: string, options?: RequestOptions): ApiPromise<WebhookDelivery> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/webhook-endpoints/${endpointId}/deliveries/${deliveryId}/redeliver`,
        schema: WebhookDeliverySchema,
      },
      options,
    );
  }
}
