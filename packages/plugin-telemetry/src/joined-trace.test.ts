// One trace from a partner's SDK call to the SQL it caused: @wsc/sdk with this plugin calls
// @wsc/server in the same process over real HTTP; one in-memory exporter receives every span.
import { context, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { WscClient } from '@wsc/sdk';
import { createTestServer, signUp, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { telemetry } from './telemetry';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

let app: TestServer;
let baseURL: string;

beforeAll(async () => {
  // As a host does: a context manager and a tracer provider, and (on purpose) no propagator.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  app = await createTestServer({ webhookWorker: false });
  baseURL = await app.listen({ port: 0, host: '127.0.0.1' });
  // A new PGlite database takes several seconds on a busy machine.
}, 120_000);
afterAll(async () => {
  await app?.dispose();
  trace.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

/** The SDK's span of a call (the API's server span carries the same name). */
function clientSpan(name: string): ReadableSpan | undefined {
  return exporter.getFinishedSpans().find((span) => span.kind === SpanKind.CLIENT && span.name === name);
}

/** The spans of one trace, once the server's span has ended (it ends when the socket closes). */
async function traceOf(client: ReadableSpan): Promise<ReadableSpan[]> {
  const { traceId, spanId } = client.spanContext();
  const serverSpan = () =>
    exporter
      .getFinishedSpans()
      .find((span) => span.kind === SpanKind.SERVER && span.parentSpanContext?.spanId === spanId);
  await expect.poll(serverSpan).toBeDefined();
  return exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
}

describe('a partner call traced end to end', () => {
  it("joins the SDK's client span, the API's server span and the SQL it ran in one trace", async () => {
    const member = await signUp(app);
    exporter.reset();
    const client = new (WscClient.plugin(telemetry))({ baseURL, token: member.token });
    const outer = provider.getTracer('partner-backend');
    const created = await outer.startActiveSpan('partner: report a pain point', async (span) => {
      try {
        return await client.painPoints.create({
          title: { en: 'Buses bunch on the ring road' },
          description: { en: 'Three buses arrive together, then none for forty minutes.' },
          domain: 'mobility',
          severity: 'medium',
        });
      } finally {
        span.end();
      }
    });
    expect(created.id).toBeTruthy();

    const root = exporter.getFinishedSpans().find((span) => span.name === 'partner: report a pain point');
    const call = clientSpan('POST /v1/pain-points');
    expect(root && call).toBeTruthy();
    const spans = await traceOf(call as ReadableSpan);
    const server = spans.find((span) => span.kind === SpanKind.SERVER);
    const statements = spans.filter((span) => span.attributes['db.system.name'] === 'postgresql');

    // partner span → SDK client span → API server span → one span per SQL statement.
    expect(call?.kind).toBe(SpanKind.CLIENT);
    expect(call?.parentSpanContext?.spanId).toBe(root?.spanContext().spanId);
    expect(server?.name).toBe('POST /v1/pain-points');
    expect(server?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
    expect(server?.attributes['http.response.status_code']).toBe(201);
    expect(server?.attributes['wsc.request_id']).toBe(call?.attributes['wsc.request_id']);
    expect(statements.length).toBeGreaterThan(2);
    for (const statement of statements) {
      expect(statement.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
      expect(String(statement.attributes['db.query.text'])).not.toContain('Buses bunch');
    }
    const texts = statements.map((span) => String(span.attributes['db.query.text']));
    expect(texts.some((text) => /insert into "?pain_points"?/i.test(text))).toBe(true);
  });

  it('a read joins too, and a call outside any span starts the trace at the SDK', async () => {
    const client = new (WscClient.plugin(telemetry))({ baseURL });
    await client.standards.list({ limit: 2 });
    const call = clientSpan('GET /v1/standards');
    expect(call?.parentSpanContext).toBeUndefined();
    const spans = await traceOf(call as ReadableSpan);
    const server = spans.find((span) => span.kind === SpanKind.SERVER);
    expect(server?.attributes['http.route']).toBe('/v1/standards');
    expect(spans.some((span) => span.attributes['db.operation.name'] === 'select')).toBe(true);
  });
});
