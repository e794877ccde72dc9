import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { domainError } from '../errors/domain-error';
import { chooseCoding, type EmbedFile, embedPath, loadEmbedFiles } from './embed-files';

export interface EmbedRoutesOptions {
  /** The folder holding the built embed files; absent: every `/embed/v1/*` answers 404. */
  directory?: string | undefined;
}

const NOT_BUILT =
  'The widgets are not built on this server: set the embedDirectory option (WSC_EMBED_DIR) to the folder holding the built embed files.';

/** Whether `If-None-Match` names `tag` (weak comparison, as RFC 9110 asks for this header). */
function notModified(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
}

/**
 * Public code read without credentials from any partner page: `*` replaces the reflected origin
 * of the API's CORS (and never allows credentials), on errors too. Runs after the app's own
 * `onSend` steps, so it also drops the `Vary: Authorization` the ETag step adds to JSON.
 */
function answerAnyOrigin(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  reply.header('access-control-allow-origin', '*');
  reply.removeHeader('access-control-allow-credentials');
  reply.removeHeader('access-control-expose-headers');
  reply.header('cross-origin-resource-policy', 'cross-origin');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('vary', 'Accept-Encoding');
  done(null, payload);
}

function send(request: FastifyRequest, reply: FastifyReply, file: EmbedFile): FastifyReply {
  const coding = chooseCoding(file, request.headers['accept-encoding']);
  const representation = file.encodings[coding] ?? file.encodings.identity;
  reply.header('cache-control', file.cacheControl).header('etag', representation.etag);
  if (notModified(request.headers['if-none-match'], representation.etag)) return reply.code(304).send();
  if (coding !== 'identity') reply.header('content-encoding', coding);
  return reply.type(file.contentType).send(representation.body);
}

/**
 * `GET`/`HEAD /embed/v1/*`: the embeddable widgets' built files, read once from `directory` at
 * start and served from memory. The loader `wsc.js` is cached 5 minutes, the content-hashed
 * `chunks/*` and `assets/*` for a year (`immutable`); a `.br` or `.gz` sibling is served when
 * `Accept-Encoding` allows it; strong ETags answer 304; any origin may load them (CORS `*`,
 * `Cross-Origin-Resource-Policy: cross-origin`). Any other name is a 404 problem. The routes are
 * left out of `/openapi.json`, read no credentials and are not rate limited.
 *
 * @example
 * await app.register(embedRoutes, { directory: options.embedDirectory });
 */
export const embedRoutes: FastifyPluginAsync<EmbedRoutesOptions> = async (app, options) => {
  const directory = options.directory;
  const files = directory ? await loadEmbedFiles(directory) : undefined;
  if (directory && !files?.has('wsc.js')) {
    app.log.warn({ directory }, 'embedDirectory holds no wsc.js: /embed/v1/wsc.js answers 404');
  }
  app.get<{ Params: { '*': string } }>(
    '/embed/v1/*',
    {
      schema: { hide: true },
      config: { anonymous: true, rateLimit: false },
      onSend: answerAnyOrigin,
    },
    async (request, reply) => {
      if (!files) throw domainError('not-found', { detail: NOT_BUILT });
      const wanted = embedPath(request.params['*']);
      const file = wanted === undefined ? undefined : files.get(wanted);
      if (!file) {
        throw domainError('not-found', {
          detail:
            'No embed file has this path: the loader is /embed/v1/wsc.js, the other files are under /embed/v1/chunks/ and /embed/v1/assets/.',
        });
      }
      return send(request, reply, file);
    },
  );
};
