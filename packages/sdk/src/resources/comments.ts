import { type Comment, CommentSchema } from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { WscClient } from '../client';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';
import { CommentReports } from './comment-reports';

/** Body of `comments.update`: the new text. */
export type CommentUpdateParams = { body: string };
/** Body of `comments.hide` and `comments.restore`: why, for the moderation log. */
export type CommentModerateParams = { reason?: string };

/**
 * `/v1/comments/{id}`: one comment, wherever it was posted. A pain point's discussion is listed
 * and added to through `painPoints.comments`.
 */
export class Comments extends Resource {
  /** `/v1/comments/{id}/reports`: flagging a comment to the moderators. */
  readonly reports: CommentReports;

  constructor(client: WscClient) {
    super(client);
    this.reports = new CommentReports(client);
  }

  /**
   * Changes your own comment's text, within 15 minutes of posting it.
   *
   * @example
   * await client.comments.update(commentId, { body: 'Same in our district since 2021.' });
   */
  update(id: string, params: CommentUpdateParams, options?: RequestOptions): ApiPromise<Comment> {
    return this.client.request(
      { method: 'PATCH', ...endpoint`/v1/comments/${id}`, body: params, schema: CommentSchema },
      options,
    );
  }

  /**
   * Hides a comment (moderators).
   *
   * @example
   * await client.comments.hide(commentId, { reason: 'Personal attack' });
   */
  hide(id: string, params: CommentModerateParams = {}, options?: RequestOptions): ApiPromise<Comment> {
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
  restore(id: string, params: CommentModerateParams = {}, options?: RequestOptions): ApiPromise<Comment> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/comments/${id}/restore`, body: params, schema: CommentSchema },
      options,
    );
  }
}
