import { useMutation } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { CloseRoomRequest } from '../client/close-room';
import type { CloseRoomError, CloseRoomErrorKind } from '../client/errors';
import type { OmnichannelClient } from '../client/client';
import { closeRoomMutationOptions } from './close-room-mutation';
import { useCloseRoom } from './use-close-room';

declare const client: OmnichannelClient;

describe('useCloseRoom types', () => {
  it('takes the server body as variables and types the error', () => {
    const mutation = useCloseRoom();
    expectTypeOf(mutation.mutate).parameter(0).toEqualTypeOf<CloseRoomRequest>();
    expectTypeOf(mutation.error).toEqualTypeOf<CloseRoomError | null>();
    expectTypeOf<NonNullable<typeof mutation.error>['kind']>().toEqualTypeOf<CloseRoomErrorKind>();
  });

  it('does not accept a mutationFn or retry', () => {
    // @ts-expect-error the hook owns the mutation function
    useCloseRoom({ mutationFn: () => Promise.resolve() });
    // @ts-expect-error no automatic retry, by design
    useCloseRoom({ retry: 3 });
  });

  it('shares its options with useMutation', () => {
    const mutation = useMutation(closeRoomMutationOptions(client));
    expectTypeOf(mutation.variables).toEqualTypeOf<CloseRoomRequest | undefined>();
  });

  it('refuses sendToVisitor: true without requestData', () => {
    // @ts-expect-error requestData is required when sending
    const request: CloseRoomRequest = { rid: 'r', transcriptEmail: { sendToVisitor: true } };
    expectTypeOf(request).toEqualTypeOf<CloseRoomRequest>();
  });
});
