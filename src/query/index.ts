export { closeRoomKeys, livechatRoomKeys } from './keys';
export { closeRoomMutationOptions, closeRoomOnce } from './close-room-mutation';
export { useCloseRoom } from './use-close-room';
export type { UseCloseRoomOptions, UseCloseRoomResult } from './use-close-room';
