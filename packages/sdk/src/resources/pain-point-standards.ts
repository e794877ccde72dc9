import {
  type PainPointCoverage,
  PainPointCoverageSchema,
  type StandardMapping,
  type StandardMappingCreate,
  type StandardMappingNoteHide,
  StandardMappingSchema,
} from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';

/** Body of `painPoints.standards.create`: the standard and how fully it addresses the pain point. */
export type PainPointStandardCreateParams = StandardMappingCreate;
/** Body of `painPoints.standards.hideNote`: why, for the moderation log (required). */
export type PainPointStandardHideNoteParams = StandardMappingNoteHide;

/** `/v1/pain-points/{id}/standards`: the standards experts mapped to one pain point. */
export class PainPointStandards extends Resource {
  /**
   * The standards mapped to a pain point, with how fully each addresses it and the best coverage.
   *
   * @example
   * const { coverage, mappings } = await client.painPoints.standards.get(painPointId);
   */
  get(painPointId: string, options?: RequestOptions): ApiPromise<PainPointCoverage> {
    return this.client.request(
      {
        method: 'GET',
        ...endpoint`/v1/pain-points/${painPointId}/standards`,
        schema: PainPointCoverageSchema,
      },
      options,
    );
  }

  /**
   * Maps a standard to a pain point, or revises the mapping (experts).
   *
   * @example
   * await client.painPoints.standards.create(painPointId, { standardId: 'iso-37120-2018', coverage: 'partial' });
   */
  create(
    painPointId: string,
    params: PainPointStandardCreateParams,
    options?: RequestOptions,
  ): ApiPromise<StandardMapping> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/pain-points/${painPointId}/standards`,
        body: params,
        schema: StandardMappingSchema,
      },
      options,
    );
  }

  /**
   * Hides an expert's note on a mapping, with the reason (moderators): everyone else then reads
   * `note: null` and `noteHidden: true`, and replays no longer carry it. The judgement stays.
   *
   * @example
   * await client.painPoints.standards.hideNote(painPointId, 'iso-37120-2018', { reason: 'Personal data' });
   */
  hideNote(
    painPointId: string,
    standardId: string,
    params: PainPointStandardHideNoteParams,
    options?: RequestOptions,
  ): ApiPromise<StandardMapping> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/pain-points/${painPointId}/standards/${standardId}/note/hide`,
        body: params,
        schema: StandardMappingSchema,
      },
      options,
    );
  }

  /**
   * Shows a hidden note again (moderators).
   *
   * @example
   * await client.painPoints.standards.restoreNote(painPointId, 'iso-37120-2018');
   */
  restoreNote(
    painPointId: string,
    standardId: string,
    params?: { reason?: string },
    options?: RequestOptions,
  ): ApiPromise<StandardMapping> {
    return this.client.request(
      {
        method: 'POST',
        ...endpoint`/v1/pain-points/${painPointId}/standards/${standardId}/note/restore`,
        body: params ?? {},
        schema: StandardMappingSchema,
      },
      options,
    );
  }
}
