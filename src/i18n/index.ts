export { enMessages, formatMessage, formatWait, mergeMessages } from './messages';
export type { CloseRoomMessages, CloseRoomMessagesOverride } from './messages';
