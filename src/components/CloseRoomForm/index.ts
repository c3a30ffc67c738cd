export { CloseRoomForm } from './CloseRoomForm';
export type { CloseRoomFormProps, CloseRoomResult, CloseRoomTranscriptOptions } from './CloseRoomForm';
