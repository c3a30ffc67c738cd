import type { CloseRoomErrorKind } from '../client/errors';
import type { BulkRoomStatus, BulkSkipReason } from '../bulk/types';
import { given } from './messages';

/**
 * A text that depends on a number: one string for every count, or one per plural category of the
 * locale (`Intl.PluralRules`: English has `one` and `other`, Portuguese and Spanish too, other
 * languages `few`, `many`...). `other` is required: it is the fallback for any category not given.
 */
export type PluralText = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

const pluralRules = new Map<string, Intl.PluralRules>();

/** The form of `text` for `count` in `locale`: "Close 1 conversation", "Close 2 conversations". */
export function pluralText(text: PluralText, count: number, locale: string): string {
  if (typeof text === 'string') return text;
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return text[rules.select(count)] ?? text.other;
}

/**
 * Every text of `CloseRoomsDialog` beyond the fields it shares with the single close dialog
 * (comment, tags, transcript: `CloseRoomMessages`). `{name}` placeholders are filled at render.
 */
export interface CloseRoomsMessages {
  /** BCP 47 language tag, for numbers and durations. */
  locale: string;
  /** `{count}`: rooms selected. The texts typed `PluralText` take a form per count (see `pluralText`). */
  title: PluralText;
  description: string;
  selectedRooms: string;
  /** `{count}` */
  andMore: PluralText;
  /** `{count}` */
  skippedHeading: PluralText;
  /** Why a room is skipped up front; `{department}` for `tag-dead-end`. */
  skipReasons: Record<BulkSkipReason, string>;
  /** The wrap-up has no tag and rooms of these departments require one: `{departments}`. */
  tagsRequiredBy: string;
  transcriptEmailLabel: string;
  /** `{count}` of `{total}` rooms have a visitor e-mail. */
  transcriptEmailHint: PluralText;
  checking: string;
  /** `{count}` */
  submit: PluralText;
  cancel: string;
  progressLabel: string;
  /** The progress bar's value in words: `{done}`, `{total}`. */
  progressValue: PluralText;
  /** Polite announcement every few rooms: `{done}`, `{total}`. */
  announce: PluralText;
  counts: Record<Exclude<BulkRoomStatus, 'queued' | 'sending'>, PluralText>;
  /** `{name}` */
  current: string;
  /** `{wait}` in words. */
  waiting: string;
  /** `{wait}` in words. */
  timeLeft: string;
  timeLeftUnknown: string;
  pause: string;
  resume: string;
  stop: string;
  /** `{count}` */
  retry: PluralText;
  close: string;
  discard: string;
  signInAgain: string;
  pausing: string;
  cancelling: string;
  paused: string;
  pausedUnauthorized: string;
  pausedNetwork: string;
  /** A job found after a reload: `{done}`, `{total}`. */
  pausedReload: PluralText;
  /** `{closed}`, `{failed}`, `{skipped}`: each the `counts` text of its number ("3 not closed"). */
  finished: string;
  /** A stopped job: `{closed}`, `{failed}`, `{cancelled}`, each the `counts` text of its number. */
  finishedCancelled: string;
  notPersisted: string;
  resultsHeading: string;
  filterLabel: string;
  filterAll: string;
  filterProblems: string;
  /** `{from}`, `{to}`, `{total}` */
  page: string;
  previousPage: string;
  nextPage: string;
  noResults: string;
  /** Column headers of the results table. */
  columns: { room: string; status: string; reason: string };
  /** Status of a room in the results list. */
  statuses: Record<BulkRoomStatus, string>;
  /** Why a room was not closed, by `CloseRoomError.kind`. */
  reasons: Record<CloseRoomErrorKind, string>;
  /** A room whose request was in flight during a reload: sent again. */
  uncertain: string;
  /** A closed room without a known e-mail, when transcripts were asked for. */
  noTranscript: string;
}

/** What a `messages` prop of `CloseRoomsDialog` may hold: any key, nested records merged. */
export type CloseRoomsMessagesOverride = Partial<Omit<CloseRoomsMessages, 'skipReasons' | 'counts' | 'statuses' | 'reasons' | 'columns'>> & {
  skipReasons?: Partial<CloseRoomsMessages['skipReasons']>;
  counts?: Partial<CloseRoomsMessages['counts']>;
  statuses?: Partial<CloseRoomsMessages['statuses']>;
  reasons?: Partial<CloseRoomsMessages['reasons']>;
  columns?: Partial<CloseRoomsMessages['columns']>;
};

