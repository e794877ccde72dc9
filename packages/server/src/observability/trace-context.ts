import type { IncomingHttpHeaders } from 'node:http';
import {
  type Context,
  createTraceState,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  type SpanContext,
  trace,
} from '@opentelemetry/api';

/** `version-traceid-parentid-flags` (W3C Trace Context, level 1); later versions may append fields. */
const TRACEPARENT = /^([\da-f]{2})-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})(-.*)?$/;

/**
 * The remote parent a W3C `traceparent` header names, or undefined when it is absent or malformed
 * (version `ff`, all-zero ids, or extra fields on version `00`): the request then starts a trace.
 *
 * @example
 * parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', undefined)?.spanId; // '00f067aa0ba902b7'
 */
export function parseTraceparent(
  traceparent: string | undefined,
  tracestate: string | undefined,
): SpanContext | undefined {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (!match) return undefined;
  const [, version, traceId = '', spanId = '', flags = '', rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  const spanContext: SpanContext = {
    traceId,
    spanId,
    traceFlags: Number.parseInt(flags, 16) & 1,
    isRemote: true,
    ...(tracestate ? { traceState: createTraceState(tracestate) } : {}),
  };
  return isSpanContextValid(spanContext) ? spanContext : undefined;
}

/**
 * The context a request's server span continues: what the registered propagator extracts (W3C
 * trace context under the OpenTelemetry SDK's defaults), or else the request's own `traceparent`,
 * so a partner's trace joins even when the host registered a tracer provider but no propagator.
 *
 * @example
 * const parent = incomingTraceContext(request.headers);
 */
export function incomingTraceContext(headers: IncomingHttpHeaders): Context {
  const extracted = propagation.extract(ROOT_CONTEXT, headers);
  if (trace.getSpanContext(extracted)) return extracted;
  const traceparent = headers.traceparent;
  if (typeof traceparent !== 'string') return extracted;
  const tracestate = headers.tracestate;
  const remote = parseTraceparent(traceparent, typeof tracestate === 'string' ? tracestate : undefined);
  return remote ? trace.setSpanContext(extracted, remote) : extracted;
}
