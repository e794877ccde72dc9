// The runnable API (apps/api) as an operator starts it: WSC_METRICS_* put /metrics where they say,
// and the standard OTEL_EXPORTER_OTLP_* variables send its spans to a collector (here a real
// HTTP receiver of OTLP/JSON on this machine).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiProcess, builtApiIncludes, startApiProcess, waitUntil } from '../test-support/api-process';
import { parsePrometheusText, sampleValue } from '../test-support/prometheus-text';

const built = builtApiIncludes('WSC_METRICS_TOKEN');
if (!built)
  console.warn(
    'SKIPPED: the API process tests of metrics and traces (build apps/api and @wsc/server first).',
  );

const TOKEN = 'operator-metrics-token-0123456789';
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN_ID = 'b7ad6b7169203331';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

describe.skipIf(!built)('the API process: metrics and traces from the environment', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'wsc-observe-'));
  const spans: OtlpSpan[] = [];
  let collector: Server;
  let api: ApiProcess;
  let metricsPort = 0;

  beforeAll(async () => {
    collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        if (request.url === '/v1/traces') {
          const message = JSON.parse(body) as {
            resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
          };
          for (const resource of message.resourceSpans)
            for (const scope of resource.scopeSpans) spans.push(...scope.spans);
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const collectorPort = (collector.address() as AddressInfo).port;
    metricsPort = await freePort();
    api = await startApiProcess({
      WSC_DATA_DIR: folder,
      WSC_METRICS_TOKEN: TOKEN,
      WSC_METRICS_PORT: String(metricsPort),
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  }, 120_000);
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    await new Promise<void>((resolve) => (collector ? collector.close(() => resolve()) : resolve()));
    rmSync(folder, { recursive: true, force: true });
  });

  test('GET /metrics answers with the token on the API port and on the internal port', async () => {
    expect((await fetch(`${api.url}/v1/standards`)).status).toBe(200);
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    for (const url of [`${api.url}/metrics`, `http://127.0.0.1:${metricsPort}/metrics`]) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      const families = parsePrometheusText(await response.text());
      expect(
        sampleValue(families, 'wsc_http_request_duration_seconds_count', {
          route: '/v1/standards',
          status_code: '200',
        }),
      ).toBe(1);
    }
  });

  test("a request's spans reach the collector, continuing the caller's trace", async () => {
    const response = await fetch(`${api.url}/v1/standards?limit=2`, {
      headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
    });
    expect(response.status).toBe(200);
    await waitUntil(
      () => spans.some((span) => span.traceId === TRACE_ID && span.name === 'GET /v1/standards'),
      20_000,
      'the server span at the collector',
    );
    const server = spans.find((span) => span.traceId === TRACE_ID && span.name === 'GET /v1/standards');
    expect(server?.parentSpanId).toBe(CALLER_SPAN_ID);
    await waitUntil(
      () => spans.some((span) => span.parentSpanId === server?.spanId && span.name === 'SELECT'),
      20_000,
      'a SQL span under the server span',
    );
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
