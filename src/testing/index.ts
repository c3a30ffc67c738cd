export { createRocketChatMock } from './rocketchat-mock';
export type { RocketChatMock } from './rocketchat-mock';
export type { MockFailure, MockSettings, RecordedCloseRequest, RocketChatMockOptions } from './mock-server';
export {
  createManyMockTags,
  createMockPermissions,
  createMockRooms,
  createMockTags,
  mockAgent,
  mockAgentOwnRoomsOnly,
  mockAgentWithoutPermission,
  mockDepartments,
} from './fixtures';
export type { MockAgent, MockAgentPreferences, MockDepartment, MockPermissions, MockRoom, MockTag, MockVisitor } from './fixtures';
export { ROCKET_CHAT_RATE_LIMIT } from './rate-limiter';
export type { MockRateLimit } from './rate-limiter';
export { SUPPORTED_VERSIONS, VERSION_FEATURES } from './versions';
export { validateCloseBody } from './validate-close-body';
