// One API instance of the live-updates benchmark, in its own process (started by live.mjs with
// --expose-gc): either @wsc/server on a PostgreSQL URL, or the baseline, a bare Fastify SSE
// broadcaster (PGlite when given a dataDirectory instead). Answers IPC messages: `heap` (heap after a full GC) and `close`.
import Fastify from 'fastify';
import pino from 'pino';

/** The bare baseline: one SSE route holding raw responses, one route writing a frame to all. */
async function startBareBroadcaster() {
  const app = Fastify({ logger: false });
  const streams = new Set();
  let nextId = 0;
  app.get('/v1/stream', (request, reply) => {
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    });
    request.raw.socket.setNoDelay(true);
    request.raw.socket.setTimeout(0);
    response.write('retry: 3000\n\n');
    streams.add(response);
    response.once('close', () => streams.delete(response));
  });
  app.post('/broadcast', async (request) => {
    nextId += 1;
    const body = JSON.stringify({
      id: String(nextId),
      type: 'pain_point.voted',
      createdAt: new Date().toISOString(),
      data: { painPointId: request.body.painPointId, voteCount: nextId },
    });
    const frame = `id: ${nextId}\nevent: pain_point.voted\ndata: ${body}\n\n`;
    for (const response of streams) response.write(frame);
    return { subscribers: streams.size };
  });
  app.addHook('preClose', async () => {
    for (const response of streams) response.destroy();
  });
  return app;
}

async function startServer(databaseUrl, dataDirectory) {
  const { createServer } = await import('@wsc/server');
  return createServer({
    databaseUrl,
    dataDirectory,
    rateLimit: false,
    logLevel: 'info',
    logStream: pino.destination({ dest: '/dev/null', sync: true }),
  });
}

process.once('message', async ({ kind, databaseUrl, dataDirectory }) => {
  const app = kind === 'bare' ? await startBareBroadcaster() : await startServer(databaseUrl, dataDirectory);
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', async (message) => {
    if (message.type === 'heap') {
      for (let round = 0; round < 3; round++) {
        globalThis.gc();
        await new Promise((resolve) => setImmediate(resolve));
      }
      const { heapUsed, rss } = process.memoryUsage();
      process.send({ type: 'heap', heapUsed, rss });
    } else if (message.type === 'close') {
      await app.close();
      process.send({ type: 'closed' });
      process.disconnect();
    }
  });
  process.send({ type: 'listening', url: `http://127.0.0.1:${app.server.address().port}` });
});
