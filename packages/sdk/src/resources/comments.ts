import {
  type Comment,
  type CommentCreate,
  type CommentListParamsInput,
  CommentSchema,
  PageSchema,
  type ReportCreate,
  type ReportResult,
  ReportResultSchema,
} from '@wsc/models';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';

/** Filters of `comments.list`: `parentId` for the replies of one comment, `limit`, `cursor`. */
export type CommentListParams = CommentListParamsInput;
/** Body of `comments.create`. */
export type CommentCreateParams = CommentCreate;
/** Body of `comments.report`: a reason, and a note when the reason is `other`. */
export type CommentReportParams = ReportCreate;
/** Body of `comments.edit`: the new text. */
export type CommentEditParams = { body: string };
/** Body of `comments.hide` and `comments.restore`: why, for the moderation log. */
export type CommentModerateParams = { reason?: string };

const CommentPageSchema = PageSchema(CommentSchema);

/** Discussion of pain points: `/v1/pain-points/{id}/comments` and `/v1/comments/{id}`. */
export class Comments extends Resource {
  /**
   * Lists the comments of a pain point, oldest first.
   *
   * @example
   * for await (const comment of client.comments.list(painPointId)) console.log(comment.body);
   */
  list(painPointId: string, params?: CommentListParams, options?: RequestOptions): PagePromise<Comment> {
    return this.paginate(
      endpoint`/v1/pain-points/${painPointId}/comments`,
      CommentPageSchema,
      params,
      options,
    );
  }

  /**
   * Comments on a pain point, or replies to a comment with `parentId`.
   *
   * @example
   * await client.comments.create(painPointId, { body: 'Same in our district.' });
   */
  create(painPointId: string, params: CommentCreateParams, options?: RequestOptions): Promise<Comment> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/pain-points/${painPointId}/comments`,
        body: params,
        schema: CommentSchema,
      },
      options,
    );
  }

  /**
   * Edits your own comment, within 15 minutes of posting it.
   *
   * @example
   * await client.comments.edit(commentId, { body: 'Same in our district since 2021.' });
   */
  edit(id: string, params: CommentEditParams, options?: RequestOptions): Promise<Comment> {
    return this.client.request(
      { method: 'PATCH', ...endpoint`/v1/comments/${id}`, body: params, schema: CommentSchema },
      options,
    );
  }

  /**
   * Reports a comment to the moderators; the answer says whether it is now hidden.
   *
   * @example
   * const { commentHidden } = await client.comments.report(commentId, { reason: 'spam' });
   */
  report(id: string, params: CommentReportParams, options?: RequestOptions): Promise<ReportResult> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/comments/${id}/reports`, body: params, schema: ReportResultSchema },
      options,
    );
  }

  /**
   * Hides a comment (moderators).
   *
   * @example
   * await client.comments.hide(commentId, { reason: 'Personal attack' });
   */
  hide(id: string, params: CommentModerateParams = {}, options?: RequestOptions): Promise<Comment> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/comments/${id}/hide`, body: params, schema: CommentSchema },
      options,
    );
  }

  /**
   * Restores a hidden comment and resolves its reports (moderators).
   *
   * @example
   * await client.comments.restore(commentId);
   */
  restore(id: string, params: CommentModerateParams = {}, options?: RequestOptions): Promise<Comment> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/comments/${id}/restore`, body: params, schema: CommentSchema },
      options,
    );
  }
}
