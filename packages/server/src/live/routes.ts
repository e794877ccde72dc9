import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { domainError } from '../errors/domain-error';
import { objectTopic, parseTopics } from '../outbox/topics';
import { SSE_PREAMBLE } from './sse-frame';
import { streamCredentialOf } from './stream-credentials';
import { viewerOf } from './viewer';

const StreamQuerySchema = z.object({
  topics: z.optional(z.string().check(z.maxLength(2000))),
  lastEventId: z.optional(z.string().check(z.regex(/^\d{1,18}$/))),
  key: z.optional(z.string()),
});

const LAST_EVENT_ID = /^\d{1,18}$/;
const STREAM_HEADERS = /^(x-request-id|access-control-|vary$|x-ratelimit-)/;

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
      // Page security headers (frame and referrer policies…) mean nothing to an event stream and
      // would be held for the life of every open stream. The stream writes the one that matters,
      // `x-content-type-options: nosniff`, itself.
      config: { securityHeaders: false },
      schema: {
        answers: {
          200: {
            description: 'The event stream, open until the client leaves or its credentials lapse.',
            mediaTypes: ['text/event-stream'],
          },
        },
        problems: ['not-found'],
        tags: ['live'],
        summary: 'Live updates (Server-Sent Events)',
        description:
          'Frames: `id: <outbox id>`, `event: <type>`, `data: {"id","type","createdAt","data"}`; `: ping` comments every 15 s. Topics: pain-points, votes, comments, standard-mappings, events, registrations, events/{id}, pain-points/{id}. Send `Last-Event-ID` to replay. Each subscriber receives only what its credentials may read; the stream ends when they lapse (revoked, expired, disabled, roles changed: checked every 30 s by default).',
        querystring: StreamQuerySchema,
      },
    },
    async (request, reply) => {
      const topics = sharedTopicSet(await resolveObjectTopics(parseTopics(request.query.topics)));
      const header = request.headers['last-event-id'];
      const rawLastEventId = (typeof header === 'string' && header.trim()) || request.query.lastEventId;
      if (rawLastEventId !== undefined && !LAST_EVENT_ID.test(rawLastEventId)) {
        throw domainError('validation-failed', {
          detail: 'Last-Event-ID must be the id of an event of this stream.',
          errors: [{ path: 'lastEventId', message: 'Expected a decimal event id', code: 'invalid_format' }],
        });
      }
      const viewer = await viewerOf(app.db, request.principal);

      reply.hijack();
      const response = reply.raw;
      // Only what a stream needs (request id, CORS, rate limits): every header stays in memory
      // for the life of the connection, and thousands of streams stay open.
      const headers: Record<string, string | number | string[]> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined && STREAM_HEADERS.test(name)) headers[name] = value;
        reply.removeHeader(name);
      }
      response.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'x-content-type-options': 'nosniff',
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
          credential: streamCredentialOf(request, viewer),
          lastEventId: rawLastEventId === undefined ? null : Number(rawLastEventId),
        });
      } catch (error) {
        request.log.warn({ err: error }, 'live replay failed; the stream was closed');
      }
    },
  );

  /** Streams asking for the same topics share one read-only set. */
  const topicSets = new Map<string, ReadonlySet<string>>();
  function sharedTopicSet(topics: string[]): ReadonlySet<string> {
    const key = [...topics].sort().join(',');
    let set = topicSets.get(key);
    if (!set) {
      set = new Set(topics);
      if (topicSets.size < 10_000) topicSets.set(key, set);
    }
    return set;
  }

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
        throw domainError('not-found', {
          detail: `No ${object.collection === 'events' ? 'event' : 'pain point'} has the id or slug ${object.id} (topic ${topic}).`,
        });
      }
      resolved.push(`${object.collection}/${row.id}`);
    }
    return resolved;
  }
};
