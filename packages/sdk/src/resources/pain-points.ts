import {
  type Comment,
  CommentSchema,
  PageSchema,
  type PainPointCoverage,
  PainPointCoverageSchema,
  type PainPointCreateInput,
  type PainPointListParamsInput,
  type PainPointStatusChange,
  type PainPointUpdate,
  type PainPointView,
  PainPointViewSchema,
  type StandardMapping,
  type StandardMappingCreate,
  StandardMappingSchema,
  type VoteResult,
  VoteResultSchema,
} from '@wsc/models';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';
import type { CommentListParams } from './comments';

/** Filters of `painPoints.list`: `domain`, `country`, `city`, `status`, `standard`, `q`, `sort`, `limit`, `cursor`. */
export type PainPointListParams = PainPointListParamsInput;
/** Body of `painPoints.create`. */
export type PainPointCreateParams = PainPointCreateInput;
/** Body of `painPoints.update`. */
export type PainPointUpdateParams = PainPointUpdate;
/** Body of `painPoints.changeStatus`. */
export type PainPointChangeStatusParams = PainPointStatusChange;
/** Body of `painPoints.mapStandard`. */
export type PainPointMapStandardParams = StandardMappingCreate;

const PainPointPageSchema = PageSchema(PainPointViewSchema);
const CommentPageSchema = PageSchema(CommentSchema);

/** `/v1/pain-points`: the difficulties city stakeholders report, vote on and discuss. */
export class PainPoints extends Resource {
  /**
   * Lists pain points; await for one page or iterate for all.
   *
   * @example
   * const page = await client.painPoints.list({ domain: 'water', sort: 'top', limit: 10 });
   * for await (const painPoint of client.painPoints.list({ country: 'SG' })) console.log(painPoint.id);
   */
  list(params?: PainPointListParams, options?: RequestOptions): PagePromise<PainPointView> {
    return this.paginate(endpoint`/v1/pain-points`, PainPointPageSchema, params, options);
  }

  /**
   * Fetches one pain point by id or slug.
   *
   * @example
   * const painPoint = await client.painPoints.get('flooded-underpasses');
   */
  get(id: string, options?: RequestOptions): Promise<PainPointView> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/pain-points/${id}`, schema: PainPointViewSchema },
      options,
    );
  }

  /**
   * Reports a pain point (needs a user token).
   *
   * @example
   * const created = await client.painPoints.create({
   *   title: { en: 'Flooded underpasses' },
   *   description: { en: 'Underpasses flood after every heavy rain.' },
   *   domain: 'water',
   *   country: 'SG',
   * });
   */
  create(params: PainPointCreateParams, options?: RequestOptions): Promise<PainPointView> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/pain-points`, body: params, schema: PainPointViewSchema },
      options,
    );
  }

  /**
   * Changes a pain point's content or status (author, moderator or admin).
   *
   * @example
   * await client.painPoints.update(id, { severity: 'high' });
   */
  update(id: string, params: PainPointUpdateParams, options?: RequestOptions): Promise<PainPointView> {
    return this.client.request(
      { method: 'PATCH', ...endpoint`/v1/pain-points/${id}`, body: params, schema: PainPointViewSchema },
      options,
    );
  }

  /**
   * Moves a pain point through its lifecycle (experts and moderators; the author may close it).
   *
   * @example
   * await client.painPoints.changeStatus(id, { status: 'duplicate', duplicateOf: originalId });
   */
  changeStatus(
    id: string,
    params: PainPointChangeStatusParams,
    options?: RequestOptions,
  ): Promise<PainPointView> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/pain-points/${id}/status`,
        body: params,
        schema: PainPointViewSchema,
      },
      options,
    );
  }

  /**
   * Locks the discussion against new comments (moderators).
   *
   * @example
   * await client.painPoints.lock(id);
   */
  lock(id: string, options?: RequestOptions): Promise<PainPointView> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/pain-points/${id}/lock`, schema: PainPointViewSchema },
      options,
    );
  }

  /**
   * Reopens a locked discussion (moderators).
   *
   * @example
   * await client.painPoints.unlock(id);
   */
  unlock(id: string, options?: RequestOptions): Promise<PainPointView> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/pain-points/${id}/unlock`, schema: PainPointViewSchema },
      options,
    );
  }

  /**
   * Votes for a pain point; voting twice is harmless. A pain point marked duplicate refuses it
   * with a `ConflictError` (`duplicate-pain-point`): its votes live on the original.
   *
   * @example
   * const { voteCount } = await client.painPoints.vote(id);
   */
  vote(id: string, options?: RequestOptions): Promise<VoteResult> {
    return this.client.request(
      { method: 'PUT', ...endpoint`/v1/pain-points/${id}/vote`, schema: VoteResultSchema },
      options,
    );
  }

  /**
   * Withdraws the signed-in member's vote; withdrawing twice is harmless. On a pain point marked
   * duplicate it throws a `ConflictError` (`duplicate-pain-point`): the vote moved to the original,
   * withdraw it there.
   *
   * @example
   * await client.painPoints.unvote(id);
   */
  unvote(id: string, options?: RequestOptions): Promise<VoteResult> {
    return this.client.request(
      { method: 'DELETE', ...endpoint`/v1/pain-points/${id}/vote`, schema: VoteResultSchema },
      options,
    );
  }

  /**
   * Lists the discussion of a pain point.
   *
   * @example
   * for await (const comment of client.painPoints.comments(id)) console.log(comment.body);
   */
  comments(id: string, params?: CommentListParams, options?: RequestOptions): PagePromise<Comment> {
    return this.paginate(endpoint`/v1/pain-points/${id}/comments`, CommentPageSchema, params, options);
  }

  /**
   * The standards mapped to a pain point, with how fully each addresses it and the best coverage.
   *
   * @example
   * const { coverage, mappings } = await client.painPoints.standards(id);
   */
  standards(id: string, options?: RequestOptions): Promise<PainPointCoverage> {
    return this.client.request(
      { method: 'GET', ...endpoint`/v1/pain-points/${id}/standards`, schema: PainPointCoverageSchema },
      options,
    );
  }

  /**
   * Maps a standard to a pain point, or revises the mapping (experts).
   *
   * @example
   * await client.painPoints.mapStandard(id, { standardId: 'iso-37120-2018', coverage: 'partial' });
   */
  mapStandard(
    id: string,
    params: PainPointMapStandardParams,
    options?: RequestOptions,
  ): Promise<StandardMapping> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/pain-points/${id}/standards`,
        body: params,
        schema: StandardMappingSchema,
      },
      options,
    );
  }
}
