/** An agent the mock server knows. Its token is a fixture: never a real credential. */
export interface MockAgent {
  userId: string;
  authToken: string;
  username: string;
  /** Rocket.Chat role ids; what each role may do is the mock's `permissions` table. */
  roles: string[];
  /** The agent's own preferences (`GET /api/v1/me`, `settings.preferences`). @default none set */
  preferences?: MockAgentPreferences;
}

/** The agent's omnichannel preferences that start the transcript boxes of the close dialog. */
export interface MockAgentPreferences {
  omnichannelTranscriptEmail?: boolean;
  omnichannelTranscriptPDF?: boolean;
}

/** Which roles hold each permission, as `GET /api/v1/permissions.listAll` lists it. */
export type MockPermissions = Record<string, string[]>;

/**
 * Rocket.Chat's defaults for the permissions the close flow involves: agents close and send
 * transcripts, managers also close others' rooms.
 */
export function createMockPermissions(): MockPermissions {
  return {
    'close-livechat-room': ['livechat-agent', 'livechat-manager', 'admin'],
    'close-others-livechat-room': ['livechat-manager', 'admin'],
    'send-omnichannel-chat-transcript': ['livechat-agent', 'livechat-manager', 'admin'],
    'request-pdf-transcript': ['livechat-agent', 'livechat-manager', 'admin'],
    'view-l-room': ['livechat-agent', 'livechat-manager', 'admin'],
    'view-livechat-rooms': ['livechat-manager', 'admin'],
  };
}

/** A livechat visitor of the mock server. */
export interface MockVisitor {
  _id: string;
  name: string;
  username: string;
  token: string;
  email?: string;
}

/** A department of the mock server, with its closing rule and closing tags. */
export interface MockDepartment {
  _id: string;
  name: string;
  /** Rocket.Chat's department rule: no close without at least one tag. */
  requestTagBeforeClosingChat: boolean;
  /** Tags the server merges into every close of this department's rooms. */
  chatClosingTags: string[];
}

/** A tag of Rocket.Chat's enterprise tag list (`GET /api/v1/livechat/tags`). */
export interface MockTag {
  _id: string;
  name: string;
  /** Departments the tag belongs to; empty for a tag of every department. */
  departments: string[];
}

/** A livechat room of the mock server: `open` turns `false` when a close succeeds. */
export interface MockRoom {
  _id: string;
  /** Display name of the room: the visitor's name in Rocket.Chat. */
  fname: string;
  open: boolean;
  /** The serving agent's user id. */
  servedBy?: string;
  departmentId?: string;
  visitor: MockVisitor;
  /** Last message text, for lists. */
  lastMessage?: string;
  ts: string;
  /** Set by a successful close. */
  closedAt?: string;
  closedBy?: string;
  /** Who closed it: an agent through `room.closeByUser`, or the visitor through `livechat/room.close`. */
  closer?: 'user' | 'visitor';
  /** Set shortly after a close that asked for a PDF, on a server with the enterprise licence. */
  pdfTranscriptFileId?: string;
  closeComment?: string;
  tags?: string[];
  transcriptRequest?: { email: string; subject: string };
  pdfTranscriptRequested?: boolean;
}

/** The default agent, a livechat manager: serves the default rooms and may close any room. */
export const mockAgent: MockAgent = {
  userId: 'agent-ana',
  authToken: 'mock-token-ana',
  username: 'ana.agent',
  roles: ['user', 'livechat-agent', 'livechat-manager'],
};

/** A user with no livechat role: no `close-livechat-room` permission (403). */
export const mockAgentWithoutPermission: MockAgent = {
  userId: 'agent-bruno',
  authToken: 'mock-token-bruno',
  username: 'bruno.viewer',
  roles: ['user'],
};

/** A livechat agent: closes their own rooms only (`error-not-authorized` on others'). */
export const mockAgentOwnRoomsOnly: MockAgent = {
  userId: 'agent-carla',
  authToken: 'mock-token-carla',
  username: 'carla.agent',
  roles: ['user', 'livechat-agent'],
  preferences: { omnichannelTranscriptEmail: true, omnichannelTranscriptPDF: true },
};

