import { describe, expectTypeOf, it } from 'vitest';
import type { OpenEnum } from './open-enum';
import type { PainPoint } from './pain-point';
import {
  isKnownWebhookEvent,
  type UnknownWebhookEvent,
  type WebhookEvent,
  type WebhookEventOf,
} from './webhook-event';

declare const received: WebhookEvent | UnknownWebhookEvent;

describe('WebhookEvent', () => {
  it('narrows data by type once the type is known', () => {
    if (!isKnownWebhookEvent(received)) {
      expectTypeOf(received).toEqualTypeOf<UnknownWebhookEvent>();
      expectTypeOf(received.type).toEqualTypeOf<string>();
      return;
    }
    switch (received.type) {
      case 'pain_point.voted':
        expectTypeOf(received.data.voteCount).toEqualTypeOf<number>();
        break;
      case 'pain_point.created':
        expectTypeOf(received.data).toExtend<PainPoint>();
        expectTypeOf(received.data.sample).toEqualTypeOf<boolean | undefined>();
        expectTypeOf(received.data.locked).toEqualTypeOf<boolean | undefined>();
        expectTypeOf(received.data.domain).toEqualTypeOf<OpenEnum<import('./enums').Domain>>();
        break;
      case 'comment.hidden':
        expectTypeOf(received.data.hidden).toEqualTypeOf<boolean>();
        break;
      case 'comment.updated':
        expectTypeOf(received.data.body).toEqualTypeOf<string>();
        expectTypeOf(received.data.updatedAt).toEqualTypeOf<string | null | undefined>();
        break;
      case 'registration.promoted':
        expectTypeOf(received.data.seatsLeft).toEqualTypeOf<number | null>();
        if ('id' in received.data) expectTypeOf(received.data.stakeholderId).toEqualTypeOf<string>();
        break;
      case 'event.updated':
        expectTypeOf(received.data.changed).toEqualTypeOf<string[]>();
        break;
      case 'pain_point.updated':
      case 'comment.created':
      case 'standard_mapping.created':
      case 'registration.created':
      case 'registration.cancelled':
        break;
      default:
        // Every known type is handled above.
        expectTypeOf(received).toBeNever();
    }
  });

  it('names one event type', () => {
    expectTypeOf<WebhookEventOf<'pain_point.voted'>['data']>().toEqualTypeOf<{
      painPointId: string;
      voteCount: number;
    }>();
    // @ts-expect-error not an event type
    expectTypeOf<WebhookEventOf<'pain_point.deleted'>>();
  });
});
