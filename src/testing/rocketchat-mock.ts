import type { HttpHandler } from 'msw';
import type { MockDepartment, MockRoom } from './fixtures';
import { accountHandlers } from './handlers/account';
import { closeByUserHandler } from './handlers/close-by-user';
import { roomHandlers } from './handlers/rooms';
import { tagHandlers } from './handlers/tags';
import { checkVersion, createMockServer } from './mock-server';
import type { MockSettings, RecordedCloseRequest, RocketChatMockOptions } from './mock-server';

/** What `createRocketChatMock` returns: the MSW handlers and the server's state to assert on. */
export interface RocketChatMock {
  /** The MSW handlers: pass them to `setupServer`, `setupWorker` or `msw-storybook-addon`. */
  handlers: HttpHandler[];
  /** Current rooms by id: read them to assert what a close did. */
  rooms: Map<string, MockRoom>;
  /** Current departments by id: change one to change its closing rule. */
  departments: Map<string, MockDepartment>;
  /** Every request to the close endpoint, in order. */
  closeRequests: RecordedCloseRequest[];
  /** Current rules, settings, version, edition and failure mode. */
  readonly settings: Readonly<MockSettings>;
  /** Changes rules, settings, version, edition or failure mode while running. */
  set(settings: Partial<MockSettings>): void;
  /** Gives `permission` to exactly these roles, as an administrator would (`[]`: to nobody). */
  setPermission(permission: string, roles: string[]): void;
  /** Back to the options given at creation: rooms reopened, permissions restored, requests and rate-limit windows forgotten. */
  reset(): void;
}

/**
 * A Rocket.Chat server in MSW handlers, following Rocket.Chat's `room.closeByUser` endpoint: the
 * same checks in the same order, the same statuses and error strings, state (a room closed once
 * answers `error-room-already-closed` after), and the reads of an agent's client. Every endpoint
 * group reads and changes one shared server state.
 */
export function createRocketChatMock(options: RocketChatMockOptions = {}): RocketChatMock {
  const server = createMockServer(options);
  return {
    handlers: [closeByUserHandler(server), ...roomHandlers(server), ...tagHandlers(server), ...accountHandlers(server)],
    rooms: server.rooms,
    departments: server.departments,
    closeRequests: server.closeRequests,
    get settings() {
      return server.settings;
    },
    set(next) {
      if (next.version !== undefined) checkVersion(next.version);
      server.settings = { ...server.settings, ...next };
    },
    setPermission(permission, roles) {
      server.permissions[permission] = [...roles];
    },
    reset: () => server.reset(),
  };
}
