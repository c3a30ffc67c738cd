export { createRocketChatMock } from './rocketchat-mock';
export type { MockFailure, RecordedCloseRequest, RocketChatMock, RocketChatMockOptions } from './rocketchat-mock';
export { createManyMockTags, createMockRooms, createMockTags, mockAgent, mockAgentOwnRoomsOnly, mockAgentWithoutPermission, mockDepartments } from './fixtures';
export type { MockAgent, MockDepartment, MockRoom, MockTag, MockVisitor } from './fixtures';
export { validateCloseBody } from './validate-close-body';
