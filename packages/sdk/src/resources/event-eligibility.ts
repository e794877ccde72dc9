import { type EligibilityClaim, type EligibilityDecision, EligibilityDecisionSchema } from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `events.eligibility.check`: what makes the member eligible for free attendance. */
export type EventEligibilityCheckParams = EligibilityClaim;

/** `/v1/events/{id}/eligibility`: whether the signed-in member attends for free. */
export class EventEligibility extends Resource {
  /**
   * Asks whether the signed-in member may attend for free, and on which basis; registers nothing.
   *
   * @example
   * const decision = await client.events.eligibility.check(eventId, { membership: { body: 'IEC' } });
   * if (!decision.eligible) console.log(decision.howToBecomeEligible);
   */
  check(
    eventIdOrSlug: string,
    params: EventEligibilityCheckParams,
    options?: RequestOptions,
  ): ApiPromise<EligibilityDecision> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/events/${eventIdOrSlug}/eligibility`,
        body: params,
        schema: EligibilityDecisionSchema,
      },
      options,
    );
  }
}
