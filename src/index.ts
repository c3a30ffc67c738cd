// The public API: everything a consumer may import, listed by name.
// No 'use client' here: the headless half (client, errors, schema, keys, query options, messages)
// must run in React Server Components, route handlers and server actions. The build puts the
// components and the provider in chunks marked 'use client' (vite.config.ts, #14).

export {
  closeRoom,
  CLOSE_ROOM_PATH,
  isForceCloseUnsupported,
  CloseRoomError,
  createOmnichannelClient,
  DEFAULT_TIMEOUT_MS,
  isCloseRoomError,
  MAX_TIMEOUT_MS,
  OmnichannelRequestError,
} from './client';
export type {
  ApiRequest,
  ApiResponse,
  CloseRoomErrorKind,
  CloseRoomErrorOf,
  CloseRoomErrorOptions,
  CloseRoomOptions,
  CloseRoomRequest,
  CloseRoomTranscriptEmail,
  OmnichannelClient,
  OmnichannelClientOptions,
  OmnichannelCredentials,
  OmnichannelCredentialsSource,
  OmnichannelRequestErrorKind,
} from './client';

export {
  closeRoomFormSchema,
  createCloseRoomFormSchema,
  DEFAULT_TRANSCRIPT_SUBJECT,
  emptyCloseRoomFormValues,
  isValidEmail,
  normaliseTags,
  toCloseRoomRequest,
} from './schema';
export type {
  CloseRoomFormErrorCode,
  CloseRoomFormInput,
  CloseRoomFormSchema,
  CloseRoomFormSchemaOptions,
  CloseRoomFormValues,
} from './schema';

export {
  closeRoomKeys,
  closeRoomMutationOptions,
  closeRoomOnce,
  commentRequiredQueryOptions,
  getRoomCloseAttempt,
  isSameCloseRequest,
  livechatDepartmentKeys,
  livechatDepartmentQueryOptions,
  livechatRoomKeys,
  livechatRoomQueryOptions,
  livechatTagKeys,
  livechatTagsQueryOptions,
  livechatVisitorKeys,
  livechatVisitorQueryOptions,
  closeRoomSettingsQueryOptions,
  hasPermission,
  omnichannelAgentKeys,
  omnichannelAgentQueryOptions,
  omnichannelLicenseQueryOptions,
  omnichannelPermissionsQueryOptions,
  useCloseRoomSettings,
  useOmnichannelAgent,
  useOmnichannelLicense,
  useOmnichannelPermissions,
  OmnichannelApiError,
  omnichannelSettingKeys,
  useCloseRoom,
  useCloseRoomServerRules,
  useCommentRequired,
  useLivechatDepartment,
  useLivechatRoom,
  useLivechatTags,
  useLivechatVisitor,
  useRoomCloseAttempt,
} from './query';
export type {
  CloseRoomServerRules,
  CloseRoomServerRulesOptions,
  CloseRoomSettings,
  OmnichannelAgent,
  OmnichannelPermissions,
  TranscriptEmailAvailability,
  TranscriptPdfAvailability,
  LivechatDepartmentInfo,
  LivechatRoomInfo,
  LivechatTagsPage,
  LivechatTagsResult,
  LivechatVisitorInfo,
  RoomCloseAttempt,
  UseCloseRoomOptions,
  UseCloseRoomResult,
} from './query';

export { focusUnlessTyping, useCloseRoomForm, useServerTagInput, useTagInput } from './form';
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
  CloseRoomSubmitProps,
  CloseRoomTagsFieldState,
  CloseRoomTextControlProps,
  ServerTagSearch,
  TagInputElementProps,
  TagInputMessages,
  TagInputState,
  TagOptionProps,
  UseCloseRoomFormOptions,
  UseServerTagInputOptions,
  UseTagInputOptions,
} from './form';

export { OmnichannelProvider, useOmnichannelClient } from './provider';
export type { OmnichannelProviderProps } from './provider';

export { CloseRoomDialog } from './components/CloseRoomDialog';
export type { CloseRoomDialogProps } from './components/CloseRoomDialog';
export { CloseRoomForm } from './components/CloseRoomForm';
export type { CloseRoomFormProps, CloseRoomResult, CloseRoomTranscriptOptions } from './components/CloseRoomForm';

export { enMessages, formatMessage, formatWait, mergeMessages } from './i18n';
export type { CloseRoomMessages, CloseRoomMessagesOverride } from './i18n';

// Closing many conversations at once (#15).
export {
  checkCloseRooms,
  clearSavedCloseRoomsJob,
  closeRooms,
  countRooms,
  createCloseRoomsJob,
  DEFAULT_CLOSE_ROOMS_STORAGE_KEY,
  defaultCloseRoomsStorage,
  isFinalStatus,
  isRetryableBulkError,
  loadSavedCloseRoomsJob,
  readCloseRoomsFacts,
  restoreCloseRoomsJob,
  useCloseRooms,
  useCloseRoomsChecks,
} from './bulk';
export type {
  BulkCloseRoom,
  BulkRoomCounts,
  BulkRoomState,
  BulkRoomStatus,
  BulkSkip,
  BulkSkipReason,
  CloseRoomsCheck,
  CloseRoomsFacts,
  CloseRoomsJob,
  CloseRoomsJobOptions,
  CloseRoomsOptions,
  CloseRoomsPauseReason,
  CloseRoomsPhase,
  CloseRoomsSnapshot,
  CloseRoomsWrapUp,
  ObservedRateLimit,
  SavedCloseRoomsJob,
  UseCloseRoomsChecksResult,
  UseCloseRoomsOptions,
  UseCloseRoomsResult,
} from './bulk';
export { CloseRoomsDialog } from './components/CloseRoomsDialog';
export type { CloseRoomsDialogProps } from './components/CloseRoomsDialog';
export { CloseRoomsProgress } from './components/CloseRoomsProgress';
export type { CloseRoomsProgressProps } from './components/CloseRoomsProgress';
export { CloseRoomsResults } from './components/CloseRoomsResults';
export type { CloseRoomsResultsProps } from './components/CloseRoomsResults';
export { CloseRoomsWrapUpForm } from './components/CloseRoomsWrapUpForm';
export type { CloseRoomsWrapUpDraft, CloseRoomsWrapUpFormProps } from './components/CloseRoomsWrapUpForm';
export { enCloseRoomsMessages, mergeCloseRoomsMessages, pluralText } from './i18n/close-rooms-messages';
export type { CloseRoomsMessages, CloseRoomsMessagesOverride, PluralText } from './i18n/close-rooms-messages';
