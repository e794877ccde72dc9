import pg from 'pg';

/** Receives the payload of each NOTIFY on a channel. */
export type NotificationListener = (payload: string) => void;

export interface ListenOptions {
  /** Called after the connection was lost and LISTEN re-established: notifications may have been missed. */
  onReconnect?: (() => void) | undefined;
  /** First wait before reconnecting, doubled up to 30 s (default 500 ms). */
  reconnectDelayMilliseconds?: number | undefined;
}

/**
 * LISTENs on a PostgreSQL channel over ONE dedicated connection (not from the pool: a pooled
 * client would be handed to queries), reconnecting with backoff when the server drops it.
 * Returns a function that stops listening and closes the connection.
 *
 * @example
 * const stop = await listenPostgres('postgres://…', 'wsc_outbox', (id) => console.log(id));
 * await stop();
 */
export async function listenPostgres(
  url: string,
  channel: string,
  onNotify: NotificationListener,
  options: ListenOptions = {},
): Promise<() => Promise<void>> {
  const firstDelay = options.reconnectDelayMilliseconds ?? 500;
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  let delay = firstDelay;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    const lost = () => {
      if (client !== next) return;
      client = null;
      next.end().catch(() => {});
      scheduleReconnect();
    };
    next.on('error', lost);
    next.on('end', lost);
    await next.connect();
    await next.query(`listen ${quoteChannel(channel)}`);
    client = next;
    delay = firstDelay;
  }

  function scheduleReconnect(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      connect().then(
        () => options.onReconnect?.(),
        () => {
          delay = Math.min(delay * 2, 30_000);
          scheduleReconnect();
        },
      );
    }, delay);
    timer.unref();
  }

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const current = client;
    client = null;
    await current?.end().catch(() => {});
  };
}

function quoteChannel(channel: string): string {
  return `"${channel.replaceAll('"', '""')}"`;
}
