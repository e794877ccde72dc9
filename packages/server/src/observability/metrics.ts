import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { type OutboxBacklog, outboxBacklog } from '../outbox/outbox-reader';
import { queueDepth, type WorkQueueTable } from '../outbox/queue-depth';
import { statementOperation } from './statement-operation';

/** Seconds: from a cached first page (about 1 ms) to a slow search under load. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STATEMENT_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

/** The label of requests no route answered (their paths are whatever a client sent). */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * The instance's Prometheus registry: Node's process metrics, and the server's own, whose labels
 * are route patterns, methods, status codes and fixed words, never ids, addresses or e-mails.
 * Counts of queued work (outbox, webhooks, mail) are read from the database at each scrape.
 *
 * @example
 * const registry = createServerMetrics(app);
 * const text = await registry.metrics();
 */
export function createServerMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: 'wsc_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by route pattern and status (live streams are not counted: see wsc_live_streams_open).',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: REQUEST_BUCKETS,
    registers,
  });
  const rateLimitRefusals = new Counter({
    name: 'wsc_rate_limit_refusals_total',
    help: 'Requests refused with 429 (the request rate limits, and the per-partner limits), by route pattern.',
    labelNames: ['route'] as const,
    registers,
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const status = reply.statusCode;
    requestDuration.observe(
      { method: request.method, route, status_code: String(status) },
      reply.elapsedTime / 1000,
    );
    if (status === 429) rateLimitRefusals.inc({ route });
    done();
  });

  const { activity, kind } = app.database;
  const statementDuration = new Histogram({
    name: 'wsc_database_statement_duration_seconds',
    help: 'Time the database took for one SQL statement (transaction control included), by kind of statement.',
    labelNames: ['database', 'operation'] as const,
    buckets: STATEMENT_BUCKETS,
    registers,
  });
  const statementErrors = new Counter({
    name: 'wsc_database_statement_errors_total',
    help: 'SQL statements the database refused or failed, by kind of statement.',
    labelNames: ['database', 'operation'] as const,
    registers,
  });
  const stopStatements = activity.onStatement((run) => {
    const labels = { database: kind, operation: statementOperation(run.sql) };
    statementDuration.observe(labels, run.seconds);
    if (run.error !== undefined) statementErrors.inc(labels);
  });
  app.addHook('onClose', async () => {
    stopStatements();
  });
  new Gauge({
    name: 'wsc_database_connections',
    help: 'Database connections of this instance: held (in_use), awaited by callers (waiting), and the most that can be held (max; PGlite is one session).',
    labelNames: ['database', 'state'] as const,
    registers,
    collect() {
      this.set({ database: kind, state: 'in_use' }, activity.inUse);
      this.set({ database: kind, state: 'waiting' }, activity.waiting);
      this.set({ database: kind, state: 'max' }, activity.size);
    },
  });

  new Gauge({
    name: 'wsc_live_streams_open',
    help: 'Live-update streams (GET /v1/stream) open on this instance.',
    registers,
    collect() {
      this.set(app.hasDecorator('live') ? app.live.size : 0);
    },
  });

  // Both outbox gauges show one read: the registry asks them in this order, in the same turn.
  let backlog: Promise<OutboxBacklog | null> = Promise.resolve(null);
  new Gauge({
    name: 'wsc_outbox_lag_events',
    help: 'Committed outbox events this instance has not yet handed to its live streams and webhook worker.',
    registers,
    async collect() {
      backlog = app.hasDecorator('outbox')
        ? outboxBacklog(app.db, app.outbox.lastPosition).catch(() => null)
        : Promise.resolve(null);
      const read = await backlog;
      if (read) this.set(read.events);
    },
  });
  new Gauge({
    name: 'wsc_outbox_lag_seconds',
    help: 'Age of the oldest committed outbox event this instance has not yet handed on (0 when caught up).',
    registers,
    async collect() {
      const read = await backlog;
      if (read) this.set(read.seconds);
    },
  });

  /** A gauge of one queue table's depth by state, read from the database at each scrape. */
  const queueGauge = (name: string, help: string, table: WorkQueueTable) =>
    new Gauge({
      name,
      help,
      labelNames: ['state'] as const,
      registers,
      async collect() {
        const queue = await queueDepth(app.db, table).catch(() => null);
        if (!queue) return;
        this.set({ state: 'waiting' }, queue.waiting);
        this.set({ state: 'retrying' }, queue.retrying);
      },
    });

  queueGauge(
    'wsc_webhook_queue_deliveries',
    'Webhook deliveries waiting to be sent, shared by every instance: never tried (waiting) or failed and due again (retrying).',
    'webhook_deliveries',
  );
  const webhookAttempts = new Counter({
    name: 'wsc_webhook_attempts_total',
    help: "Webhook delivery attempts made by this instance's worker, by outcome (succeeded, failed, gone: the endpoint answered 410, withheld: the partner may no longer read the event).",
    labelNames: ['outcome'] as const,
    registers,
  });
  app.addHook('onReady', async () => {
    if (!app.hasDecorator('webhookWorker')) return;
    const stop = app.webhookWorker.onAttempt((result) => webhookAttempts.inc({ outcome: result }));
    app.addHook('onClose', async () => {
      stop();
    });
  });

  queueGauge(
    'wsc_mail_queue_messages',
    'Mails waiting to be sent, shared by every instance: never tried (waiting) or deferred and due again (retrying).',
    'mail_outbox',
  );

  return registry;
}
