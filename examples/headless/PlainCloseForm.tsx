import type { ReactNode } from 'react';
import { focusUnlessTyping, useCloseRoomForm, useTagInput, type CloseRoomCheckboxState, type CloseRoomFieldState, type UseTagInputOptions } from '../../src';
const Labelled = ({ field, children }: { field: CloseRoomFieldState<unknown>; children: ReactNode }) => (
  <div>
    <label htmlFor={field.id}>{field.label} <span aria-hidden="true">{field.labelSuffix}</span></label> {children}
    {field.hint && <small id={field.hintId}>{field.hint}</small>} {field.error && <strong id={field.errorId}>{field.error}</strong>}
  </div>
);
const Box = ({ field }: { field: CloseRoomCheckboxState }) => field.visible && <p><input {...field.props} /> <label htmlFor={field.id}>{field.label}</label></p>;
function Tags(options: UseTagInputOptions) {
  const tags = useTagInput(options);
  return (
    <>
      {tags.tags.map((tag) => <button key={tag} type="button" aria-label={tags.removeLabel(tag)} onClick={() => tags.removeTag(tag)}>{tag} ×</button>)}
      <input {...tags.inputProps} />
      {tags.expanded && <ul {...tags.listboxProps}>{tags.options.map((tag, i) => <li key={tag} {...tags.getOptionProps(i)}>{tag}</li>)}</ul>}
      {tags.problem && <span id={tags.problemId}>{tags.problem}</span>} <span role="status">{tags.announcement}</span>
    </>
  );
}
export function PlainCloseForm({ rid, onDone, onSignIn }: { rid: string; onDone: () => void; onSignIn: () => void }) {
  const form = useCloseRoomForm({ rid, onClosed: (closed) => closed.alreadyClosed || onDone(), onCancel: onDone, onUnauthorized: onSignIn });
  const { fields, actions, messages, forceClose } = form;
  return (
    <form {...form.formProps}>
      <Labelled field={fields.comment}><textarea {...fields.comment.props} /></Labelled>
      <Labelled field={fields.tags}><Tags {...fields.tags.props} /></Labelled>
      <Box field={fields.sendTranscript} />
      {fields.transcriptEmail.visible && <Labelled field={fields.transcriptEmail}><input type="email" {...fields.transcriptEmail.props} /></Labelled>}
      {fields.transcriptSubject.visible && <Labelled field={fields.transcriptSubject}><input {...fields.transcriptSubject.props} /></Labelled>}
      <Box field={fields.generateTranscriptPdf} /> {form.transcriptNote && <small id={form.ids.transcriptNote}>{form.transcriptNote}</small>}
      <div role="alert">{form.alert && <p {...form.alertTextProps}>{form.alert.text}</p>}{forceClose && <p>{forceClose.text}</p>}</div>
      {actions.signInAgain && <button type="button" onClick={actions.signInAgain}>{messages.signInAgain}</button>}
      {forceClose && <button type="button" onClick={actions.closeAnyway ?? (() => void actions.confirmCloseAnyway?.())}>{forceClose.step === 'offered' ? messages.closeAnyway : messages.confirmCloseAnyway}</button>}
      {actions.dismiss && <button type="button" ref={focusUnlessTyping} onClick={actions.dismiss}>{messages.dismiss}</button>}
      {actions.cancel && <button type="button" onClick={actions.cancel}>{messages.cancel}</button>} {!form.final && <button {...form.submitProps}>{form.submitLabel}</button>}
    </form>
  );
}
