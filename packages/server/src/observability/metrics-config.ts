/** `createServer({ metrics })`: where Prometheus reads `GET /metrics`. Neither set: nowhere. */
export interface MetricsOptions {
  /**
   * A Bearer token (16+ characters) that `GET /metrics` on the API's own port requires
   * (`WSC_METRICS_TOKEN`). Absent: the API's port answers 404 there.
   */
  token?: string | undefined;
  /**
   * A second, internal port serving only `GET /metrics` (`WSC_METRICS_PORT`; 0 picks a free one),
   * opened when the server is ready. It asks for the token too when one is set.
   */
  port?: number | undefined;
  /** The address the internal port listens on (`WSC_METRICS_HOST`, default `127.0.0.1`). */
  host?: string | undefined;
}

/** {@link MetricsOptions} after defaults. */
export interface MetricsConfig {
  token: string | null;
  port: number | null;
  host: string;
}

const SHORTEST_TOKEN = 16;

/**
 * Fills the defaults of {@link MetricsOptions}; refuses a short token or a port out of range.
 *
 * @example
 * resolveMetricsConfig({ port: 9464 }); // { token: null, port: 9464, host: '127.0.0.1' }
 */
export function resolveMetricsConfig(options: MetricsOptions | undefined): MetricsConfig {
  const token = options?.token?.trim() || null;
  if (token !== null && token.length < SHORTEST_TOKEN) {
    throw new Error(`WSC_METRICS_TOKEN must be at least ${SHORTEST_TOKEN} characters long`);
  }
  const port = options?.port ?? null;
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new Error(`WSC_METRICS_PORT must be a port number between 0 and 65535, not "${port}"`);
  }
  return { token, port, host: options?.host?.trim() || '127.0.0.1' };
}

/**
 * Reads `WSC_METRICS_TOKEN`, `WSC_METRICS_PORT` and `WSC_METRICS_HOST`.
 *
 * @example
 * metricsOptionsFromEnvironment({ WSC_METRICS_PORT: '9464' }); // { port: 9464, … }
 */
export function metricsOptionsFromEnvironment(environment: NodeJS.ProcessEnv): MetricsOptions {
  const port = environment.WSC_METRICS_PORT?.trim();
  if (port && !/^\d+$/.test(port)) {
    throw new Error(`WSC_METRICS_PORT must be a port number between 0 and 65535, not "${port}"`);
  }
  return {
    token: environment.WSC_METRICS_TOKEN || undefined,
    port: port ? Number(port) : undefined,
    host: environment.WSC_METRICS_HOST || undefined,
  };
}
