import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestServer, databases, signUp, type TestServer } from '../test-support';
import { parseTraceparent } from './trace-context';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`;

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(provider);
});
afterAll(() => {
  trace.disable();
  context.disable();
  propagation.disable();
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('parseTraceparent', () => {
  test('reads a W3C traceparent and refuses malformed ones', () => {
    expect(parseTraceparent(TRACEPARENT, 'vendor=value')).toMatchObject({
      traceId: TRACE_ID,
      spanId: CALLER_SPAN_ID,
      traceFlags: 1,
      isRemote: true,
    });
    expect(parseTraceparent(TRACEPARENT, 'vendor=value')?.traceState?.get('vendor')).toBe('value');
    // A later version may append fields; version 00 may not, and ff is invalid.
    expect(parseTraceparent(`01-${TRACE_ID}-${CALLER_SPAN_ID}-00-extra`, undefined)?.traceFlags).toBe(0);
    for (const bad of [
      `ff-${TRACE_ID}-${CALLER_SPAN_ID}-01`,
      `00-${TRACE_ID}-${CALLER_SPAN_ID}-01-extra`,
      `00-${'0'.repeat(32)}-${CALLER_SPAN_ID}-01`,
      `00-${TRACE_ID}-${'0'.repeat(16)}-01`,
      `00-${TRACE_ID.toUpperCase()}-${CALLER_SPAN_ID}-01`,
      `00-${TRACE_ID}-${CALLER_SPAN_ID}`,
      '',
      undefined,
    ]) {
      expect(parseTraceparent(bad, undefined)).toBeUndefined();
    }
  });
});

describe.each(databases())('traces on $kind', ({ kind }) => {
  let app: TestServer;
  let base: string;

  beforeAll(async () => {
    app = await createTestServer({ kind, webhookWorker: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app?.dispose());
  beforeEach(() => exporter.reset());

  /** The finished server span of `route`, once the answer is sent (spans end on the socket's close). */
  async function serverSpan(route: string): Promise<ReadableSpan> {
    await expect
      .poll(() => exporter.getFinishedSpans().find((span) => span.attributes['http.route'] === route))
      .toBeDefined();
    return exporter
      .getFinishedSpans()
      .find((span) => span.attributes['http.route'] === route) as ReadableSpan;
  }

  test("a request's server span continues the caller's traceparent; its SQL statements are its children, without values", async () => {
    const member = await signUp(app);
    exporter.reset();
    const title = `Flooded underpass ${Date.now()}`;
    const payload = JSON.stringify({
      title: { en: title },
      description: { en: 'Every heavy rain closes the underpass for a day.' },
      domain: 'water',
      severity: 'high',
    });
    // The body follows the headers later, as a slow client's would: the statements run after it
    // is read still belong to the request.
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        controller.enqueue(new TextEncoder().encode(payload));
        controller.close();
      },
    });
    const response = await fetch(`${base}/v1/pain-points`, {
      method: 'POST',
      headers: { ...member.headers, 'content-type': 'application/json', traceparent: TRACEPARENT },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(201);
    const server = await serverSpan('/v1/pain-points');
    expect(server.name).toBe('POST /v1/pain-points');
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(server.spanContext().traceId).toBe(TRACE_ID);
    expect(parentOf(server)).toBe(CALLER_SPAN_ID);
    expect(server.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.response.status_code': 201,
      'wsc.request_id': response.headers.get('x-request-id'),
    });

    const statements = exporter
      .getFinishedSpans()
      .filter((span) => span.attributes['db.system.name'] === 'postgresql');
    // The token lookup (before the body is read) and the insert (after it) both belong to the request.
    const texts = statements.map((span) => String(span.attributes['db.query.text']));
    expect(texts.some((text) => /sessions|token/i.test(text))).toBe(true);
    const insert = statements.find((span) =>
      /insert into "?pain_points"?/i.test(String(span.attributes['db.query.text'])),
    );
    expect(insert, texts.join('\n')).toBeDefined();
    expect(insert?.name).toBe('INSERT');
    expect(insert?.kind).toBe(SpanKind.CLIENT);
    expect(insert?.attributes['db.query.text']).toMatch(/\$1/);
    for (const statement of statements) {
      expect(statement.spanContext().traceId).toBe(TRACE_ID);
      expect(parentOf(statement)).toBe(server.spanContext().spanId);
      expect(String(statement.attributes['db.query.text'])).not.toContain(title);
      expect(String(statement.attributes['db.query.text'])).not.toContain(member.token);
    }
    expect(texts).toContain('commit');
  });

  test('without a traceparent a request starts its own trace; with the W3C propagator registered it joins as well', async () => {
    await fetch(`${base}/v1/standards`);
    const alone = await serverSpan('/v1/standards');
    expect(alone.parentSpanContext).toBeUndefined();
    expect(alone.spanContext().traceId).not.toBe(TRACE_ID);

    exporter.reset();
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    try {
      await fetch(`${base}/v1/standards`, { headers: { traceparent: TRACEPARENT } });
      const joined = await serverSpan('/v1/standards');
      expect(joined.spanContext().traceId).toBe(TRACE_ID);
      expect(parentOf(joined)).toBe(CALLER_SPAN_ID);
    } finally {
      propagation.disable();
    }
  });
});
