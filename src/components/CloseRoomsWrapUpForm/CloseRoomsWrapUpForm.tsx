import { Fragment, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { CloseRoomsCheck } from '../../bulk/checks';
import type { BulkCloseRoom, CloseRoomsWrapUp as WrapUp } from '../../bulk/types';
import { pluralText } from '../../i18n/close-rooms-messages';
import type { CloseRoomsMessages } from '../../i18n/close-rooms-messages';
import { formatMessage } from '../../i18n/messages';
import type { CloseRoomMessages } from '../../i18n/messages';
import { pendingTag, quoteTag } from '../../form/pending-tag';
import { normaliseTags, singleLine } from '../../schema/close-room-form-schema';
import { Field } from '../Field/Field';
import { TagInput } from '../TagInput/TagInput';

/** Props of `CloseRoomsWrapUpForm`, the shared wrap-up of a bulk close. */
export interface CloseRoomsWrapUpFormProps {
  /** Prefix of the fields' ids. */
  id: string;
  /** The selected rooms. */
  rooms: readonly BulkCloseRoom[];
  /** The checks' result; `undefined` while the server's rules are being read. */
  check: CloseRoomsCheck | undefined;
  /** Refuse an empty comment (the server's rule, or the host's). */
  requireComment: boolean;
  /** Tags offered while typing. */
  tagSuggestions: readonly string[];
  /** Which transcript options to show. */
  transcript: { email: boolean; pdf: boolean };
  /** The subject the transcript e-mail starts with. */
  defaultSubject: string;
  /** The bulk texts (`enCloseRoomsMessages`, or a merged override). */
  messages: CloseRoomsMessages;
  /** Texts shared with the single close dialog (field labels, tag input, field errors). */
  formMessages: CloseRoomMessages;
  /** Called with the wrap-up once it is valid. */
  onSubmit: (wrapUp: WrapUp) => void;
  /** What the agent had entered when the form last unmounted (the dialog closed): it starts from it. */
  draft?: CloseRoomsWrapUpDraft;
  /** Called with what the agent entered, as it changes, for `draft`. */
  onDraftChange?: (draft: CloseRoomsWrapUpDraft) => void;
  /** The Cancel button. */
  onCancel: () => void;
}

/** What the agent entered in the wrap-up form, kept while its dialog is closed. */
export interface CloseRoomsWrapUpDraft {
  /** The comment typed. */
  comment: string;
  /** The tags added. */
  tags: string[];
  /** "Email each visitor the transcript". */
  sendTranscript: boolean;
  /** The e-mail's subject. */
  subject: string;
  /** "Generate PDF transcript". */
  pdf: boolean;
  /** Text left in the tag input, not added as a tag. */
  tagText?: string;
}

const SHOWN_NAMES = 5;
/** The fields' errors; `tagPending` when the tags' error is about text left in the tag input. */
type Errors = Partial<Record<'comment' | 'tags' | 'subject', string>> & { tagPending?: true };
/** The errors with the tag field's answered. */
const withoutTagsError = ({ comment, subject }: Errors): Errors => ({ ...(comment && { comment }), ...(subject && { subject }) });

/** A field's label, hint and error with their ids, as `Field` renders them, and the control's `aria-describedby`. */
function fieldOf(id: string, label: string, { labelSuffix, hint, error }: { labelSuffix?: string; hint?: string; error?: string }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return { field: { id, label, labelSuffix, hint, hintId, error, errorId }, describedBy };
}

/**
 * The shared wrap-up of a bulk close: which rooms, which are skipped and why, then the comment,
 * tags and transcript choices applied to every room. Checked on submit; nothing typed is lost.
 */
export function CloseRoomsWrapUpForm({ id, rooms, check, requireComment, tagSuggestions, transcript, defaultSubject, messages, formMessages, onSubmit, onCancel, draft, onDraftChange }: CloseRoomsWrapUpFormProps) {
  const [values, setValues] = useState<CloseRoomsWrapUpDraft>(() => draft ?? { comment: '', tags: [], sendTranscript: false, subject: defaultSubject, pdf: false });
  const { comment, tags, sendTranscript, subject, pdf } = values;
  // Counts in the agent's digits and separators ("1,000", "1.000").
  const number = (value: number) => value.toLocaleString(messages.locale);
  // Text typed in the tag input but not added: a close must not go without it, unseen, and the
  // draft keeps it. A ref: the input clears it and adds a tag in one handler.
  const tagText = useRef(draft?.tagText ?? '');
  const change = (next: Partial<CloseRoomsWrapUpDraft>) => {
    const merged = { ...values, ...next };
    setValues(merged);
    onDraftChange?.({ ...merged, tagText: tagText.current });
  };
  const setComment = (value: string) => change({ comment: value });
  const setTags = (value: string[]) => {
    change({ tags: value });
    // "Add at least one tag" is answered by the tag just added, as in the single dialog.
    if (errors.tags && !errors.tagPending && normaliseTags(value).length > 0) setErrors(withoutTagsError);
  };
  const setSendTranscript = (value: boolean) => change({ sendTranscript: value });
  const setSubject = (value: string) => change({ subject: value });
  const setPdf = (value: boolean) => change({ pdf: value });
  const [errors, setErrors] = useState<Errors>({});
  const onTagTextChange = (text: string) => {
    tagText.current = text;
    onDraftChange?.({ ...values, tagText: text });
    if (errors.tagPending) setErrors(withoutTagsError);
  };
  const names = new Map(rooms.map((room) => [room.rid, room.name ?? room.rid]));
  const closable = check?.closable ?? rooms.length;
  const tagsRequired = check?.tagsRequired === true;
  const fieldError = formMessages.fieldErrors;
  const tagsRule = tagsRequired && check ? formatMessage(messages.tagsRequiredBy, { departments: check.tagsRequiredBy.join(', ') }) : undefined;
  const commentField = fieldOf(`${id}-comment`, formMessages.commentLabel, { labelSuffix: requireComment ? formMessages.requiredSuffix : undefined, error: errors.comment });
  const tagsField = fieldOf(`${id}-tags`, formMessages.tagsLabel, {
    labelSuffix: tagsRequired ? formMessages.requiredSuffix : undefined,
    hint: tagsRule ? `${tagsRule} ${formMessages.tagsHint}` : formMessages.tagsHint,
    error: errors.tags,
  });
  const subjectField = fieldOf(`${id}-subject`, formMessages.transcriptSubjectLabel, { labelSuffix: formMessages.requiredSuffix, error: errors.subject });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!check || closable === 0) return;
    const next: Errors = {};
    if (requireComment && !comment.trim()) next.comment = fieldError['comment-required'];
    const cleanTags = normaliseTags(tags);
    const typed = pendingTag(tagText.current, cleanTags);
    if (typed !== undefined) {
      next.tags = formatMessage(formMessages.tagPending, { tag: quoteTag(typed) });
      next.tagPending = true;
    } else if (tagsRequired && cleanTags.length === 0) next.tags = `${fieldError['tags-required']} ${formatMessage(messages.tagsRequiredBy, { departments: check.tagsRequiredBy.join(', ') })}`;
    if (sendTranscript && !singleLine(subject)) next.subject = fieldError['subject-required'];
    setErrors(next);
    const first = (['comment', 'tags', 'subject'] as const).find((field) => next[field]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    onSubmit({
      comment: comment.trim() ? comment : undefined,
      tags: cleanTags.length ? cleanTags : undefined,
      transcriptEmail: sendTranscript ? { subject: singleLine(subject) } : false,
      generateTranscriptPdf: pdf || undefined,
    });
  }

  return (
    // A shortcut on top of the real submit button, which stays the way to close for everyone.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className="rcou-form"
      noValidate
      onSubmit={submit}
      // Ctrl/Cmd+Enter from any field starts the close, as in the single dialog.
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <div className="rcou-form__body">
        <details className="rcou-bulk__selected">
          <summary>
            {messages.selectedRooms} ({rooms.length.toLocaleString(messages.locale)}):{' '}
            {rooms.slice(0, SHOWN_NAMES).map((room, index) => (
              <Fragment key={room.rid}>
                {index > 0 && ', '}
                <bdi>{room.name ?? room.rid}</bdi>
              </Fragment>
            ))}
            {rooms.length > SHOWN_NAMES && ` ${formatMessage(pluralText(messages.andMore, rooms.length - SHOWN_NAMES, messages.locale), { count: number(rooms.length - SHOWN_NAMES) })}`}
          </summary>
          <ul className="rcou-bulk__room-list">
            {rooms.map((room) => (
              <li key={room.rid}>
                <bdi>{room.name ?? room.rid}</bdi>
              </li>
            ))}
          </ul>
        </details>
        {!check && <p role="status">{messages.checking}</p>}
        {check && check.skip.length > 0 && (
          <section className="rcou-alert" aria-labelledby={`${id}-skipped`}>
            <h3 id={`${id}-skipped`} className="rcou-bulk__subheading">
              {formatMessage(pluralText(messages.skippedHeading, check.skip.length, messages.locale), { count: number(check.skip.length) })}
            </h3>
            <ul className="rcou-bulk__room-list">
              {check.skip.map((skip) => (
                <li key={skip.rid}>
                  <bdi>{names.get(skip.rid)}</bdi>: {formatMessage(messages.skipReasons[skip.reason], { department: skip.department ?? '' })}
                </li>
              ))}
            </ul>
          </section>
        )}
        <Field field={commentField.field}>
          <textarea
            id={commentField.field.id}
            className="rcou-input rcou-textarea"
            rows={3}
            value={comment}
            placeholder={formMessages.commentPlaceholder}
            aria-required={requireComment || undefined}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={commentField.describedBy}
            onChange={(event) => setComment(event.target.value)}
          />
        </Field>
        <Field field={tagsField.field}>
          <TagInput
            id={tagsField.field.id}
            value={tags}
            onChange={setTags}
            suggestions={tagSuggestions}
            messages={formMessages}
            describedBy={tagsField.describedBy}
            invalid={Boolean(errors.tags)}
            required={tagsRequired}
            onTextChange={onTagTextChange}
            defaultText={draft?.tagText}
          />
        </Field>
        {transcript.email && (
          <div className="rcou-form__group">
            <div className="rcou-check">
              <input id={`${id}-send-transcript`} type="checkbox" className="rcou-check__input" checked={sendTranscript} aria-describedby={`${id}-send-transcript-hint`} onChange={(event) => setSendTranscript(event.target.checked)} />
              <label htmlFor={`${id}-send-transcript`} className="rcou-check__label">
                {messages.transcriptEmailLabel}
              </label>
            </div>
            <p id={`${id}-send-transcript-hint`} className="rcou-field__hint">
              {formatMessage(pluralText(messages.transcriptEmailHint, closable, messages.locale), { count: number(check?.withEmail ?? 0), total: number(closable) })}
            </p>
            {sendTranscript && (
              <Field field={subjectField.field}>
                <input
                  id={subjectField.field.id}
                  type="text"
                  className="rcou-input"
                  aria-required="true"
                  aria-invalid={errors.subject ? true : undefined}
                  aria-describedby={subjectField.describedBy}
                  value={subject}
                  onChange={(event) => setSubject(event.target.value)}
                />
              </Field>
            )}
          </div>
        )}
        {transcript.pdf && (
          <div className="rcou-check">
            <input id={`${id}-pdf`} type="checkbox" className="rcou-check__input" checked={pdf} onChange={(event) => setPdf(event.target.checked)} />
            <label htmlFor={`${id}-pdf`} className="rcou-check__label">
              {formMessages.pdfTranscriptLabel}
            </label>
          </div>
        )}
      </div>
      <div className="rcou-form__actions">
        <button type="button" className="rcou-button" onClick={onCancel}>
          {messages.cancel}
        </button>
        <button type="submit" className="rcou-button" data-variant="primary" aria-disabled={!check || closable === 0 || undefined}>
          {formatMessage(pluralText(messages.submit, closable, messages.locale), { count: number(closable) })}
        </button>
      </div>
    </form>
  );
}
