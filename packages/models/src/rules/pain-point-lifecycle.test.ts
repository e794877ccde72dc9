import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ROLES, PAIN_POINT_STATUSES } from '../enums';
import { allowedTransitions, type TransitionContext, transitionPainPoint } from './pain-point-lifecycle';

const status = fc.constantFrom(...PAIN_POINT_STATUSES);
const context: fc.Arbitrary<TransitionContext> = fc.record({
  actorRoles: fc.subarray([...ACCOUNT_ROLES]),
  isAuthor: fc.boolean(),
  painPointId: fc.constant('pp_1'),
  duplicateOf: fc.constantFrom(null, 'pp_1', 'pp_2'),
});

describe('transitionPainPoint', () => {
  it('lets experts triage and map, moderators close, authors close and reopen', () => {
    expect(transitionPainPoint('open', 'under-review', { actorRoles: ['expert'] })).toEqual({ ok: true });
    expect(transitionPainPoint('under-review', 'mapped', { actorRoles: ['expert'] })).toEqual({ ok: true });
    expect(transitionPainPoint('mapped', 'addressed', { actorRoles: ['moderator'] })).toEqual({ ok: true });
    expect(transitionPainPoint('open', 'closed', { actorRoles: ['member'], isAuthor: true })).toEqual({
      ok: true,
    });
    expect(transitionPainPoint('closed', 'open', { actorRoles: ['member'], isAuthor: true })).toEqual({
      ok: true,
    });
  });

  it('refuses with a code and a reason', () => {
    expect(transitionPainPoint('open', 'closed', { actorRoles: ['member'] })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(transitionPainPoint('open', 'addressed', { actorRoles: ['admin'] })).toMatchObject({
      ok: false,
      code: 'not-allowed',
    });
    expect(transitionPainPoint('duplicate', 'open', { actorRoles: ['admin'] })).toMatchObject({
      ok: false,
      code: 'terminal',
    });
    expect(transitionPainPoint('open', 'open', { actorRoles: ['admin'] })).toMatchObject({
      ok: false,
      code: 'unchanged',
    });
    expect(transitionPainPoint('open', 'duplicate', { actorRoles: ['moderator'] })).toMatchObject({
      ok: false,
      code: 'needs-duplicate-of',
    });
    expect(
      transitionPainPoint('open', 'duplicate', {
        actorRoles: ['moderator'],
        painPointId: 'a',
        duplicateOf: 'a',
      }),
    ).toMatchObject({ ok: false, code: 'needs-duplicate-of' });
    expect(transitionPainPoint('open', 'duplicate', { actorRoles: ['moderator'], duplicateOf: 'b' })).toEqual(
      {
        ok: true,
      },
    );
  });

  it('never leaves the status set along any sequence of legal moves', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(status, context), { maxLength: 40 }), (moves) => {
        let current: (typeof PAIN_POINT_STATUSES)[number] = 'open';
        for (const [target, actor] of moves) {
          if (transitionPainPoint(current, target, actor).ok) current = target;
          expect(PAIN_POINT_STATUSES).toContain(current);
        }
        if (current === 'duplicate')
          expect(allowedTransitions(current, { actorRoles: ['admin'] })).toEqual([]);
      }),
    );
  });

  it('gives every refused move a reason, and agrees with allowedTransitions', () => {
    fc.assert(
      fc.property(status, status, context, (from, to, actor) => {
        const result = transitionPainPoint(from, to, actor);
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
        const listed = allowedTransitions(from, actor).includes(to);
        if (result.ok) expect(listed).toBe(true);
        if (listed && to !== 'duplicate') expect(result.ok).toBe(true);
      }),
    );
  });

  it('lets a plain member who is not the author do nothing', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        expect(transitionPainPoint(from, to, { actorRoles: ['member'] }).ok).toBe(false);
      }),
    );
  });
});
