import { define } from '../internal/define';
import {
  type PainPointCommentDetail,
  type PainPointOpenDetail,
  type PainPointVoteDetail,
  WscPainPointBoard,
} from './pain-point-board.component';
import { WscPainPointDetail } from './pain-point-detail.component';

export type { PainPointCommentDetail, PainPointOpenDetail, PainPointVoteDetail };
export { WscPainPointBoard, WscPainPointDetail };

define('wsc-pain-point-detail', WscPainPointDetail);
define('wsc-pain-point-board', WscPainPointBoard);

declare global {
  interface HTMLElementTagNameMap {
    'wsc-pain-point-board': WscPainPointBoard;
    'wsc-pain-point-detail': WscPainPointDetail;
  }
  interface HTMLElementEventMap {
    'wsc-vote': CustomEvent<PainPointVoteDetail>;
    'wsc-open': CustomEvent<PainPointOpenDetail>;
    'wsc-comment': CustomEvent<PainPointCommentDetail>;
  }
}
