import type { SyntheticEvent, KeyboardEvent, MouseEvent, RefCallback } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { CloseRoomError, CloseRoomErrorKind } from '../client/errors';
import type { CloseRoomMessages, CloseRoomMessagesOverride } from '../i18n/messages';
import type { CloseRoomFormInput } from '../schema/close-room-form-schema';
import type { ServerTagSearch } from './use-server-tag-input';
import type { UseTagInputOptions } from './tag-input-state';

/** What `onClosed` receives: which room, and whether it was closed already. */
export interface CloseRoomResult {
  /** The room that was closed. */
  rid: string;
  /** `true` when the server said the room was closed already (by a colleague, or an earlier try). */
  alreadyClosed: boolean;
}

/** Which transcript options the form offers (`transcript` prop). */
export interface CloseRoomTranscriptOptions {
  /** Offer "Send transcript to visitor" with e-mail and subject. @default true; in connected mode, as the server decides */
  email?: boolean;
  /** Offer "Generate PDF transcript" (enterprise servers). @default true; in connected mode, as the server decides */
  pdf?: boolean;
}

/** What `useCloseRoomForm` takes: `CloseRoomForm`'s props without the presentation ones. */
export interface UseCloseRoomFormOptions {
  /**
   * The livechat room to close. Fixed for the life of the hook: one form state per room, so the
   * component calling the hook must be keyed by it (`<MyForm key={rid} rid={rid} />`).
   */
  rid: string;
  /** Pre-fills the transcript e-mail. @default '' */
  visitorEmail?: string | undefined;
  /** Initial values of any field; a kept draft for the same `rid` wins over them. */
  defaultValues?: Partial<CloseRoomFormInput> | undefined;
  /**
   * Where the rules come from. `'server'` reads them from Rocket.Chat given only `rid`: the comment
   * setting, the department's tag rule and tags, the visitor's e-mail, whether the room is still
   * open. Explicit options still win. `'props'` sends no request before the close. @default 'props'
   */
  source?: 'props' | 'server' | undefined;
  /** Refuse closing without a comment (Rocket.Chat's default setting is on). @default false, or the server's setting */
  requireComment?: boolean | undefined;
  /** Refuse closing without a tag (the department's rule). @default false, or the department's rule */
  requireTags?: boolean | undefined;
  /** Tags offered while typing; free tags stay allowed. @default [], or the server's tags */
  tagSuggestions?: readonly string[] | undefined;
  /**
   * Which transcript options to show. @default { email: true, pdf: true }; in connected mode as
   * Rocket.Chat's dialog decides them (permissions, licence, `Livechat_transcript_send_always`, the
   * visitor's e-mail)
   */
  transcript?: CloseRoomTranscriptOptions | undefined;
  /**
   * Offer "Close anyway" after an already-closed answer: the same values sent again with
   * `forceClose` (Rocket.Chat 7.3+, with `Omnichannel_allow_force_close_conversations` on), to
   * recover a room shown open but closed in the database. @default false, or the server's setting
   * in connected mode
   */
  allowForceClose?: boolean | undefined;
  /**
   * Connected mode: how often the room is read again while the form is shown, in ms, so a room
   * closed by the visitor, a colleague or inactivity is announced before the agent submits; also
   * on window focus, and never while the page is hidden. `false` keeps only the focus re-read.
   * @default 30000
   */
  refreshMs?: number | false | undefined;
  /** Called once the room is closed, or found closed already. Fires even if the form unmounted meanwhile. */
  onClosed?: ((result: CloseRoomResult) => void) | undefined;
  /** Called by `actions.signInAgain` after a 401; without it that action is `undefined`. */
  onUnauthorized?: (() => void) | undefined;
  /** Called with every failure, after the state shows it. */
  onError?: ((error: CloseRoomError) => void) | undefined;
  /** Called by `actions.cancel` and `actions.dismiss`; without it both are `undefined`. */
  onCancel?: (() => void) | undefined;
  /** Override any text; pass `ptBRMessages` or `esMessages` for a whole language. */
  messages?: CloseRoomMessagesOverride | undefined;
  /** Id prefix of the fields (`${id}-comment`, `${id}-tags`, ...). @default a `useId()` */
  id?: string | undefined;
  /**
   * Abandons a close asked for but not sent yet (credentials still resolving) when it aborts. Pass
   * one you abort when the form is dismissed if switching rooms (a remount, the hook being keyed by
   * `rid`) must not abandon the previous room's close. @default aborted when the hook unmounts
   */
  abandonSignal?: AbortSignal | undefined;
}

/** The rules in force: the options', the server's (connected mode) and what a refusal taught. */
export interface CloseRoomFormRules {
  /** A comment is required before closing. */
  requireComment: boolean;
  /** At least one tag is required before closing. */
  requireTags: boolean;
}

