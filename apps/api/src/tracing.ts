import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * Sends the server's spans to an OpenTelemetry collector when the standard variables name one
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, OTLP over HTTP/JSON;
 * `OTEL_SERVICE_NAME`, default `wsc-api`; `OTEL_TRACES_EXPORTER=none` turns it off). Registers the
 * provider globally with the W3C trace-context propagator and an AsyncLocalStorage context
 * manager. Without an endpoint nothing is registered and @wsc/server's spans stay no-ops.
 * Resolves to the function that sends the spans still buffered (call it at shutdown).
 *
 * @example
 * const stopTracing = startTracing(process.env);
 * await stopTracing();
 */
export function startTracing(environment: NodeJS.ProcessEnv): () => Promise<void> {
  const endpoint =
    environment.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || environment.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!endpoint || environment.OTEL_TRACES_EXPORTER?.trim() === 'none') return async () => {};
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': environment.OTEL_SERVICE_NAME?.trim() || 'wsc-api' }),
    // The exporter reads the OTEL_EXPORTER_OTLP_* variables (endpoint, headers, timeout) itself.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return () => provider.shutdown();
}
