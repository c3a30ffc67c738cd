export { CloseRoomsWrapUp } from './CloseRoomsWrapUp';
export type { CloseRoomsWrapUpProps } from './CloseRoomsWrapUp';
