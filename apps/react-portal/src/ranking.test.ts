import type { PainPointView } from '@wsc/models';
import { describe, expect, it } from 'vitest';
import { applyVote, byVotes, mayEnter } from './ranking';

function painPoint(id: string, voteCount: number): PainPointView {
  return { id, voteCount } as PainPointView;
}

const ids = (list: readonly PainPointView[]) => list.map((item) => `${item.id}:${item.voteCount}`);

describe('ranking', () => {
  it('orders as the server does: most votes, then the greater id', () => {
    const list = [painPoint('a', 1), painPoint('c', 0), painPoint('b', 1)].sort(byVotes);
    expect(ids(list)).toEqual(['b:1', 'a:1', 'c:0']);
  });

  it('re-ranks a list on a vote for one of its pain points', () => {
    const outcome = applyVote([painPoint('c', 2), painPoint('b', 1), painPoint('a', 0)], {
      painPointId: 'a',
      voteCount: 3,
    });
    expect(outcome.kind === 'ranked' && [ids(outcome.list), outcome.moved]).toEqual([
      ['a:3', 'c:2', 'b:1'],
      true,
    ]);
  });

  it('asks for a fetch when a count falls in a full list, and ignores other pain points', () => {
    const list = [painPoint('c', 2), painPoint('b', 1), painPoint('a', 1)];
    expect(applyVote(list, { painPointId: 'c', voteCount: 1 }).kind).toBe('stale');
    expect(applyVote(list, { painPointId: 'z', voteCount: 9 }).kind).toBe('untouched');
    expect(applyVote(list.slice(0, 2), { painPointId: 'c', voteCount: 0 }).kind).toBe('ranked');
  });

  it('tells whether an outside pain point may enter a top', () => {
    const full = [painPoint('c', 5), painPoint('b', 4), painPoint('a', 3)];
    expect(mayEnter([full], 2)).toBe(false);
    expect(mayEnter([full], 3)).toBe(true);
    expect(mayEnter([full, [painPoint('x', 9)]], 0)).toBe(true);
  });
});
