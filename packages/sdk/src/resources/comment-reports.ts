import { type ReportCreate, type ReportResult, ReportResultSchema } from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `comments.reports.create`: a reason, and a note when the reason is `other`. */
export type CommentReportCreateParams = ReportCreate;

/** `/v1/comments/{id}/reports`: members flag a comment to the moderators. */
export class CommentReports extends Resource {
  /**
   * Reports a comment to the moderators; the answer says whether it is now hidden.
   *
   * @example
   * const { commentHidden } = await client.comments.reports.create(commentId, { reason: 'spam' });
   */
  create(
    commentId: string,
    params: CommentReportCreateParams,
    options?: RequestOptions,
  ): ApiPromise<ReportResult> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/comments/${commentId}/reports`,
        body: params,
        schema: ReportResultSchema,
      },
      options,
    );
  }
}
