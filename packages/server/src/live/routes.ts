import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { HttpProblem } from '../http/problem';
import { objectTopic, parseTopics } from '../outbox/topics';
import { SSE_PREAMBLE } from './sse-frame';
import { viewerOf } from './viewer';

const StreamQuerySchema = z.object({
  topics: z.optional(z.string().check(z.maxLength(2000))),
  lastEventId: z.optional(z.string().check(z.regex(/^\d{1,18}$/))),
  key: z.optional(z.string()),
});

const LAST_EVENT_ID = /^\d{1,18}$/;

/**
 * `GET /v1/stream?topics=pain-points,votes,comments,events/{id}`: Server-Sent Events of the
 * outbox. Reconnect with `Last-Event-ID` (or `?lastEventId=`) to receive what was missed.
 *
 * @example
 * await app.register(liveRoutes);
 */
export const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/stream',
    {
      schema: {
        tags: ['live'],
        summary: 'Live updates (Server-Sent Events)',
        description:
          'Frames: `id: <outbox id>`, `event: <type>`, `data: {"id","type","createdAt","data"}`; `: ping` comments every 15 s. Topics: pain-points, votes, comments, standard-mappings, events, registrations, events/{id}, pain-points/{id}. Send `Last-Event-ID` to replay. Each subscriber receives only what its credentials may read.',
        querystring: StreamQuerySchema,
      },
    },
    async (request, reply) => {
      const topics = new Set(await resolveObjectTopics(parseTopics(request.query.topics)));
      const header = request.headers['last-event-id'];
      const rawLastEventId = (typeof header === 'string' && header.trim()) || request.query.lastEventId;
      if (rawLastEventId !== undefined && !LAST_EVENT_ID.test(rawLastEventId)) {
        throw new HttpProblem(422, 'Validation failed', {
          type: 'validation-failed',
          detail: 'Last-Event-ID must be the id of an event of this stream.',
          errors: [{ path: 'lastEventId', message: 'Expected a decimal event id', code: 'invalid_format' }],
        });
      }
      const viewer = await viewerOf(app.db, request.principal);

      reply.hijack();
      const response = reply.raw;
      const headers: Record<string, string | number | string[]> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) headers[name] = value;
      }
      response.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx and similar proxies would otherwise buffer the stream.
        'x-accel-buffering': 'no',
      });
      request.raw.socket.setNoDelay(true);
      request.raw.socket.setTimeout(0);
      response.write(SSE_PREAMBLE);
      try {
        await app.live.add(response, {
          topics,
          viewer,
          lastEventId: rawLastEventId === undefined ? null : Number(rawLastEventId),
        });
      } catch (error) {
        request.log.warn({ err: error }, 'live replay failed; the stream was closed');
      }
    },
  );

  /** `events/{slug}` and `pain-points/{slug}` follow the object's id, which events carry. */
  async function resolveObjectTopics(topics: string[]): Promise<string[]> {
    const resolved: string[] = [];
    for (const topic of topics) {
      const object = objectTopic(topic);
      if (!object) {
        resolved.push(topic);
        continue;
      }
      const table = object.collection === 'events' ? 'events' : 'pain_points';
      const row = await app.db
        .selectFrom(table)
        .select('id')
        .where((eb) => eb.or([eb('id', '=', object.id), eb('slug', '=', object.id)]))
        .executeTakeFirst();
      if (!row) {
        throw new HttpProblem(404, `${object.collection === 'events' ? 'Event' : 'Pain point'} not found`, {
          detail: `No ${object.collection === 'events' ? 'event' : 'pain point'} has the id or slug ${object.id} (topic ${topic}).`,
        });
      }
      resolved.push(`${object.collection}/${row.id}`);
    }
    return resolved;
  }
};
