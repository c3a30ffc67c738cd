import type { ReactNode } from 'react';
import { useCloseRoomForm, useTagInput, type CloseRoomFieldState, type UseTagInputOptions } from '../../src';
const Labelled = ({ field, children }: { field: CloseRoomFieldState<unknown>; children: ReactNode }) => (
  <div>
    <label htmlFor={field.id}>{field.label} <span aria-hidden="true">{field.labelSuffix}</span></label> {children}
    {field.hint && <small id={field.hintId}>{field.hint}</small>}
    {field.error && <strong id={field.errorId}>{field.error}</strong>}
  </div>
);
function Tags(options: UseTagInputOptions) {
  const tags = useTagInput(options);
  return (
    <>
      {tags.tags.map((tag) => <button key={tag} type="button" aria-label={tags.removeLabel(tag)} onClick={() => tags.removeTag(tag)}>{tag} ×</button>)}
      <input {...tags.inputProps} />
      {tags.expanded && <ul {...tags.listboxProps}>{tags.options.map((tag, i) => <li key={tag} {...tags.getOptionProps(i)}>{tag}</li>)}</ul>}
      {tags.problem && <span id={tags.problemId}>{tags.problem}</span>}
      <span role="status">{tags.announcement}</span>
    </>
  );
}
export function PlainCloseForm({ rid, onDone }: { rid: string; onDone: () => void }) {
  const form = useCloseRoomForm({ rid, onClosed: onDone, onCancel: onDone });
  const { comment, tags, sendTranscript, transcriptEmail, transcriptSubject } = form.fields;
  return (
    <form {...form.formProps}>
      <Labelled field={comment}><textarea {...comment.props} /></Labelled>
      <Labelled field={tags}><Tags {...tags.props} /></Labelled>
      <p><input {...sendTranscript.props} /> <label htmlFor={sendTranscript.id}>{sendTranscript.label}</label></p>
      {transcriptEmail.visible && <Labelled field={transcriptEmail}><input type="email" {...transcriptEmail.props} /></Labelled>}
      {transcriptSubject.visible && <Labelled field={transcriptSubject}><input {...transcriptSubject.props} /></Labelled>}
      <div role="alert">{form.alert && <p {...form.alertTextProps}>{form.alert.text}</p>}</div>
      {form.actions.signInAgain && <button type="button" onClick={form.actions.signInAgain}>{form.messages.signInAgain}</button>}
      {/* eslint-disable-next-line jsx-a11y/no-autofocus -- Dismiss replaces the focused submit button */}
      {form.actions.dismiss && <button type="button" autoFocus onClick={form.actions.dismiss}>{form.messages.dismiss}</button>}
      {form.actions.cancel && <button type="button" onClick={form.actions.cancel}>{form.messages.cancel}</button>}
      {!form.final && <button {...form.submitProps}>{form.submitLabel}</button>}
    </form>
  );
}
