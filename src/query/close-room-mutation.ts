import { mutationOptions } from '@tanstack/react-query';
import type { OmnichannelClient } from '../client/client';
import type { CloseRoomRequest } from '../client/close-room';
import type { CloseRoomError } from '../client/errors';
import { closeRoomOnce } from './close-room-attempts';
import { closeRoomKeys, livechatRoomKeys } from './keys';

export { closeRoomOnce } from './close-room-attempts';

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
    // Never paused while the browser says it is offline: a paused close would leave the agent on
    // "Closing…" and then reach the server whenever the network returns, long after the agent
    // gave up (#11). Offline, the request fails at once as `network`; the client's timeout
    // bounds everything else.
    networkMode: 'always',
    onSuccess: (_data, request, _result, context) =>
      Promise.all([
        context.client.invalidateQueries({ queryKey: livechatRoomKeys.detail(request.rid) }),
        context.client.invalidateQueries({ queryKey: livechatRoomKeys.lists() }),
      ]),
  });
}
