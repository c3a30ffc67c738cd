import type { CloseRoomErrorKind } from '../client/errors';
import type { CloseRoomFormErrorCode } from '../schema/close-room-form-schema';

/**
 * Every text the close dialog shows. Override any key through the `messages` prop; `{name}`
 * placeholders are filled in at render time.
 */
export interface CloseRoomMessages {
  /** BCP 47 language tag, for numbers and durations (`{wait}`). */
  locale: string;
  title: string;
  description: string;
  commentLabel: string;
  commentPlaceholder: string;
  requiredSuffix: string;
  tagsLabel: string;
  tagsHint: string;
  /** Hint when tags are required and none are offered. */
  tagsFreeText: string;
  /** `{tag}` */
  tagRemove: string;
  selectedTags: string;
  tagSuggestions: string;
  /** `{tag}` */
  tagDuplicate: string;
  tagBlank: string;
  /** `{tag}` */
  tagAdded: string;
  /** Said once when several tags are added at once (a paste): `{count}` */
  tagsAdded: string;
  /** `{tag}` */
  tagRemoved: string;
  /**
   * The tag field's error when a close is asked for while text typed in it was not added as a
   * tag: nothing is sent, and the text stays. `{tag}`
   */
  tagPending: string;
  sendTranscriptLabel: string;
  transcriptEmailLabel: string;
  transcriptSubjectLabel: string;
  pdfTranscriptLabel: string;
  submit: string;
  submitting: string;
  cancel: string;
  tryAgain: string;
  dismiss: string;
  signInAgain: string;
  /** The submit button while the server's rate-limit wait runs: `{wait}` is the time left in words. */
  tryAgainIn: string;
  /** After this form closed the room (seen in a side panel; the dialog closes itself). */
  closed: string;
  /**
   * The room was closed by another form, tab or caller while this one held other values: they
   * were not sent. Shown with the values still on screen.
   */
  closedElsewhere: string;
  /** Field errors, by the schema's codes. */
  fieldErrors: Record<CloseRoomFormErrorCode, string>;
  /** Server outcomes, by `CloseRoomError.kind`. `rate-limited` may use `{wait}` (in words) or `{seconds}`. */
  errors: Record<CloseRoomErrorKind, string>;
  /** `rate-limited` when the server did not say how long to wait. */
  rateLimitedNoWait: string;
  /** `rate-limited` when the server's wait is already over (it said 0 seconds). */
  rateLimitedNow: string;
  /**
   * Connected mode, said before the agent types: the department requires tags and has no closing
   * tags, so the server refuses every close of the room. `{department}` is its name.
   */
  tagDeadEnd: string;
  /** The same, when the department's name is not known (learned from a refusal of a close with tags). */
  tagDeadEndUnnamed: string;
  /** Connected mode, `Livechat_transcript_send_always` on: instead of the e-mail option. */
  transcriptSentByServer: string;
  /** Connected mode: the transcript boxes start from the agent's preferences. */
  transcriptPreferencesHint: string;
  /** After an "already closed" answer where force close is allowed: what "Close anyway" is for. */
  forceCloseOffer: string;
  closeAnyway: string;
  /** The confirmation step of "Close anyway". */
  forceCloseConfirm: string;
  confirmCloseAnyway: string;
  /** A server before 7.3 refused `forceClose`. */
  forceCloseUnsupported: string;
}

/** What a `messages` prop may hold: any key, nested records merged key by key. */
export type CloseRoomMessagesOverride = Partial<Omit<CloseRoomMessages, 'fieldErrors' | 'errors'>> & {
  fieldErrors?: Partial<CloseRoomMessages['fieldErrors']>;
  errors?: Partial<CloseRoomMessages['errors']>;
};

