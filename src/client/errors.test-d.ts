import { describe, expectTypeOf, it } from 'vitest';
import { CloseRoomError, isCloseRoomError } from './errors';
import type { CloseRoomErrorKind, CloseRoomErrorOf } from './errors';

declare const caught: unknown;
declare const fromMutation: CloseRoomError;

describe('CloseRoomError types', () => {
  it('isCloseRoomError with a kind narrows the kind, and types the wait only on rate-limited', () => {
    if (isCloseRoomError(caught, 'rate-limited')) {
      expectTypeOf(caught.kind).toEqualTypeOf<'rate-limited'>();
      expectTypeOf(caught.retryAfterSeconds).toEqualTypeOf<number | undefined>();
    }
    if (isCloseRoomError(caught, 'already-closed')) {
      expectTypeOf(caught.kind).toEqualTypeOf<'already-closed'>();
      expectTypeOf(caught.retryAfterSeconds).toEqualTypeOf<undefined>();
    }
    // A mutation's error is already a CloseRoomError: the guard narrows it further.
    if (isCloseRoomError(fromMutation, 'rate-limited')) expectTypeOf(fromMutation.retryAfterSeconds).toEqualTypeOf<number | undefined>();
  });

  it('without a kind, it is any kind, and the wait may be there', () => {
    if (isCloseRoomError(caught)) {
      expectTypeOf(caught.kind).toEqualTypeOf<CloseRoomErrorKind>();
      expectTypeOf(caught.retryAfterSeconds).toEqualTypeOf<number | undefined>();
      expectTypeOf(caught.status).toEqualTypeOf<number | undefined>();
    }
  });

  it('refuses a kind that does not exist', () => {
    // @ts-expect-error not a kind
    isCloseRoomError(caught, 'rate-limit');
  });

  it('a narrowed error is still a CloseRoomError; two kinds at once type the wait as either', () => {
    expectTypeOf<CloseRoomErrorOf<'timeout'>>().toExtend<CloseRoomError>();
    expectTypeOf<CloseRoomErrorOf<'rate-limited'>>().toExtend<CloseRoomError>();
    expectTypeOf<CloseRoomErrorOf<'rate-limited' | 'timeout'>['retryAfterSeconds']>().toEqualTypeOf<number | undefined>();
    expectTypeOf(new CloseRoomError('timeout', 'late')).toEqualTypeOf<CloseRoomError>();
  });
});
