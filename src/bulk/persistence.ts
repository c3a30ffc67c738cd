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

/** Reads a saved job; `undefined` when there is none, it is for another server, or it does not parse. */
export function loadSavedCloseRoomsJob(storage: Storage | null, key: string, baseUrl: string): SavedCloseRoomsJob | undefined {
  let text: string | null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const saved = JSON.parse(text) as unknown;
    if (!isRecord(saved) || saved.version !== 1 || saved.baseUrl !== baseUrl || typeof saved.id !== 'string') return undefined;
    if (!Array.isArray(saved.rooms) || !saved.rooms.every((room) => isRecord(room) && typeof room.rid === 'string' && STATUSES.has(String(room.status)))) {
      return undefined;
    }
    return saved as unknown as SavedCloseRoomsJob;
  } catch {
    return undefined;
  }
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
