import { useQuery } from '@tanstack/react-query';
import { useOmnichannelClient } from '../provider/OmnichannelProvider';
import { omnichannelKeyRoot } from '../query/keys';
import { readCloseRoomsFacts } from './checks';
import type { CloseRoomsFacts } from './checks';
import type { BulkCloseRoom } from './types';

/** What `useCloseRoomsChecks` returns. */
export interface UseCloseRoomsChecksResult {
  /** The facts once read; `undefined` while loading. Unknown facts stay unset rather than failing. */
  facts: CloseRoomsFacts | undefined;
  /** `true` while the reads are under way. */
  loading: boolean;
}

/**
 * Connected mode for a bulk close: reads, once per set of departments, what `checkCloseRooms`
 * needs (the agent, the close-others permission, the comment setting, each department's tag rule).
 */
export function useCloseRoomsChecks(rooms: readonly BulkCloseRoom[], { enabled = true }: { enabled?: boolean } = {}): UseCloseRoomsChecksResult {
  const client = useOmnichannelClient();
  const departments = [...new Set(rooms.map((room) => room.departmentId).filter(Boolean))].sort();
  const query = useQuery({
    queryKey: [...omnichannelKeyRoot, 'close-rooms-facts', departments],
    queryFn: ({ signal }) => readCloseRoomsFacts(client, departments.map((departmentId) => ({ rid: '', departmentId })), { signal }),
    staleTime: 60_000,
    enabled,
  });
  return { facts: query.data, loading: enabled && query.isPending };
}
