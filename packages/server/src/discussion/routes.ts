import {
  COMMENT_MAX_LENGTH,
  CommentCreateSchema,
  CommentListParamsSchema,
  CommentSchema,
  IdSchema,
  ModerationQueueItemSchema,
  ModerationQueueParamsSchema,
  PageSchema,
  ReportCreateSchema,
  ReportResultSchema,
} from '@wsc/models';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { actorOf } from '../access/actor';
import {
  editComment,
  listCommentPage,
  moderateComment,
  moderationQueuePage,
  postComment,
  reportComment,
} from './service';

const ParamsSchema = z.object({ id: IdSchema });
const CommentEditSchema = z.object({
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(COMMENT_MAX_LENGTH)),
});
// The body is optional: a bodiless POST reaches the validator as null.
const ModerationBodySchema = z.nullish(
  z.object({ reason: z.optional(z.string().check(z.trim(), z.maxLength(1000))) }),
);

/**
 * Discussion of a pain point (one level of replies), the 15-minute edit window, reports, and
 * the moderators' hide and restore.
 *
 * @example
 * await app.register(discussionRoutes);
 */
export const discussionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/pain-points/:id/comments',
    {
      schema: {
        answers: { 200: 'A page of the discussion.' },
        tags: ['discussion'],
        summary: 'List a discussion, oldest first: top-level comments, or the replies of `parentId`',
        params: ParamsSchema,
        querystring: CommentListParamsSchema,
        response: { 200: PageSchema(CommentSchema) },
      },
    },
    async (request) => listCommentPage(app.db, actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/v1/pain-points/:id/comments',
    {
      config: { access: 'member' },
      schema: {
        answers: { 201: 'The new comment.' },
        problems: ['discussion-locked', 'reply-too-deep', 'reply-refused'],
        tags: ['discussion'],
        summary: 'Comment, or reply to a top-level comment (`parentId`)',
        description:
          'Threads are one level deep: `parentId` must be a top-level comment of this pain point; replying to a reply is refused with 422 (`parentId`), reply to its parent instead. A locked discussion answers 409.',
        params: ParamsSchema,
        body: CommentCreateSchema,
        response: { 201: CommentSchema },
      },
    },
    async (request, reply) => {
      const comment = await postComment(app.db, actorOf(request), request.params.id, request.body);
      return reply.code(201).send(comment);
    },
  );

  app.patch(
    '/v1/comments/:id',
    {
      config: { access: 'member' },
      schema: {
        answers: { 200: 'The comment as edited.' },
        problems: ['not-author', 'edit-window-closed', 'comment-hidden', 'discussion-locked'],
        tags: ['discussion'],
        summary: 'Edit your comment within 15 minutes of posting',
        params: ParamsSchema,
        body: CommentEditSchema,
        response: { 200: CommentSchema },
      },
    },
    async (request) => {
      return editComment(app.db, actorOf(request), request.params.id, request.body.body);
    },
  );

  app.post(
    '/v1/comments/:id/reports',
    {
      config: { access: 'member' },
      schema: {
        answers: { 201: 'The report, queued for moderators.' },
        problems: ['own-comment', 'already-reported'],
        tags: ['moderation'],
        summary:
          'Report a comment (once per member; three members from two independent sources hide it until reviewed)',
        description:
          'Reports hide a comment automatically when three distinct members reported it since the last review, from at least two independent sources: distinct partners that minted the reporters’ accounts through single sign-on (all the accounts of one partner are one source), or community accounts with confirmed addresses. The report records the partner it came through (`partnerId`).',
        params: ParamsSchema,
        body: ReportCreateSchema,
        response: { 201: ReportResultSchema },
      },
    },
    async (request, reply) => {
      const result = await reportComment(app.db, actorOf(request), request.params.id, request.body);
      return reply.code(201).send(result);
    },
  );

  for (const [action, hidden] of [
    ['hide', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/v1/comments/:id/${action}`,
      {
        config: { access: { roles: ['moderator'] } },
        schema: {
          tags: ['moderation'],
          summary: hidden
            ? 'Hide a comment (moderators)'
            : 'Restore a hidden comment and resolve its reports (moderators)',
          params: ParamsSchema,
          body: ModerationBodySchema,
          response: { 200: CommentSchema },
          answers: { 200: hidden ? 'The comment, hidden.' : 'The comment, visible again.' },
        },
      },
      async (request) => {
        return moderateComment(app.db, actorOf(request), request.params.id, hidden, request.body?.reason);
      },
    );
  }

  app.get(
    '/v1/moderation/comments',
    {
      config: { access: { roles: ['moderator'] } },
      schema: {
        answers: { 200: 'A page of reported or hidden comments.' },
        tags: ['moderation'],
        summary:
          'The moderation queue: reported (open reports) or hidden comments, newest first (moderators)',
        querystring: ModerationQueueParamsSchema,
        response: { 200: PageSchema(ModerationQueueItemSchema) },
      },
    },
    async (request) => {
      return moderationQueuePage(app.db, actorOf(request), request.query);
    },
  );
};
