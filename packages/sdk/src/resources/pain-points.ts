import {
  PageSchema,
  type PainPointCountryCounts,
  type PainPointCountryCountsParamsInput,
  PainPointCountryCountsSchema,
  type PainPointCreateInput,
  type PainPointListParamsInput,
  type PainPointStatusChange,
  type PainPointUpdate,
  type PainPointView,
  PainPointViewSchema,
  type VoteResult,
  VoteResultSchema,
} from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { WscClient } from '../client';
import type { RequestOptions } from '../options';
import type { PagePromise } from '../page-promise';
import { endpoint, Resource } from '../resource';
import { PainPointComments } from './pain-point-comments';
import { PainPointStandards } from './pain-point-standards';

/** Filters of `painPoints.list`: `domain`, `country`, `city`, `status`, `standard`, `q`, `sort`, `limit`, `cursor`. */
export type PainPointListParams = PainPointListParamsInput;
/** Filters of `painPoints.countries`: the list's `domain` and `status`. */
export type PainPointCountriesParams = PainPointCountryCountsParamsInput;
/** Body of `painPoints.create`. */
export type PainPointCreateParams = PainPointCreateInput;
/** Body of `painPoints.update`. */
export type PainPointUpdateParams = PainPointUpdate;
/** Body of `painPoints.changeStatus`. */
export type PainPointChangeStatusParams = PainPointStatusChange;

const PainPointPageSchema = PageSchema(PainPointViewSchema);

/** `/v1/pain-points`: the difficulties city stakeholders report, vote on and discuss. */
export class PainPoints extends Resource {
  /** `/v1/pain-points/{id}/comments`: the discussion. */
  readonly comments: PainPointComments;
  /** `/v1/pain-points/{id}/standards`: the standards mapped to it. */
  readonly standards: PainPointStandards;

  constructor(client: WscClient) {
    super(client);
    this.comments = new PainPointComments(client);
    this.standards = new PainPointStandards(client);
  }
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
   * Counts, in one request, the pain points `list` holds with the same `domain` and `status`,
   * per country (ISO 3166-1 alpha-2), most first; `total` counts them all, `withoutCountry`
   * those naming no country (not in `data`). For maps and summaries: no paging, no limit.
   *
   * @example
   * const { data, total, withoutCountry } = await client.painPoints.countries({ domain: 'water' });
   * for (const { country, count } of data) console.log(country, count);
   */
  countries(params?: PainPointCountriesParams, options?: RequestOptions): ApiPromise<PainPointCountryCounts> {
    return this.client.request(
      {
        method: 'GET',
        ...endpoint`/v1/pain-points/countries`,
        query: params,
        schema: PainPointCountryCountsSchema,
      },
      options,
    );
  }

  /**
   * Fetches one pain point by its id (the API does not look pain points up by slug).
   *
   * @example
   * const painPoint = await client.painPoints.get('4f1c2e9a-8d3b-4c57-9a0e-2b6f1d7c8e90');
   */
  get(id: string, options?: RequestOptions): ApiPromise<PainPointView> {
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
  create(params: PainPointCreateParams, options?: RequestOptions): ApiPromise<PainPointView> {
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
  update(id: string, params: PainPointUpdateParams, options?: RequestOptions): ApiPromise<PainPointView> {
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
  ): ApiPromise<PainPointView> {
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
  lock(id: string, options?: RequestOptions): ApiPromise<PainPointView> {
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
  unlock(id: string, options?: RequestOptions): ApiPromise<PainPointView> {
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
  vote(id: string, options?: RequestOptions): ApiPromise<VoteResult> {
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
  unvote(id: string, options?: RequestOptions): ApiPromise<VoteResult> {
    return this.client.request(
      { method: 'DELETE', ...endpoint`/v1/pain-points/${id}/vote`, schema: VoteResultSchema },
      options,
    );
  }
}