/** Ids for ARIA wiring; each field's own ids are on its state too. */
export interface CloseRoomFormIds {
  /** The prefix every other id starts with (the `id` option, or a `useId()`). */
  base: string;
  /** The comment's `<textarea>`. */
  comment: string;
  /** The tag input. */
  tags: string;
  /** The "Send transcript" checkbox. */
  sendTranscript: string;
  /** The transcript e-mail input. */
  transcriptEmail: string;
  /** The transcript subject input. */
  transcriptSubject: string;
  /** The "Generate PDF transcript" checkbox. */
  generateTranscriptPdf: string;
  /** The note under the transcript options (`transcriptNote`). */
  transcriptNote: string;
}

/** Props to spread on a text control (`<textarea>`, `<input>`): registration and ARIA wiring. */
export interface CloseRoomTextControlProps extends UseFormRegisterReturn {
  /** Matches the field's `id`, for `<label htmlFor>`. */
  id: string;
  /** `true` while the field shows an error. */
  'aria-invalid': true | undefined;
  /** The ids of the error and hint, only while they have text (render them with `errorId`/`hintId`). */
  'aria-describedby': string | undefined;
  /** `true` when the rules require this field. */
  'aria-required': true | undefined;
  /** `true` while a close is pending: what it sends is fixed. */
  readOnly: boolean;
}

/** Props to spread on a checkbox: registration, and read-only while a close is pending. */
export interface CloseRoomCheckboxControlProps extends UseFormRegisterReturn {
  /** Matches the field's `id`, for `<label htmlFor>`. */
  id: string;
  /** Always `'checkbox'`. */
  type: 'checkbox';
  /** `true` while a close is pending (a checkbox has no `readOnly`). */
  'aria-readonly': true | undefined;
  /** Cancels the click while a close is pending; `undefined` otherwise. */
  onClick: ((event: MouseEvent) => void) | undefined;
  /** The transcript note's id while it is shown. */
  'aria-describedby': string | undefined;
}

/** One field as a view renders it: label, control props, hint and error in words. */
export interface CloseRoomFieldState<Props> {
  /** Whether to render the field now (the transcript fields follow their options and checkbox). */
  visible: boolean;
  /** The control's id, for `<label htmlFor>`. */
  id: string;
  /** The label text. */
  label: string;
  /** Shown after the label, e.g. "(required)"; `undefined` when the field is optional. */
  labelSuffix: string | undefined;
  /** A hint under the control, or `undefined`. */
  hint: string | undefined;
  /** The id to put on the hint's node; set exactly when `hint` is. */
  hintId: string | undefined;
  /** The field's error in words, or `undefined`. */
  error: string | undefined;
  /** The id to put on the error's node; set exactly when `error` is. */
  errorId: string | undefined;
  /** Ready to spread on the control. */
  props: Props;
}

/** A checkbox as a view renders it: a label after the box, no hint or error. */
export interface CloseRoomCheckboxState {
  /** Whether to render the checkbox (it follows the `transcript` options). */
  visible: boolean;
  /** The box's id, for `<label htmlFor>`. */
  id: string;
  /** The label text. */
  label: string;
  /** Ready to spread on the `<input>`. */
  props: CloseRoomCheckboxControlProps;
}

/** The tag field: `props` go to `useTagInput`, or to `useServerTagInput` with `search` when set. */
export interface CloseRoomTagsFieldState extends CloseRoomFieldState<UseTagInputOptions> {
  /** Set in connected mode without `tagSuggestions`: search the server's tags with `useServerTagInput`. */
  search: ServerTagSearch | undefined;
}

/** Every field of the form. */
export interface CloseRoomFormFields {
  /** The closing comment. */
  comment: CloseRoomFieldState<CloseRoomTextControlProps>;
  /** The tags, a controlled list. */
  tags: CloseRoomTagsFieldState;
  /** "Send transcript to visitor"; not visible when `transcript.email` is `false`. */
  sendTranscript: CloseRoomCheckboxState;
  /** The visitor's e-mail for the transcript; visible while "Send transcript" is checked. */
  transcriptEmail: CloseRoomFieldState<CloseRoomTextControlProps>;
  /** The transcript e-mail's subject; visible while "Send transcript" is checked. */
  transcriptSubject: CloseRoomFieldState<CloseRoomTextControlProps>;
  /** "Generate PDF transcript"; visible when `transcript.pdf` is `true`. */
  generateTranscriptPdf: CloseRoomCheckboxState;
}

/**
 * What the alert says: `'closed'` for this agent's own close, `'tag-dead-end'` when the server
 * refuses every close of the room (tags required, none set up), else the failure's kind.
 */
export type CloseRoomAlertKind = 'closed' | 'tag-dead-end' | 'force-close-unsupported' | CloseRoomErrorKind;

