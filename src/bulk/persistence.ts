import type { BulkRoomState, CloseRoomsWrapUp } from './types';

/** The key a job is kept under when none is given. */
export const DEFAULT_CLOSE_ROOMS_STORAGE_KEY = 'rocketchat-omnichannel-ui:close-rooms';

/**
 * What is kept in the browser: the job's rooms, wrap-up and per-room states. Never credentials:
 * the client resolves them again on resumption. The visitor e-mails of rooms still to close are
 * kept too (the transcript needs them), and removed as rooms finish.
 */
export interface SavedCloseRoomsJob {
  version: 1;
  id: string;
  /** The server the job belongs to (`client.baseUrl`): a job is never resumed against another. */
  baseUrl: string;
  createdAt: number;
  attempt: number;
  cancelled: boolean;
  wrapUp: CloseRoomsWrapUp;
  rooms: BulkRoomState[];
  /** E-mails of rooms not yet closed, by rid. */
  emails: Record<string, string>;
  /** Department of rooms not yet closed, by rid. */
  departments?: Record<string, string>;
  /**
   * Whose job it is: the hex SHA-256 of `baseUrl + userId`, never the user id itself (part of
   * the credentials). Restore refuses a job whose owner is not the signed-in agent.
   */
  owner?: string;
}

/**
 * The default storage: `sessionStorage`. It survives a reload and belongs to one tab, so two tabs
 * can never resume the same job at once and post its rooms twice; the price is that closing the
 * tab forgets the job (the rooms it closed stay closed). `localStorage` survives closing the tab
 * too: pass it as `storage` if only one tab of your console runs bulk closes.
 */
export function defaultCloseRoomsStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    // Storage blocked by the browser's settings: the job then lives in memory only.
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const STATUSES = new Set(['queued', 'sending', 'closed', 'already-closed', 'failed', 'skipped', 'cancelled']);
const ERROR_KINDS = new Set([
  'already-closed', 'unauthorized', 'forbidden', 'not-serving', 'room-not-found', 'comment-required', 'tags-required',
  'invalid-params', 'rate-limited', 'conflict', 'timeout', 'network', 'server', 'unknown',
]);
const SKIP_REASONS = new Set(['tag-dead-end', 'not-serving']);
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isStringMap = (value: unknown) => isRecord(value) && Object.values(value).every(isString);

function isRoomState(room: unknown): boolean {
  return (
    isRecord(room) &&
    isString(room.rid) &&
    room.rid !== '' &&
    STATUSES.has(room.status as string) &&
    isCount(room.posts) &&
    optional(room.name, isString) &&
    optional(room.error, (error) => ERROR_KINDS.has(error as string)) &&
    optional(room.skipReason, (reason) => SKIP_REASONS.has(reason as string)) &&
    optional(room.department, isString) &&
    optional(room.uncertain, (flag) => typeof flag === 'boolean') &&
    optional(room.transcriptSent, (flag) => typeof flag === 'boolean')
  );
}

function isWrapUp(wrapUp: unknown): boolean {
  return (
    isRecord(wrapUp) &&
    optional(wrapUp.comment, isString) &&
    optional(wrapUp.tags, (tags) => Array.isArray(tags) && tags.every(isString)) &&
    optional(wrapUp.transcriptEmail, (transcript) => transcript === false || (isRecord(transcript) && isString(transcript.subject))) &&
    optional(wrapUp.generateTranscriptPdf, (flag) => typeof flag === 'boolean')
  );
}

/**
 * Every field the job reads, checked: storage is written by older versions, other scripts of the
 * page and the agent's own devtools, and a job built on a half-written entry would crash restore
 * and stay registered, blocking every later bulk close.
 */
function isSavedJob(saved: unknown): saved is SavedCloseRoomsJob {
  return (
    isRecord(saved) &&
    saved.version === 1 &&
    isString(saved.id) &&
    saved.id !== '' &&
    isString(saved.baseUrl) &&
    isTime(saved.createdAt) &&
    isCount(saved.attempt) &&
    typeof saved.cancelled === 'boolean' &&
    isWrapUp(saved.wrapUp) &&
    Array.isArray(saved.rooms) &&
    saved.rooms.every(isRoomState) &&
    // A room listed twice would be offered, counted and closed twice.
    new Set(saved.rooms.map((room: { rid: string }) => room.rid)).size === saved.rooms.length &&
    isStringMap(saved.emails) &&
    optional(saved.departments, isStringMap) &&
    optional(saved.owner, isString)
  );
}

/**
 * What is under the key: `none` (nothing, or storage unreadable), `invalid` (not a job this
 * version can run: to be removed), or the job (for whichever server it names).
 */
export function readSavedCloseRoomsJob(storage: Storage | null, key: string): { kind: 'none' } | { kind: 'invalid' } | { kind: 'job'; job: SavedCloseRoomsJob } {
  let text: string | null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch {
    return { kind: 'none' };
  }
  if (!text) return { kind: 'none' };
  let saved: unknown;
  try {
    saved = JSON.parse(text) as unknown;
  } catch {
    return { kind: 'invalid' };
  }
  return isSavedJob(saved) ? { kind: 'job', job: saved } : { kind: 'invalid' };
}

/** Reads a saved job; `undefined` when there is none, it is for another server, or it is not a valid job. */
export function loadSavedCloseRoomsJob(storage: Storage | null, key: string, baseUrl: string): SavedCloseRoomsJob | undefined {
  const read = readSavedCloseRoomsJob(storage, key);
  return read.kind === 'job' && read.job.baseUrl === baseUrl ? read.job : undefined;
}

/** Writes the job; `false` when the browser refused (quota, private mode, no storage). */
export function saveCloseRoomsJob(storage: Storage | null, key: string, job: SavedCloseRoomsJob): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(job));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the saved job. */
export function clearSavedCloseRoomsJob(storage: Storage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: storage that cannot be written holds nothing of ours either.
  }
}