/** The English texts, the default of every component's `messages`. */
export const enMessages: CloseRoomMessages = {
  locale: 'en',
  title: 'Wrap up conversation',
  description: 'Closing ends the chat for the visitor. Leave a note and tags for your team.',
  commentLabel: 'Comment',
  commentPlaceholder: 'What happened in this conversation?',
  requiredSuffix: '(required)',
  tagsLabel: 'Tags',
  tagsHint: 'Press Enter or comma to add a tag.',
  tagsFreeText: 'No tags are set up for this department: type any tag, then press Enter.',
  tagRemove: 'Remove tag {tag}',
  selectedTags: 'Selected tags',
  tagSuggestions: 'Tag suggestions',
  tagDuplicate: 'The tag “{tag}” is already added.',
  tagBlank: 'A tag cannot be blank.',
  tagAdded: 'Tag {tag} added.',
  tagsAdded: '{count} tags added.',
  tagRemoved: 'Tag {tag} removed.',
  tagPending: 'Press Enter to add “{tag}” as a tag, or clear it.',
  sendTranscriptLabel: 'Send transcript to visitor',
  transcriptEmailLabel: 'Visitor email',
  transcriptSubjectLabel: 'Email subject',
  pdfTranscriptLabel: 'Generate PDF transcript',
  submit: 'Close conversation',
  submitting: 'Closing…',
  cancel: 'Cancel',
  tryAgain: 'Try again',
  dismiss: 'Dismiss',
  signInAgain: 'Sign in again',
  tryAgainIn: 'Try again in {wait}',
  closed: 'This conversation is closed.',
  closedElsewhere: 'This conversation was closed from another window or by a colleague. What you entered here was not sent.',
  fieldErrors: {
    'comment-required': 'Enter a closing comment.',
    'tags-required': 'Add at least one tag.',
    'email-required': 'Enter the visitor’s email address.',
    'email-invalid': 'Enter a valid email address, such as name@example.com.',
    'subject-required': 'Enter a subject for the email.',
  },
  errors: {
    'already-closed': 'This conversation is already closed, perhaps by a colleague.',
    unauthorized: 'Your session has expired. Sign in again to close this conversation.',
    forbidden: 'You don’t have permission to close conversations. Ask an administrator for access.',
    'not-serving': 'Another agent serves this conversation, and you don’t have permission to close it.',
    'room-not-found': 'This conversation no longer exists.',
    'comment-required': 'Rocket.Chat requires a closing comment. Add one, then close again.',
    'tags-required': 'This department requires at least one tag. Add a tag, then close again.',
    'invalid-params': 'Rocket.Chat refused the request. Check the fields and try again.',
    'rate-limited': 'Too many requests. Wait {wait}, then try again.',
    conflict: 'Rocket.Chat was busy with this conversation. Try again.',
    timeout: 'Rocket.Chat did not answer in time. Check your connection and try again.',
    network: 'Rocket.Chat could not be reached. Check your connection and try again.',
    server: 'Rocket.Chat had a problem closing the conversation. Try again in a moment.',
    unknown: 'The conversation could not be closed. Try again, or ask an administrator.',
  },
  rateLimitedNoWait: 'Too many requests. Wait a moment, then try again.',
  rateLimitedNow: 'Too many requests were sent. You can try again now.',
  tagDeadEnd:
    'This conversation can’t be closed yet: the {department} department requires a tag, but has no closing tags set up. Ask an administrator to add some or to turn off “Request tag(s) before closing conversation”.',
  tagDeadEndUnnamed:
    'This conversation can’t be closed yet: its department requires a tag, but has no closing tags set up. Ask an administrator to add some or to turn off “Request tag(s) before closing conversation”.',
  transcriptSentByServer: 'Rocket.Chat emails the transcript to the visitor when the conversation closes.',
  transcriptPreferencesHint: 'These start from your preferences (My account › Omnichannel).',
  forceCloseOffer: 'If this conversation still shows as open, it may be stuck: “Close anyway” closes it again.',
  closeAnyway: 'Close anyway',
  forceCloseConfirm: 'Close this conversation again? It replaces the closing comment and tags already recorded. Use this only for a conversation stuck open.',
  confirmCloseAnyway: 'Yes, close anyway',
  forceCloseUnsupported: 'This Rocket.Chat server (before 7.3) can’t force a close. Ask an administrator.',
};

// A key given as `undefined` is not overridden: without this, a spread of a partial catalogue
// would blank an error text (a refused submit with nothing said) or a button's name.
export const given = <T extends object>(values: T | undefined): Partial<T> => Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;

/** Catalogue with overrides applied key by key; a key given as `undefined` keeps the base text. */
export function mergeMessages(base: CloseRoomMessages, override: CloseRoomMessagesOverride = {}): CloseRoomMessages {
  return {
    ...base,
    ...given(override),
    fieldErrors: { ...base.fieldErrors, ...given(override.fieldErrors) },
    errors: { ...base.errors, ...given(override.errors) },
  };
}

/** Fills `{name}` placeholders; unknown names are left as they are. */
export function formatMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * A wait in words in the catalogue's language ("1 second", "12 seconds", "3 minutes", "2 hours"),
 * rounded up to the unit shown so the agent never retries too early.
 */
export function formatWait(seconds: number, locale: string): string {
  const [value, unit] =
    seconds < 60 ? [seconds, 'second'] : seconds < 3600 ? [Math.ceil(seconds / 60), 'minute'] : [Math.ceil(seconds / 3600), 'hour'];
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  } catch {
    // An unknown locale tag from an override: English words rather than an exception.
    return new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  }
}