/** English texts of `CloseRoomsDialog`. */
export const enCloseRoomsMessages: CloseRoomsMessages = {
  locale: 'en',
  title: { one: 'Close {count} conversation', other: 'Close {count} conversations' },
  description: 'One wrap-up for every selected conversation. Rocket.Chat accepts only so many closes a minute, so a long list takes a while.',
  selectedRooms: 'Selected conversations',
  andMore: 'and {count} more',
  skippedHeading: { one: '{count} can’t be closed and will be skipped', other: '{count} can’t be closed and will be skipped' },
  skipReasons: {
    'tag-dead-end': 'the {department} department requires a tag but has no closing tags set up; an administrator must fix it',
    'not-serving': 'another agent serves it, and you don’t have permission to close others’ conversations',
  },
  tagsRequiredBy: 'Conversations in {departments} require at least one tag.',
  transcriptEmailLabel: 'Email each visitor the transcript',
  transcriptEmailHint: { one: '{count} of {total} conversation has a visitor email. The others close without a transcript.', other: '{count} of {total} conversations have a visitor email. The others close without a transcript.' },
  checking: 'Checking the conversations…',
  submit: { one: 'Close {count} conversation', other: 'Close {count} conversations' },
  cancel: 'Cancel',
  progressLabel: 'Closing conversations',
  progressValue: '{done} of {total} handled',
  announce: { one: '{done} of {total} conversation handled.', other: '{done} of {total} conversations handled.' },
  counts: { closed: '{count} closed', 'already-closed': '{count} already closed', failed: '{count} not closed', skipped: '{count} skipped', cancelled: '{count} not sent' },
  current: 'Closing {name}…',
  waiting: 'Waiting for Rocket.Chat’s limit: the next close in {wait}.',
  timeLeft: 'About {wait} left',
  timeLeftUnknown: 'Estimating the time left…',
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop',
  retry: { one: 'Retry {count} conversation', other: 'Retry {count} conversations' },
  close: 'Close',
  discard: 'Discard',
  signInAgain: 'Sign in again',
  pausing: 'Pausing after the conversation being closed…',
  cancelling: 'Stopping: the conversation being closed finishes first.',
  paused: 'Paused. Nothing is being sent.',
  pausedUnauthorized: 'Your session has expired. Sign in again; closing then resumes where it stopped.',
  pausedNetwork: 'Rocket.Chat can’t be reached. Check your connection, then resume.',
  pausedReload: 'Closing was interrupted: {done} of {total} handled. Resume to close the rest.',
  finished: 'Finished: {closed}, {failed}, {skipped}.',
  finishedCancelled: 'Stopped: {closed}, {failed}, {cancelled}.',
  notPersisted: 'This browser can’t keep the list: if the page reloads, what was done is not shown again.',
  resultsHeading: 'Conversations',
  filterLabel: 'Show',
  filterAll: 'All',
  filterProblems: 'Not closed',
  page: '{from}–{to} of {total}',
  previousPage: 'Previous',
  nextPage: 'Next',
  noResults: 'Nothing to show.',
  columns: { room: 'Conversation', status: 'Status', reason: 'Reason' },
  statuses: {
    queued: 'Waiting',
    sending: 'Closing…',
    closed: 'Closed',
    'already-closed': 'Already closed',
    failed: 'Not closed',
    skipped: 'Skipped',
    cancelled: 'Not sent',
  },
  reasons: {
    'already-closed': 'It was already closed.',
    unauthorized: 'Your session had expired.',
    forbidden: 'You don’t have permission to close conversations.',
    'not-serving': 'Another agent serves it, and you can’t close others’ conversations.',
    'room-not-found': 'It no longer exists.',
    'comment-required': 'Rocket.Chat requires a closing comment.',
    'tags-required': 'Its department requires a tag.',
    'invalid-params': 'Rocket.Chat refused the request.',
    'rate-limited': 'Too many requests.',
    conflict: 'Rocket.Chat was busy with it.',
    timeout: 'Rocket.Chat did not answer in time; it may have closed it.',
    network: 'Rocket.Chat could not be reached.',
    server: 'Rocket.Chat had a problem.',
    unknown: 'It could not be closed.',
  },
  uncertain: 'Sent again after the page reloaded.',
  noTranscript: 'No transcript: no visitor email.',
};

/** A catalogue with overrides applied key by key; a key given as `undefined` keeps the base text. */
export function mergeCloseRoomsMessages(base: CloseRoomsMessages, override: CloseRoomsMessagesOverride = {}): CloseRoomsMessages {
  return {
    ...base,
    ...given(override),
    skipReasons: { ...base.skipReasons, ...given(override.skipReasons) },
    counts: { ...base.counts, ...given(override.counts) },
    statuses: { ...base.statuses, ...given(override.statuses) },
    reasons: { ...base.reasons, ...given(override.reasons) },
    columns: { ...base.columns, ...given(override.columns) },
  };
}