/** The mock's departments: Support has no rule; Sales requires a tag and offers `sales`; Legal requires one and offers none. */
export const mockDepartments: MockDepartment[] = [
  { _id: 'dept-support', name: 'Support', requestTagBeforeClosingChat: false, chatClosingTags: [] },
  { _id: 'dept-sales', name: 'Sales', requestTagBeforeClosingChat: true, chatClosingTags: ['sales'] },
  // Tags required and no closing tags configured: the server refuses every agent close (the tag
  // dead end of RocketChat/Rocket.Chat#18787); only an administrator can unblock it.
  { _id: 'dept-legal', name: 'Legal', requestTagBeforeClosingChat: true, chatClosingTags: [] },
];

/** The enterprise tag list: some for every department, some for Sales or Support only. */
export function createMockTags(): MockTag[] {
  const tag = (name: string, departments: string[] = []): MockTag => ({ _id: `tag-${name.replace(/\W+/g, '-')}`, name, departments });
  return [
    tag('billing'),
    tag('bug'),
    tag('feature request'),
    tag('refund'),
    tag('vip'),
    tag('quote', ['dept-sales']),
    tag('upsell', ['dept-sales']),
    tag('login problem', ['dept-support']),
    tag('crash', ['dept-support']),
  ];
}

/** Many tags, for servers where the list must be searched and paged, not downloaded. */
export function createManyMockTags(count: number): MockTag[] {
  const topics = ['billing', 'refund', 'login', 'bug', 'feature', 'sales', 'vip', 'churn', 'onboarding', 'shipping'];
  return Array.from({ length: count }, (_, index) => ({
    _id: `tag-${index}`,
    name: `${topics[index % topics.length] ?? 'tag'}-${String(index).padStart(4, '0')}`,
    departments: [],
  }));
}

function visitor(id: string, name: string, email?: string): MockVisitor {
  const username = name.toLowerCase().replace(/\s+/g, '.');
  return { _id: `visitor-${id}`, name, username, token: `visitor-token-${id}`, email };
}

/** Fresh copies of the default rooms: four open chats served by `mockAgent`, one by someone else. */
export function createMockRooms(): MockRoom[] {
  const ts = '2026-11-24T09:00:00.000Z';
  return [
    { _id: 'room-1', fname: 'Maria Silva', open: true, servedBy: mockAgent.userId, departmentId: 'dept-support', visitor: visitor('1', 'Maria Silva', 'maria.silva@example.com'), lastMessage: 'Thanks, the invoice arrived.', ts },
    { _id: 'room-2', fname: 'John Carter', open: true, servedBy: mockAgent.userId, departmentId: 'dept-sales', visitor: visitor('2', 'John Carter', 'john+orders@example.co.uk'), lastMessage: 'Can I get a quote for 40 seats?', ts },
    { _id: 'room-3', fname: 'Lucía Fernández', open: true, servedBy: mockAgent.userId, visitor: visitor('3', 'Lucía Fernández'), lastMessage: '¿Puedo cambiar mi contraseña?', ts },
    { _id: 'room-4', fname: 'Kenji Watanabe', open: true, servedBy: mockAgent.userId, departmentId: 'dept-support', visitor: visitor('4', 'Kenji Watanabe', 'kenji@example.jp'), lastMessage: 'The app crashes on login.', ts },
    { _id: 'room-5', fname: 'Priya Nair', open: true, servedBy: mockAgentOwnRoomsOnly.userId, departmentId: 'dept-support', visitor: visitor('5', 'Priya Nair', 'priya@example.in'), lastMessage: 'Hello?', ts },
    { _id: 'room-legal', fname: 'Ahmed Hassan', open: true, servedBy: mockAgent.userId, departmentId: 'dept-legal', visitor: visitor('7', 'Ahmed Hassan', 'ahmed@example.eg'), lastMessage: 'I need the contract reviewed.', ts },
    { _id: 'room-closed', fname: 'Old Visitor', open: false, servedBy: mockAgent.userId, visitor: visitor('6', 'Old Visitor'), lastMessage: 'Bye', ts, closedAt: ts, closedBy: mockAgent.userId },
  ];
}
