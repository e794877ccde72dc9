import type { EligibilityBasis, Registration } from '@wsc/models';
import type { EventRegistrant } from '@wsc/models/partner';
import type { RegistrantRow, RegistrationRow } from './repository';

/**
 * The API shape of a stored registration.
 *
 * @example
 * reply.send(toRegistration(row));
 */
export function toRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    eventId: row.event_id,
    stakeholderId: row.account_id,
    status: row.status,
    waitlistPosition: row.waitlist_position === null ? null : Number(row.waitlist_position),
    basis: row.basis as EligibilityBasis | null,
    sessionIds: row.session_ids,
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at ? row.cancelled_at.toISOString() : null,
  };
}

/**
 * What an organiser sees of a registration: who, how to reach them, and who vouches for the
 * address (the community's confirmation, or the partner whose single sign-on asserted it).
 *
 * @example
 * const registrant = toRegistrant(row);
 */
export function toRegistrant(row: RegistrantRow): EventRegistrant {
  return {
    ...toRegistration(row),
    displayName: row.display_name,
    email: row.email,
    emailConfirmed: row.email_confirmed,
    emailAssertedBy:
      row.email_partner_id === null
        ? null
        : { partnerId: row.email_partner_id, partnerName: row.email_partner_name ?? '' },
    organizationId: row.organization_id,
  };
}
