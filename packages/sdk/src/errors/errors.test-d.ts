import type { KnownProblemCode, ProblemCode } from '@wsc/models';
import { describe, expectTypeOf, it } from 'vitest';
import { WscError } from './wsc-error';

describe('WscError.code', () => {
  it('offers the known slugs and accepts a newer server’s', () => {
    const error = new WscError('refused');
    expectTypeOf(error.code).toEqualTypeOf<ProblemCode | undefined>();
    expectTypeOf<'slug-taken'>().toExtend<KnownProblemCode>();
    expectTypeOf<KnownProblemCode>().toExtend<ProblemCode>();
    expectTypeOf<'a-slug-from-2030'>().toExtend<ProblemCode>();
  });
});
