import type { LiveEvent } from '@wsc/sdk';

/** The seats of an event: `capacity` and `seatsLeft` null when it has no limit. */
export interface Seats {
  capacity: number | null;
  seatsLeft: number | null;
  waitlisted: number;
}

/**
 * The seats a live update of `events/{id}` carries (`registration.*` and `event.updated` do),
 * or `undefined` for any other update.
 *
 * @example
 * client.live.subscribe(`events/${id}`, (update) => { const seats = seatsOf(update); if (seats) show(seats); });
 */
export function seatsOf(update: LiveEvent): Seats | undefined {
  if (!update.type.startsWith('registration.') && update.type !== 'event.updated') return undefined;
  const data = update.data as Partial<Seats>;
  if (typeof data.waitlisted !== 'number' || data.seatsLeft === undefined) return undefined;
  return { capacity: data.capacity ?? null, seatsLeft: data.seatsLeft, waitlisted: data.waitlisted };
}

/**
 * The seats an event held when it was read (`GET /v1/events/{id}`), or `undefined` from a server
 * that does not count them.
 *
 * @example
 * this.seats = seatsOfEvent(await client.events.get(id));
 */
export function seatsOfEvent(
  event: Partial<Seats> & { capacity: number | null; seatsLeft?: number | null | undefined },
): Seats | undefined {
  if (event.seatsLeft === undefined) return undefined;
  return { capacity: event.capacity, seatsLeft: event.seatsLeft, waitlisted: event.waitlisted ?? 0 };
}
