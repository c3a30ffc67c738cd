import type { CloseRoomErrorKind } from '../client/errors';

/** One conversation to close, with what the host already knows of it (from its room list). */
export interface BulkCloseRoom {
  /** The livechat room id. */
  rid: string;
  /** What the agent sees for the room (the visitor's name); shown in lists and the progress view. @default rid */
  name?: string | undefined;
  /** The room's department, for the tag rules checked before the first request. */
  departmentId?: string | undefined;
  /** The serving agent's user id, for the "not yours" check. */
  servedBy?: string | undefined;
  /** The visitor's e-mail address: the transcript goes there. Without one, no transcript is asked for this room. */
  visitorEmail?: string | undefined;
}

/** The one wrap-up applied to every room of a bulk close. */
export interface CloseRoomsWrapUp {
  /** Closing comment sent with every room. */
  comment?: string | undefined;
  /** Tags sent with every room (the department's closing tags are merged in by the server). */
  tags?: string[] | undefined;
  /**
   * E-mail each room's transcript to that room's own visitor, with this subject. Rooms whose
   * visitor e-mail is not known get no transcript request (and keep any the visitor made). @default off
   */
  transcriptEmail?: { subject: string } | false | undefined;
  /** Ask for a PDF transcript of every room (enterprise servers). @default false */
  generateTranscriptPdf?: boolean | undefined;
}

/** Why a room is not attempted at all: found before the first request. */
export type BulkSkipReason =
  /** Its department requires a tag and has no closing tags: the server refuses every agent close. */
  | 'tag-dead-end'
  /** Another agent serves it and the agent may not close others' rooms. */
  | 'not-serving';

/**
 * Where one room stands. `queued` and `sending` are on the way; the other five are final and
 * each room ends in exactly one of them.
 */
export type BulkRoomStatus = 'queued' | 'sending' | 'closed' | 'already-closed' | 'failed' | 'skipped' | 'cancelled';

/** One room's state in a job (what is kept in the browser for resumption: never credentials). */
export interface BulkRoomState {
  rid: string;
  name?: string;
  status: BulkRoomStatus;
  /** For `failed`: the `CloseRoomError` kind of the answer. */
  error?: CloseRoomErrorKind;
  /** For `skipped`: why. */
  skipReason?: BulkSkipReason;
  /** For `skipped` with a department reason: the department's name, for the message. */
  department?: string;
  /** How many times this room was posted, over every attempt. */
  posts: number;
  /** The room was being sent when the page went away: whether it reached the server is unknown. */
  uncertain?: boolean;
  /** For closed rooms: whether a transcript e-mail was asked for (`false`: no e-mail known). */
  transcriptSent?: boolean;
}

/**
 * `ready`: made, not started. `running` (sending or waiting for the rate limit). `pausing` /
 * `cancelling`: a request is in flight and finishes first. `paused` (see `pauseReason`).
 * `done`: every room is in a final state.
 */
export type CloseRoomsPhase = 'ready' | 'running' | 'pausing' | 'paused' | 'cancelling' | 'done';

/**
 * Why a job is paused: the agent asked (`user`), the session expired (`unauthorized`: sign in
 * again, then resume), the connection keeps failing (`network`), or the page was reloaded
 * (`reload`: offered for resumption).
 */
export type CloseRoomsPauseReason = 'user' | 'unauthorized' | 'network' | 'reload';

/** Counts of rooms by status. */
export type BulkRoomCounts = Record<BulkRoomStatus, number>;

/** What the server's rate limit looks like from here, as its `X-RateLimit-*` headers and 429s tell it. */
export interface ObservedRateLimit {
  /** Calls per window (`X-RateLimit-Limit`), once seen. */
  limit?: number;
  /** Length of the window in ms, estimated from successive `X-RateLimit-Reset` values. */
  windowMs?: number;
  /** Calls left in the current window, as last seen (counted down between answers). */
  remaining?: number;
  /** When the current window ends, epoch ms on this browser's clock (the server's `X-RateLimit-Reset` less its clock's lead, as the `Date` header tells it). */
  resetAt?: number;
}

/** An immutable picture of a job, for rendering and for `onProgress`. */
export interface CloseRoomsSnapshot {
  /** Identifies the job (in storage, in `closeRooms` results). */
  id: string;
  phase: CloseRoomsPhase;
  /** Set while `paused`. */
  pauseReason?: CloseRoomsPauseReason;
  /** `true` once the agent cancelled: queued rooms became `cancelled`. */
  cancelled: boolean;
  wrapUp: CloseRoomsWrapUp;
  /** Every room of the job, in the order given. */
  rooms: readonly BulkRoomState[];
  counts: BulkRoomCounts;
  /** Rooms in a final state. */
  finished: number;
  /** The room being posted now. */
  current?: BulkRoomState;
  /** While waiting for the rate limit window to end: when sending resumes, epoch ms. */
  waitingUntil?: number;
  /** When this snapshot was taken, epoch ms: `estimatedMsLeft` and `waitingUntil` count from it. */
  takenAt: number;
  /** Estimated ms until every queued room is sent, following the limit observed; `undefined` until known. */
  estimatedMsLeft?: number;
  rateLimit: ObservedRateLimit;
  /** 429 answers received, and how many of them came after the first window. */
  rateLimited: { total: number; afterFirstWindow: number };
  /** When the job was created, epoch ms. */
  createdAt: number;
  /** Attempts run: 1 after start, one more for each retry. */
  attempt: number;
  /** `false` when the browser refused to store the job (quota, private mode): a reload would lose it. */
  persisted: boolean;
}
