export { CloseRoomDialog } from './CloseRoomDialog';
export type { CloseRoomDialogProps } from './CloseRoomDialog';
