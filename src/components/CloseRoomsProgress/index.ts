export { CloseRoomsProgress } from './CloseRoomsProgress';
export type { CloseRoomsProgressProps } from './CloseRoomsProgress';
