import { memo } from 'react';
import { assertRid, useCloseRoomFormWith } from '../../form/close-room-form-core';
import type { CloseRoomCheckboxState, UseCloseRoomFormOptions } from '../../form/close-room-form-state';
import { closeRoomSource } from '../../form/close-room-source';
import { focusUnlessTyping } from '../../form/focus-unless-typing';
import { useUnmountSignal } from '../../form/use-unmount-signal';
import { Field } from '../Field/Field';
import { TagInput } from '../TagInput/TagInput';
import { cx } from '../../utils/cx';
import { useConnectedMode } from './use-connected-mode';
import type { ConnectedMode } from './use-connected-mode';

export type { CloseRoomResult, CloseRoomTranscriptOptions } from '../../form/close-room-form-state';

/** Props of `CloseRoomForm`: the options of `useCloseRoomForm`, and the form's class. */
export interface CloseRoomFormProps extends Omit<UseCloseRoomFormOptions, 'abandonSignal'> {
  /** Class of the `<form>`. */
  className?: string;
}

/**
 * The close-conversation form without a dialog around it, for hosts with their own modal or side
 * panel: a view of `useCloseRoomForm`. Needs an `OmnichannelProvider` and a react-query
 * `QueryClientProvider` above it.
 */
export function CloseRoomForm(props: CloseRoomFormProps) {
  // An empty `rid` is refused at render, before any request (#7).
  assertRid(props.rid);
  // One view per room: another `rid` is another form, with that room's own values, errors and
  // pending close; nothing typed about one customer can be sent to another's room (#11). A close
  // not sent yet (credentials still resolving) is abandoned when this form goes away (a dialog
  // dismissed), not when `rid` changes: the previous room's close then goes ahead for that room.
  // Switching `source` starts afresh too.
  // Connected mode's reads are loaded on demand (#13): until they are, no form is shown rather
  // than one without the server's rules. `CloseRoomDialog` loads them as it mounts.
  const abandonSignal = useUnmountSignal();
  const connected = useConnectedMode(props.source === 'server');
  const key = `${props.source === 'server' ? 'server' : 'props'}:${props.rid}`;
  if (props.source === 'server' && !connected) return null;
  return <CloseRoomFormView key={key} {...props} abandonSignal={abandonSignal} connected={connected} />;
}

// Its props are stable while the tags and rules stay the same: the form's renders on open (and
// after) leave the tag input alone. Marked pure: a host importing only the hooks drops it.
const StableTagInput = /* @__PURE__ */ memo(TagInput);


function Checkbox({ field }: { field: CloseRoomCheckboxState }) {
  return (
    <div className="rcou-check">
      <input {...field.props} className="rcou-check__input" />
      <label htmlFor={field.id} className="rcou-check__label">
        {field.label}
      </label>
    </div>
  );
}

function CloseRoomFormView({ className, connected, ...options }: CloseRoomFormProps & { abandonSignal: AbortSignal; connected: ConnectedMode | undefined }) {
  // Fixed for the view's life (CloseRoomForm keys it by the mode). Connected mode's reads run in
  // this component, with the form: they are re-checked on every render of it, as before (#13).
  const useRules = connected ? connected.useCloseRoomSource : closeRoomSource;
  const form = useCloseRoomFormWith(options, useRules(options));
  const ServerTagInput = connected?.ServerTagInput;
  const { fields, messages, actions, alert } = form;
  const tags = fields.tags;
  return (
    // `formProps` holds the Ctrl/Cmd+Enter shortcut, on top of the real submit button.
    <form className={cx('rcou-root', 'rcou-form', className)} {...form.formProps}>
      <div className="rcou-form__body">
        <Field field={fields.comment}>
          <textarea {...fields.comment.props} className="rcou-input rcou-textarea" rows={4} placeholder={messages.commentPlaceholder} />
        </Field>

        <Field field={tags}>{tags.search && ServerTagInput ? <ServerTagInput {...tags.props} {...tags.search} /> : <StableTagInput {...tags.props} />}</Field>

        {fields.sendTranscript.visible && <Checkbox field={fields.sendTranscript} />}
        {fields.transcriptEmail.visible && (
          <div className="rcou-form__group">
            <Field field={fields.transcriptEmail}>
              <input {...fields.transcriptEmail.props} type="email" autoComplete="off" className="rcou-input" />
            </Field>
            <Field field={fields.transcriptSubject}>
              <input {...fields.transcriptSubject.props} type="text" className="rcou-input" />
            </Field>
          </div>
        )}
        {fields.generateTranscriptPdf.visible && <Checkbox field={fields.generateTranscriptPdf} />}
        {form.transcriptNote && (
          <p id={form.ids.transcriptNote} className="rcou-field__hint">
            {form.transcriptNote}
          </p>
        )}
      </div>

      {/* Always mounted, so screen readers announce what appears in it. */}
      <div role="alert" className="rcou-alert-region">
        {alert && (
          <div className="rcou-alert" data-kind={alert.kind}>
            <p className="rcou-alert__text" {...form.alertTextProps}>
              {alert.text}
            </p>
            {form.forceClose && <p className="rcou-alert__text">{form.forceClose.text}</p>}
          </div>
        )}
      </div>

      <div className="rcou-form__actions">
        {actions.signInAgain && (
          <button type="button" className="rcou-button" onClick={actions.signInAgain}>
            {messages.signInAgain}
          </button>
        )}
        {form.forceClose && (
          // One button through both steps, so focus stays on it when it asks for confirmation.
          <button type="button" className="rcou-button" data-variant="danger" onClick={actions.closeAnyway ?? (() => void actions.confirmCloseAnyway?.())}>
            {form.forceClose.step === 'confirming' ? messages.confirmCloseAnyway : messages.closeAnyway}
          </button>
        )}
        {actions.dismiss && (
          // Takes focus as it replaces the submit button, so keyboard users are not dropped to <body>,
          // but never from a field the agent is typing in: a room found closed while typing would
          // otherwise send the next Space or Enter to Dismiss.
          <button type="button" className="rcou-button" data-variant="primary" ref={focusUnlessTyping} onClick={actions.dismiss}>
            {messages.dismiss}
          </button>
        )}
        {actions.cancel && (
          <button type="button" className="rcou-button" onClick={actions.cancel}>
            {messages.cancel}
          </button>
        )}
        {!form.final && (
          <button {...form.submitProps} className="rcou-button" data-variant="primary">
            {form.submitLabel}
          </button>
        )}
      </div>
    </form>
  );
}
