import { mutationOptions } from '@tanstack/react-query';
import type { OmnichannelClient } from '../client/client';
import { closeRoom } from '../client/close-room';
import type { CloseRoomRequest } from '../client/close-room';
import type { CloseRoomError } from '../client/errors';
import { closeRoomKeys, livechatRoomKeys } from './keys';

// One POST per room at a time, across every hook instance and caller of the same client: a
// second close while the first is in flight shares its outcome instead of racing it (#2, #7).
const inFlight = new WeakMap<OmnichannelClient, Map<string, Promise<void>>>();

/** `closeRoom`, but joins a request already in flight for the same client and room. */
export function closeRoomOnce(client: OmnichannelClient, request: CloseRoomRequest): Promise<void> {
  let byRoom = inFlight.get(client);
  if (!byRoom) {
    byRoom = new Map();
    inFlight.set(client, byRoom);
  }
  const pending = byRoom.get(request.rid);
  if (pending) return pending;
  const promise = closeRoom(client, request).finally(() => byRoom.delete(request.rid));
  byRoom.set(request.rid, promise);
  return promise;
}

/**
 * The close-room mutation as reusable options: `useMutation(closeRoomMutationOptions(client))`.
 * No automatic retry (a close is not idempotent for the agent's wording of errors); on success
 * the room's queries are invalidated and awaited before `onSuccess` callers run.
 */
export function closeRoomMutationOptions(client: OmnichannelClient) {
  return mutationOptions<void, CloseRoomError, CloseRoomRequest>({
    mutationKey: closeRoomKeys.all,
    mutationFn: (request) => closeRoomOnce(client, request),
    retry: false,
    onSuccess: (_data, request, _result, context) =>
      Promise.all([
        context.client.invalidateQueries({ queryKey: livechatRoomKeys.detail(request.rid) }),
        context.client.invalidateQueries({ queryKey: livechatRoomKeys.lists() }),
      ]),
  });
}
