import {
  context,
  isSpanContextValid,
  propagation,
  type SpanContext,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { redact, type WscClient, WscError, type WscPlugin } from '@wsc/sdk';

/** Options of `@wsc/plugin-telemetry`, passed as `telemetry` to the client. */
export interface TelemetryOptions {
  /** Tracer to use (default: the global provider's tracer named `@wsc/sdk`). */
  tracer?: Tracer;
  /** Send W3C `traceparent` headers so server spans join the trace (default true). */
  propagate?: boolean;
}

declare module '@wsc/sdk' {
  interface ClientOptions {
    /** Tracing settings of `@wsc/plugin-telemetry`. */
    telemetry?: TelemetryOptions;
  }
}

/**
 * Writes the span's trace context into `headers`: through the registered propagator (which may add
 * baggage or other formats), and the W3C `traceparent` (with `tracestate`) the API reads in any
 * case, so a trace joins the server's spans even when the application registered a tracer
 * provider but no propagator. A no-op tracer's span (invalid context) sends nothing.
 */
function sendTraceContext(spanContext: SpanContext, headers: Record<string, string>): void {
  // The span itself, not `context.active()`: without a context manager the latter is empty.
  propagation.inject(trace.setSpanContext(context.active(), spanContext), headers);
  if (headers.traceparent !== undefined || !isSpanContextValid(spanContext)) return;
  const flags = (spanContext.traceFlags & 0xff).toString(16).padStart(2, '0');
  headers.traceparent = `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
  const state = spanContext.traceState?.serialize();
  if (state) headers.tracestate = state;
}

/**
 * Wraps each call in an OpenTelemetry client span named `METHOD /route/{id}`, with the HTTP
 * semantic-convention attributes: method, route template, status, `http.request.resend_count`
 * and `error.type`; sends the span's W3C `traceparent`, so the API's spans and the SQL they cause
 * join the trace. Depends on `@opentelemetry/api` only; the application brings the SDK.
 * Applied after `@wsc/plugin-retry`, one span covers all attempts; applied before it, each
 * attempt gets its own span.
 *
 * @example
 * import { WscClient } from '@wsc/sdk';
 * import { retry } from '@wsc/plugin-retry';
 * import { telemetry } from '@wsc/plugin-telemetry';
 *
 * const client = new (WscClient.plugin(retry, telemetry))({ baseURL });
 */
export const telemetry = ((client: WscClient, options) => {
  const tracer = options.telemetry?.tracer ?? trace.getTracer('@wsc/sdk');
  const propagate = options.telemetry?.propagate ?? true;
  const server = new URL(client.options.baseURL);
  client.hook.wrap((request, next) =>
    tracer.startActiveSpan(
      `${request.method} ${request.route}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': request.method,
          'url.template': request.route,
          'server.address': server.hostname,
          'server.port': Number(server.port || (server.protocol === 'https:' ? 443 : 80)),
        },
      },
      async (span) => {
        if (propagate) sendTraceContext(span.spanContext(), request.headers);
        try {
          const response = await next(request);
          span.setAttribute('http.response.status_code', response.status);
          if (response.requestId) span.setAttribute('wsc.request_id', response.requestId);
          return response;
        } catch (error) {
          const status = WscError.is(error) ? error.status : 0;
          if (status > 0) span.setAttribute('http.response.status_code', status);
          if (WscError.is(error) && error.requestId) span.setAttribute('wsc.request_id', error.requestId);
          const type = status > 0 ? String(status) : error instanceof Error ? error.name : 'Error';
          span.setAttribute('error.type', type);
          const message = redact(error instanceof Error ? error.message : String(error));
          span.recordException({ name: type, message });
          span.setStatus({ code: SpanStatusCode.ERROR, message });
          throw error;
        } finally {
          if (request.retryCount > 0) span.setAttribute('http.request.resend_count', request.retryCount);
          span.end();
        }
      },
    ),
  );
}) satisfies WscPlugin;
