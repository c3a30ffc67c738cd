export {
  closeRoomFormSchema,
  createCloseRoomFormSchema,
  DEFAULT_TRANSCRIPT_SUBJECT,
  emptyCloseRoomFormValues,
  isValidEmail,
  normaliseTags,
  toCloseRoomRequest,
} from './close-room-form-schema';
export type {
  CloseRoomFormErrorCode,
  CloseRoomFormInput,
  CloseRoomFormSchema,
  CloseRoomFormSchemaOptions,
  CloseRoomFormValues,
} from './close-room-form-schema';
