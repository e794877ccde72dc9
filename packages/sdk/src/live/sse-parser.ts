/** One Server-Sent Event as the stream delivered it. */
export interface ServerSentEvent {
  id: string | undefined;
  /** The `event:` field, `message` when absent. */
  type: string;
  data: string;
}

/**
 * Incremental parser of the `text/event-stream` format (WHATWG HTML, server-sent events):
 * feed it text chunks as they arrive; it calls back once per complete event and reports `retry:`.
 *
 * @example
 * const parser = new SseParser((event) => console.log(event.type, event.data));
 * parser.push('event: ping\ndata: 1\n\n');
 */
export class SseParser {
  #buffer = '';
  #data: string[] = [];
  #type = '';
  #id: string | undefined;
  /** The last event id seen, kept across events as the spec requires. */
  lastEventId: string | undefined;
  readonly #onEvent: (event: ServerSentEvent) => void;
  readonly #onRetry: (milliseconds: number) => void;

  constructor(onEvent: (event: ServerSentEvent) => void, onRetry: (milliseconds: number) => void = () => {}) {
    this.#onEvent = onEvent;
    this.#onRetry = onRetry;
  }

  push(chunk: string): void {
    this.#buffer += chunk;
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#buffer);
      // A lone trailing \r may be the first half of \r\n: wait for the next chunk.
      if (!match || (match[0] === '\r' && match.index === this.#buffer.length - 1)) return;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      this.#line(line);
    }
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#type = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.#onRetry(Number(value));
  }

  #dispatch(): void {
    if (this.#id !== undefined) this.lastEventId = this.#id;
    if (this.#data.length > 0) {
      this.#onEvent({ id: this.lastEventId, type: this.#type || 'message', data: this.#data.join('\n') });
    }
    this.#data = [];
    this.#type = '';
  }
}
