import { propagation } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { retry } from '@wsc/plugin-retry';
import { WscClient } from '@wsc/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { painPointFixture, type StubServer, sendJson, startStubServer } from '../../sdk/test/stub-server';
import { telemetry } from './telemetry';

let stub: StubServer;
const exporter = new InMemorySpanExporter();
const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer(
  'test',
);

beforeAll(async () => {
  stub = await startStubServer();
});
afterAll(() => stub.close());
beforeEach(() => exporter.reset());

describe('@wsc/plugin-telemetry', () => {
  it('records a client span with route and status', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    const client = new (WscClient.plugin(telemetry))({ baseURL: stub.baseURL, telemetry: { tracer } });
    await client.painPoints.get('pp_1');
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe('GET /v1/pain-points/{id}');
    expect(span?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.template': '/v1/pain-points/{id}',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
      'wsc.request_id': 'req_stub',
    });
    expect(span?.status.code).toBe(0);
  });

  it('sends a W3C traceparent naming the span', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    try {
      await new (WscClient.plugin(telemetry))({
        baseURL: stub.baseURL,
        telemetry: { tracer },
      }).painPoints.get('pp_1');
    } finally {
      propagation.disable();
    }
    const [span] = exporter.getFinishedSpans();
    const { traceId, spanId } = span?.spanContext() ?? {};
    expect(stub.requests[0]?.headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('sends traceparent (and tracestate) even when the application registered no propagator', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    await new (WscClient.plugin(telemetry))({ baseURL: stub.baseURL, telemetry: { tracer } }).painPoints.get(
      'pp_1',
    );
    const [span] = exporter.getFinishedSpans();
    const { traceId, spanId } = span?.spanContext() ?? {};
    expect(stub.requests[0]?.headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('sends no traceparent from a no-op tracer (no provider: nothing to join)', async () => {
    stub.handle((_request, response) => sendJson(response, 200, painPointFixture()));
    await new (WscClient.plugin(telemetry))({ baseURL: stub.baseURL }).painPoints.get('pp_1');
    expect(stub.requests[0]?.headers.traceparent).toBeUndefined();
  });

  it('marks failures with error.type and counts retries', async () => {
    stub.handle((_request, response, index) =>
      index < 2
        ? sendJson(response, 503, { type: 'x', title: 'Unavailable', status: 503 })
        : sendJson(response, 404, { type: 'x', title: 'Not Found', status: 404 }),
    );
    const client = new (WscClient.plugin(retry, telemetry))({
      baseURL: stub.baseURL,
      telemetry: { tracer },
      retry: { minDelay: 5, maxDelay: 10 },
    });
    await expect(client.standards.get('nope')).rejects.toMatchObject({ status: 404 });
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes).toMatchObject({
      'http.response.status_code': 404,
      'error.type': '404',
      'http.request.resend_count': 2,
    });
    expect(spans[0]?.status.code).toBe(2);
  });

  it('gives each attempt its own span when applied before retry', async () => {
    stub.handle((_request, response, index) =>
      index < 1
        ? sendJson(response, 503, { type: 'x', title: 'Unavailable', status: 503 })
        : sendJson(response, 200, painPointFixture()),
    );
    const client = new (WscClient.plugin(telemetry, retry))({
      baseURL: stub.baseURL,
      telemetry: { tracer },
      retry: { minDelay: 5, maxDelay: 10 },
    });
    await client.painPoints.get('pp_1');
    const statuses = exporter.getFinishedSpans().map((span) => span.attributes['http.response.status_code']);
    expect(statuses).toEqual([503, 200]);
  });
});
