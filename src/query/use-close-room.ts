import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions, UseMutationResult } from '@tanstack/react-query';
import type { CloseRoomRequest } from '../client/close-room';
import type { CloseRoomError } from '../client/errors';
import { useOmnichannelClient } from '../provider/OmnichannelProvider';
import { closeRoomMutationOptions } from './close-room-mutation';

/** `useMutation` options `useCloseRoom` accepts: all but those it owns (the request, its key, retries, network mode). */
export type UseCloseRoomOptions = Omit<
  UseMutationOptions<void, CloseRoomError, CloseRoomRequest>,
  'mutationFn' | 'mutationKey' | 'retry' | 'retryDelay' | 'networkMode'
>;

/** What `useCloseRoom` returns: react-query's mutation result over `CloseRoomRequest` and `CloseRoomError`. */
export type UseCloseRoomResult = UseMutationResult<void, CloseRoomError, CloseRoomRequest>;

/**
 * Closes livechat rooms through the `OmnichannelProvider`'s client. Variables are the server's
 * body (`CloseRoomRequest`); errors are `CloseRoomError`s. Your `onSuccess` runs after the room's
 * queries have been invalidated.
 */
export function useCloseRoom(options: UseCloseRoomOptions = {}): UseCloseRoomResult {
  const client = useOmnichannelClient();
  const base = closeRoomMutationOptions(client);
  return useMutation({
    ...options,
    ...base,
    onSuccess: async (data, request, result, context) => {
      await base.onSuccess?.(data, request, result, context);
      await options.onSuccess?.(data, request, result, context);
    },
  });
}
