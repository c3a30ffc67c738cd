export { createOmnichannelClient, OmnichannelRequestError, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS } from './client';
export type {
  ApiRequest,
  ApiResponse,
  OmnichannelClient,
  OmnichannelClientOptions,
  OmnichannelCredentials,
  OmnichannelCredentialsSource,
  OmnichannelRequestErrorKind,
} from './client';
export { closeRoom, CLOSE_ROOM_PATH, isForceCloseUnsupported } from './close-room';
export type { CloseRoomOptions, CloseRoomRequest, CloseRoomTranscriptEmail } from './close-room';
export { CloseRoomError, isCloseRoomError } from './errors';
export type { CloseRoomErrorKind, CloseRoomErrorOf, CloseRoomErrorOptions } from './errors';
