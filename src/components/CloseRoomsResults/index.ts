export { CloseRoomsResults } from './CloseRoomsResults';
export type { CloseRoomsResultsProps } from './CloseRoomsResults';
