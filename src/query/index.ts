export { closeRoomKeys, livechatRoomKeys } from './keys';
export { closeRoomMutationOptions } from './close-room-mutation';
export { closeRoomOnce, getRoomCloseAttempt, isSameCloseRequest, useRoomCloseAttempt } from './close-room-attempts';
export type { RoomCloseAttempt } from './close-room-attempts';
export { useCloseRoom } from './use-close-room';
export type { UseCloseRoomOptions, UseCloseRoomResult } from './use-close-room';
export {
  commentRequiredQueryOptions,
  livechatDepartmentKeys,
  livechatDepartmentQueryOptions,
  livechatRoomQueryOptions,
  livechatTagKeys,
  livechatTagsQueryOptions,
  livechatVisitorKeys,
  livechatVisitorQueryOptions,
  OmnichannelApiError,
  omnichannelSettingKeys,
  useCommentRequired,
  useLivechatDepartment,
  useLivechatRoom,
  useLivechatTags,
  useLivechatVisitor,
} from './livechat-queries';
export type { LivechatDepartmentInfo, LivechatRoomInfo, LivechatTagsPage, LivechatTagsResult, LivechatVisitorInfo } from './livechat-queries';
export { useCloseRoomServerRules } from './close-room-server-rules';
export type { CloseRoomServerRules, CloseRoomServerRulesOptions, TranscriptEmailAvailability, TranscriptPdfAvailability } from './close-room-server-rules';
export {
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
} from './agent-queries';
export type { CloseRoomSettings, OmnichannelAgent, OmnichannelPermissions } from './agent-queries';
