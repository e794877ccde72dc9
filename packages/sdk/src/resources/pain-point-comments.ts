import {
  type Comment,
  type CommentCreate,
  type CommentListParamsInput,
  CommentSchema,
  PageSchema,
} from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';

/** Filters of `painPoints.comments.list`: `parentId` for the replies of one comment, `limit`, `cursor`. */
export type PainPointCommentListParams = CommentListParamsInput;
/** Body of `painPoints.comments.create`. */
export type PainPointCommentCreateParams = CommentCreate;

const CommentPageSchema = PageSchema(CommentSchema);

/** `/v1/pain-points/{id}/comments`: the discussion of one pain point. */
export class PainPointComments extends Resource {
  /**
   * Lists the comments of a pain point, oldest first.
   *
   * @example
   * for await (const comment of client.painPoints.comments.list(painPointId)) console.log(comment.body);
   */
  list(
    painPointId: string,
    params?: PainPointCommentListParams,
    options?: RequestOptions,
  ): PagePromise<Comment> {
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
   * await client.painPoints.comments.create(painPointId, { body: 'Same in our district.' });
   */
  create(
    painPointId: string,
    params: PainPointCommentCreateParams,
    options?: RequestOptions,
  ): ApiPromise<Comment> {
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
}
