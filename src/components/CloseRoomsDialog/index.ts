export { CloseRoomsDialog } from './CloseRoomsDialog';
export type { CloseRoomsDialogProps } from './CloseRoomsDialog';
