import type { CloseRoomFormState, UseCloseRoomFormOptions } from './close-room-form-state';
import { assertRid, useCloseRoomFormWith } from './close-room-form-core';
import { useCloseRoomSource } from './use-close-room-source';

/**
 * The close-conversation flow without markup (#13): rules, drafts per room, the submit guard, the
 * alert and the retry countdown. `CloseRoomForm` is one view of it; a design system renders the
 * returned state however it likes. Needs an `OmnichannelProvider` and a react-query
 * `QueryClientProvider` above it.
 *
 * One state per room: `rid` is fixed for the hook's life, so key the component that calls it by
 * the room (`<MyCloseForm key={rid} rid={rid} />`); a changed `rid` throws rather than send one
 * room's values to another. The room's draft is kept when the component unmounts.
 */
export function useCloseRoomForm(options: UseCloseRoomFormOptions): CloseRoomFormState {
  assertRid(options.rid);
  return useCloseRoomFormWith(options, useCloseRoomSource(options));
}
