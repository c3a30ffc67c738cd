export { enMessages, formatMessage, mergeMessages } from './messages';
export type { CloseRoomMessages, CloseRoomMessagesOverride } from './messages';
export { ptBRMessages } from './pt-BR';
export { esMessages } from './es';
