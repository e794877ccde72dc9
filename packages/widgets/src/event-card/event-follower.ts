import { type Event, isKnownWebhookEvent } from '@wsc/models';
import type { LiveEvent, LiveSubscription, WscClient } from '@wsc/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Seats, seatsOf, seatsOfEvent } from './seats';

/**
 * An event read from the API and followed live (`events/{id}`) while its element is on the page:
 * its changes (`event.updated`), its seats, and whether updates arrive. After a break in the
 * stream the seats are read again (Last-Event-ID replays what was missed; a fresh count makes
 * sure). The event card and the registration share it; each renders from `event`, `seats`, `live`.
 *
 * @example
 * private readonly follower = new EventFollower(this, () => this.client, (update) => this.onUpdate(update));
 * this.follower.show(await this.client.events.get(slug));
 */
export class EventFollower implements ReactiveController {
  /** The event as last read or updated; undefined until `show`. */
  event: Event | undefined;
  /** Seats as last counted; undefined from a server that does not count them. */
  seats: Seats | undefined;
  /** True while live updates arrive. */
  live = false;

  #subscription: LiveSubscription | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly client: () => WscClient,
    /** Called after each live update was applied, for what only the host knows (the member's registration). */
    private readonly onUpdate?: (update: LiveEvent) => void,
  ) {
    host.addController(this);
  }

  /** Shows `event` (as just read) and follows it; `undefined` forgets the event and stops following. */
  show(event: Event | undefined): void {
    this.event = event;
    this.seats = event && seatsOfEvent(event);
    this.follow();
  }

  /** (Re)opens the stream, e.g. after the member signed in or out: the stream's credentials changed. */
  follow(): void {
    this.#close();
    this.host.requestUpdate();
    const event = this.event;
    if (!event || !this.host.isConnected) return;
    let opened = false;
    this.#subscription = this.client().live.subscribe(`events/${event.id}`, (update) => this.#apply(update), {
      onOpen: () => {
        this.live = true;
        this.host.requestUpdate();
        if (opened) void this.#recount(event.id);
        opened = true;
      },
      onError: () => {
        this.live = false;
        this.host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    if (this.event) this.follow();
  }

  hostDisconnected(): void {
    this.#close();
  }

  #close(): void {
    this.#subscription?.close();
    this.#subscription = undefined;
    this.live = false;
  }

  async #recount(id: string): Promise<void> {
    try {
      this.seats = seatsOfEvent(await this.client().events.get(id)) ?? this.seats;
      this.host.requestUpdate();
    } catch {
      // The live updates go on; the count is read again at the next reconnection.
    }
  }

  #apply(update: LiveEvent): void {
    const seats = seatsOf(update);
    if (seats) this.seats = seats;
    if (isKnownWebhookEvent(update) && update.type === 'event.updated') {
      const { changed: _changed, seatsLeft: _seatsLeft, waitlisted: _waitlisted, ...event } = update.data;
      this.event = event;
    }
    this.host.requestUpdate();
    this.onUpdate?.(update);
  }
}