/** The alert's content; render it inside a region with `role="alert"` that is always mounted. */
export interface CloseRoomAlert {
  /** What happened, e.g. for `data-kind` styling. */
  kind: CloseRoomAlertKind;
  /** The agent's words for it. */
  text: string;
}

/** Props to spread on the `<form>` element. */
export interface CloseRoomFormElementProps {
  /** The schema validates, not the browser. */
  noValidate: true;
  /** `true` while a close is pending. */
  'aria-busy': true | undefined;
  /** Validates and closes. */
  onSubmit: (event: SyntheticEvent) => void;
  /** Ctrl/Cmd+Enter from any field submits. */
  onKeyDown: (event: KeyboardEvent) => void;
}

/** Props to spread on the submit button (it stays focusable while blocked: `aria-disabled`). */
export interface CloseRoomSubmitProps {
  /** Always `'submit'`. */
  type: 'submit';
  /** `true` while a close is pending. */
  'aria-busy': true | undefined;
  /** `true` while pending, while the server's rate-limit wait runs, or at a dead end. */
  'aria-disabled': true | undefined;
}

/** What the agent can do; an action is `undefined` when its button must not be shown. */
export interface CloseRoomFormActions {
  /** Validates and closes; does nothing while pending, final, at a dead end or waiting out a rate limit. */
  submit: () => Promise<void>;
  /** "Cancel" (calls `onCancel`): while not final and `onCancel` is given. */
  cancel: (() => void) | undefined;
  /** "Dismiss" (calls `onCancel`), replacing the submit button once final: give it focus when it appears. */
  dismiss: (() => void) | undefined;
  /** "Sign in again" (calls `onUnauthorized`): after a 401 when `onUnauthorized` is given. */
  signInAgain: (() => void) | undefined;
  /**
   * "Close anyway": offered after an already-closed answer where force close is allowed; asks for
   * confirmation (`forceClose.step` becomes `'confirming'`).
   */
  closeAnyway: (() => void) | undefined;
  /** "Yes, close anyway": sends the form's values again with `forceClose: true`; while confirming. */
  confirmCloseAnyway: (() => Promise<void>) | undefined;
  /** Backs out of the confirmation; while confirming. */
  cancelCloseAnyway: (() => void) | undefined;
}

/** The "Close anyway" offer and its confirmation step. */
export interface CloseRoomForceCloseState {
  /** `'offered'`: show `text` and a "Close anyway" button; `'confirming'`: the question and "Yes, close anyway". */
  step: 'offered' | 'confirming';
  /** What to say at this step. */
  text: string;
}

/** Everything a view needs to render the close flow; nothing in it has to be recomputed. */
export interface CloseRoomFormState {
  /** The room this state belongs to. */
  rid: string;
  /** Ids for ARIA wiring. */
  ids: CloseRoomFormIds;
  /** The text catalogue in use, overrides merged (title, description, button labels). */
  messages: CloseRoomMessages;
  /** The rules in force. */
  rules: CloseRoomFormRules;
  /** Every field: label, control props, hint, error and whether it is shown. */
  fields: CloseRoomFormFields;
  /** Props for the `<form>` element. */
  formProps: CloseRoomFormElementProps;
  /** The alert's kind and text, or `undefined` when there is nothing to say. */
  alert: CloseRoomAlert | undefined;
  /**
   * Spread on the node holding the alert's text. When the flow ends without `onCancel` (no Dismiss
   * button to focus), it takes focus if focus is on nothing (`<body>`), never from where the agent is.
   */
  alertTextProps: { ref: RefCallback<HTMLElement>; tabIndex: -1 };
  /** A close of this room is in flight (from this form or another of the same room). */
  pending: boolean;
  /** Nothing is left to do but dismiss: closed, already closed, or the room is gone. */
  final: boolean;
  /** The server refuses every close of this room until an administrator acts (the alert says so). */
  deadEnd: boolean;
  /** The submit button does nothing now (pending, the rate-limit wait runs, or a dead end). */
  blocked: boolean;
  /** Seconds left of the server's rate-limit wait; `0` when none. */
  waitSeconds: number;
  /** The latest failure of this room's close, or `null`. */
  error: CloseRoomError | null;
  /** The submit button's label: "Close conversation", "Closing…", "Try again in 7 s", "Try again". */
  submitLabel: string;
  /** Props for the submit button. */
  submitProps: CloseRoomSubmitProps;
  /** What the agent can do. */
  actions: CloseRoomFormActions;
  /** The "Close anyway" offer or its confirmation, or `undefined` when not offered. */
  forceClose: CloseRoomForceCloseState | undefined;
  /**
   * A note under the transcript options, or `undefined`: that the server e-mails the transcript
   * itself (`Livechat_transcript_send_always`), or that the boxes start from the agent's preferences.
   * Render it with `id={ids.transcriptNote}`; the checkboxes point at it while it is shown.
   */
  transcriptNote: string | undefined;
}
