export { enMessages, formatMessage, mergeMessages } from './messages';
export type { CloseRoomMessages, CloseRoomMessagesOverride } from './messages';
