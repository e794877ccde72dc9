import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import type { StatementRun } from '../database/activity';
import { statementOperation } from './statement-operation';
import { incomingTraceContext } from './trace-context';

/** The tracer of the server's spans; a no-op until the host registers a tracer provider. */
const TRACER_NAME = '@wsc/server';

/**
 * OpenTelemetry spans through `@opentelemetry/api`: one server span per request (`GET
 * /v1/pain-points/:id`, continuing the caller's W3C `traceparent`) and, beneath it, one client
 * span per SQL statement the request caused (its text with `$n` placeholders: values are never
 * recorded). Without a registered tracer provider the API is a no-op: each request costs one
 * non-recording span and nothing is kept.
 *
 * The span's context is entered when the request arrives and holds for the rest of its handling:
 * Fastify runs the body's parser in the request's async context (tested with a body sent late).
 *
 * @example
 * installTracing(app);
 */
export function installTracing(app: FastifyInstance): void {
  const tracer = trace.getTracer(TRACER_NAME);

  app.addHook('onRequest', (request, reply, done) => {
    const parent = incomingTraceContext(request.headers);
    const route = request.routeOptions.url;
    const span = tracer.startSpan(
      route ? `${request.method} ${route}` : request.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          ...(route ? { 'http.route': route } : {}),
          'wsc.request_id': request.id,
        },
      },
      parent,
    );
    if (!span.isRecording()) {
      done();
      return;
    }
    const active = trace.setSpan(parent, span);
    // 'close' comes after the answer is sent, after a client hung up, and at the end of a live stream.
    reply.raw.once('close', () => endServerSpan(span, reply.raw.statusCode, reply.raw.writableFinished));
    context.with(active, done);
  });

  const stop = app.database.activity.onStatement((run) => recordStatement(tracer, run));
  app.addHook('onClose', async () => {
    stop();
  });
}

function endServerSpan(span: Span, status: number, finished: boolean): void {
  span.setAttribute('http.response.status_code', status);
  if (status >= 500) {
    span.setAttribute('error.type', String(status));
    span.setStatus({ code: SpanStatusCode.ERROR });
  } else if (!finished) {
    // The client left before the answer was complete.
    span.setAttribute('wsc.aborted', true);
  }
  span.end();
}

/** A statement's span, under the span active where it ran; none when no recording span is. */
function recordStatement(tracer: ReturnType<typeof trace.getTracer>, run: StatementRun): void {
  const parent = context.active();
  if (!trace.getSpan(parent)?.isRecording()) return;
  const operation = statementOperation(run.sql);
  const span = tracer.startSpan(
    operation.toUpperCase(),
    {
      kind: SpanKind.CLIENT,
      startTime: run.startedAt,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': operation,
        'db.query.text': run.sql,
      },
    },
    parent,
  );
  if (run.error !== undefined) {
    // The code only: a database's message may quote the values (`Key (email)=(…) already exists`).
    const code = (run.error as { code?: unknown } | null)?.code;
    span.setAttribute('error.type', typeof code === 'string' ? code : 'error');
    if (typeof code === 'string') span.setAttribute('db.response.status_code', code);
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end(run.startedAt + run.seconds * 1000);
}
