export { focusUnlessTyping } from './focus-unless-typing';
export { useCloseRoomForm } from './use-close-room-form';
export { useServerTagInput } from './use-server-tag-input';
export { useTagInput } from './use-tag-input';
export type {
  CloseRoomAlert,
  CloseRoomAlertKind,
  CloseRoomCheckboxControlProps,
  CloseRoomCheckboxState,
  CloseRoomFieldState,
  CloseRoomFormActions,
  CloseRoomFormElementProps,
  CloseRoomFormFields,
  CloseRoomFormIds,
  CloseRoomFormRules,
  CloseRoomFormState,
  CloseRoomForceCloseState,
  CloseRoomResult,
  CloseRoomSubmitProps,
  CloseRoomTagsFieldState,
  CloseRoomTextControlProps,
  CloseRoomTranscriptOptions,
  UseCloseRoomFormOptions,
} from './close-room-form-state';
export type { ServerTagSearch, UseServerTagInputOptions } from './use-server-tag-input';
export type { TagInputElementProps, TagInputMessages, TagInputState, TagOptionProps, UseTagInputOptions } from './tag-input-state';
