import { WscPainPointBoard as WscPainPointBoardElement } from '@wsc/widgets/elements/pain-point-board';
import type { ComponentProps } from 'react';
import { wrap } from './wrap.js';

/**
 * `<wsc-pain-point-board>` for React: the community's pain points: filters, sorting, paging, live
 * vote counts, votes, and each one's detail with its mapped standards and discussion. `onWscVote`,
 * `onWscOpen`, `onWscComment` receive its events, typed.
 *
 * @example
 * <WscPainPointBoard onWscVote={(vote) => console.log(vote.detail.painPointId, vote.detail.voteCount)} />
 */
export const WscPainPointBoard = /* @__PURE__ */ wrap('wsc-pain-point-board', WscPainPointBoardElement, {
  onWscVote: 'wsc-vote',
  onWscOpen: 'wsc-open',
  onWscComment: 'wsc-comment',
});

/** The props of {@link WscPainPointBoard}. */
export type WscPainPointBoardProps = ComponentProps<typeof WscPainPointBoard>;
