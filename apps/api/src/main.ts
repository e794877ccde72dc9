import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createServer, DEFAULT_PORT, optionsFromEnvironment } from '@wsc/server';
import { ensureSampleForum } from './sample-forum';
import { ensureSamplePartner } from './sample-partner';
import { startTracing } from './tracing';

/** The built widgets of the installed @wsc/widgets, served at /embed/v1/ unless WSC_EMBED_DIR names another folder. */
function installedEmbedDirectory(): string {
  const manifest = createRequire(import.meta.url).resolve('@wsc/widgets/package.json');
  return join(dirname(manifest), 'dist', 'embed');
}

/**
 * Past the grace period (`WSC_SHUTDOWN_GRACE_SECONDS`) close() drops the requests still running; this
 * much longer is left for it to close the database before the process exits without it.
 */
const SHUTDOWN_CLOSE_MARGIN_MILLISECONDS = 5_000;

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  const host = process.env.HOST || '127.0.0.1';
  const options = optionsFromEnvironment(process.env);
  // Before the server: its spans go to the provider registered here (none without an endpoint).
  const stopTracing = startTracing(process.env);
  const app = await createServer({
    ...options,
    embedDirectory: options.embedDirectory ?? installedEmbedDirectory(),
    publicUrl:
      options.publicUrl ?? `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`,
  });
  // `npm start` (scripts/start.mjs) asks for the sample apps' partner, keys and upcoming forum
  // before listening.
  const samplePartnerFile = process.env.WSC_SAMPLE_PARTNER_FILE;
  if (samplePartnerFile) {
    const origins = (process.env.WSC_SAMPLE_PARTNER_ORIGINS ?? '').split(',').filter(Boolean);
    const accountPage = process.env.WSC_SAMPLE_PARTNER_ACCOUNT_PAGE || null;
    const { partner } = await ensureSamplePartner(app.database.db, samplePartnerFile, origins, accountPage);
    await ensureSampleForum(app.database.db, partner.partnerId);
  }
  const address = await app.listen({ port, host });
  const publicUrl = app.config.publicUrl;
  process.stdout.write(
    `World Smart City Community API listening on ${address} (${app.database.kind})\n  API reference: ${publicUrl}/docs\n  OpenAPI:       ${publicUrl}/openapi.json\n  Widgets:       ${publicUrl}/embed/v1/wsc.js\n`,
  );
  const metrics = app.config.metrics;
  if (metrics.port !== null) {
    process.stdout.write(`  Metrics:       http://${metrics.host}:${metrics.port}/metrics (internal port)\n`);
  }
  if (metrics.token !== null) process.stdout.write(`  Metrics:       ${publicUrl}/metrics (Bearer token)\n`);
  if (app.database.kind === 'pglite')
    process.stdout.write(`  Data folder:   ${options.dataDirectory ?? '.data'}\n`);
  if (!options.admin) {
    process.stdout.write(
      '  No admin: set WSC_ADMIN_EMAIL and WSC_ADMIN_PASSWORD (12+ characters) to create one at start.\n',
    );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long: exiting');
      process.exit(1);
    }, app.config.shutdownGraceMilliseconds + SHUTDOWN_CLOSE_MARGIN_MILLISECONDS);
    timer.unref();
    // close() ends the live streams with a reconnect hint, stops accepting connections, waits for
    // in-flight requests (up to the grace period), then closes the database; the spans still
    // buffered go to the collector last.
    app
      .close()
      .then(() => stopTracing())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`@wsc/api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
