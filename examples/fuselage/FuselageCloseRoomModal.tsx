import {
  Box,
  Button,
  Callout,
  CheckBox,
  Chip,
  EmailInput,
  Field,
  FieldError,
  FieldGroup,
  FieldHint,
  FieldLabel,
  FieldRow,
  Modal,
  ModalContent,
  ModalFooter,
  ModalFooterControllers,
  ModalHeader,
  ModalTitle,
  TextAreaInput,
  TextInput,
} from '@rocket.chat/fuselage';
import type { ReactNode } from 'react';
import { focusUnlessTyping, useCloseRoomForm, useServerTagInput, useTagInput } from '../../src';
import type { CloseRoomAlertKind, CloseRoomFieldState, CloseRoomTagsFieldState, TagInputState, UseCloseRoomFormOptions } from '../../src';

// Rocket.Chat's wrap-up dialog built from @rocket.chat/fuselage and the package's headless
// `useCloseRoomForm` only: no component of this package. Everything the flow decides (rules,
// errors in words, the countdown, the one request per close) comes from the hook; this file only
// chooses fuselage's pieces for it.

/** Which fuselage Callout shows each outcome. */
const calloutType: Partial<Record<CloseRoomAlertKind, 'info' | 'success' | 'warning' | 'danger'>> = {
  closed: 'success',
  'already-closed': 'info',
  'room-not-found': 'info',
  'rate-limited': 'warning',
  'tag-dead-end': 'warning',
};

/** A labelled fuselage Field with the hook's hint and error, wired by the hook's ids. */
function LabelledField({ field, children }: { field: CloseRoomFieldState<unknown>; children: ReactNode }) {
  return (
    <Field>
      {/* fuselage's required mark (an aria-hidden asterisk): the control's aria-required says it. */}
      <FieldLabel htmlFor={field.id} required={field.labelSuffix !== undefined}>
        {field.label}
      </FieldLabel>
      <FieldRow>{children}</FieldRow>
      {field.hint && <FieldHint id={field.hintId}>{field.hint}</FieldHint>}
      {field.error && <FieldError id={field.errorId}>{field.error}</FieldError>}
    </Field>
  );
}

/** Chips, the combobox and its suggestions, from `useTagInput`'s state. */
function TagsView({ tags, field }: { tags: TagInputState; field: CloseRoomTagsFieldState }) {
  return (
    <Box width="full">
      {tags.tags.length > 0 && (
        <Box is="ul" aria-label={field.props.messages.selectedTags} display="flex" flexWrap="wrap" marginBlockEnd={4} padding={0} margin={0}>
          {tags.tags.map((tag) => (
            <Box is="li" key={tag} marginInlineEnd={4} marginBlockEnd={4} style={{ listStyle: 'none' }}>
              {/* fuselage's chip text (font-secondary-info on button-secondary, 3.9:1) fails
                  WCAG AA contrast: the default font colour keeps the tag readable. */}
              <Chip color="default" aria-label={tags.removeLabel(tag)} aria-disabled={tags.readOnly || undefined} onClick={() => tags.removeTag(tag)}>
                {tag}
              </Chip>
            </Box>
          ))}
        </Box>
      )}
      {/* fuselage's inputs grow in a flex row: one of their own for the tag input. */}
      <Box display="flex">
        <TextInput {...tags.inputProps} error={field.error} />
      </Box>
      {tags.expanded && (
        <Box is="ul" {...tags.listboxProps} elevation="1" borderRadius="medium" marginBlockStart={4} padding={4} margin={0} maxHeight={200} overflowY="auto">
          {tags.options.map((tag, index) => {
            const option = tags.getOptionProps(index);
            return (
              <Box is="li" key={tag} {...option} paddingInline={8} paddingBlock={4} borderRadius="medium" backgroundColor={option['aria-selected'] ? 'selected' : undefined} style={{ listStyle: 'none', cursor: 'pointer' }}>
                {tag}
              </Box>
            );
          })}
        </Box>
      )}
      {tags.problem && <FieldError id={tags.problemId}>{tags.problem}</FieldError>}
      <Box is="span" role="status" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>
        {tags.announcement}
      </Box>
    </Box>
  );
}

// Two components so each calls one tag hook: local suggestions, or the server's while typing.
function LocalTags({ field }: { field: CloseRoomTagsFieldState }) {
  return <TagsView tags={useTagInput(field.props)} field={field} />;
}
function ServerTags({ field }: { field: CloseRoomTagsFieldState }) {
  return <TagsView tags={useServerTagInput({ ...field.props, ...field.search })} field={field} />;
}

export interface FuselageCloseRoomModalProps extends UseCloseRoomFormOptions {
  /**
   * Render as a modal dialog (`aria-modal`). A host showing several at once (a story's grid)
   * passes `false`. @default true
   */
  modal?: boolean;
}

/**
 * The close-conversation modal in Rocket.Chat's design system. Put it inside the host's modal
 * region (a `ModalBackdrop` with a focus scope, as Rocket.Chat's own modals are); key it by `rid`.
 */
export function FuselageCloseRoomModal({ modal = true, ...options }: FuselageCloseRoomModalProps) {
  const form = useCloseRoomForm(options);
  const { comment, tags, sendTranscript, transcriptEmail, transcriptSubject, generateTranscriptPdf } = form.fields;
  const titleId = `${form.ids.base}-title`;
  const descriptionId = `${form.ids.base}-description`;
  return (
    <Modal
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      aria-modal={modal ? 'true' : undefined}
      // The form wraps header, content and footer, as Rocket.Chat's GenericModal does.
      wrapperFunction={(props) => <Box is="form" {...props} {...form.formProps} />}
    >
      <ModalHeader>
        <ModalTitle id={titleId}>{form.messages.title}</ModalTitle>
      </ModalHeader>
      <ModalContent>
        <Box is="p" id={descriptionId} fontScale="p2" color="hint" marginBlockEnd={16}>
          {form.messages.description}
        </Box>
        <FieldGroup>
          <LabelledField field={comment}>
            <TextAreaInput {...comment.props} rows={3} error={comment.error} />
          </LabelledField>
          <LabelledField field={tags}>{tags.search ? <ServerTags field={tags} /> : <LocalTags field={tags} />}</LabelledField>
          {sendTranscript.visible && (
            <Field>
              <FieldRow>
                <FieldLabel htmlFor={sendTranscript.id}>{sendTranscript.label}</FieldLabel>
                <CheckBox {...sendTranscript.props} />
              </FieldRow>
            </Field>
          )}
          {transcriptEmail.visible && (
            <LabelledField field={transcriptEmail}>
              <EmailInput {...transcriptEmail.props} error={transcriptEmail.error} />
            </LabelledField>
          )}
          {transcriptSubject.visible && (
            <LabelledField field={transcriptSubject}>
              <TextInput {...transcriptSubject.props} error={transcriptSubject.error} />
            </LabelledField>
          )}
          {generateTranscriptPdf.visible && (
            <Field>
              <FieldRow>
                <FieldLabel htmlFor={generateTranscriptPdf.id}>{generateTranscriptPdf.label}</FieldLabel>
                <CheckBox {...generateTranscriptPdf.props} />
              </FieldRow>
            </Field>
          )}
          {form.transcriptNote && (
            <Box is="p" id={form.ids.transcriptNote} fontScale="c1" color="hint">
              {form.transcriptNote}
            </Box>
          )}
        </FieldGroup>
        {/* Always mounted, so a screen reader hears what is put in it. */}
        <Box role="alert" marginBlockStart={16}>
          {form.alert && (
            <Callout type={calloutType[form.alert.kind] ?? 'danger'}>
              <p {...form.alertTextProps}>{form.alert.text}</p>
              {form.forceClose && <p>{form.forceClose.text}</p>}
            </Callout>
          )}
        </Box>
      </ModalContent>
      <ModalFooter>
        <ModalFooterControllers>
          {form.actions.signInAgain && (
            <Button variant="secondary" onClick={form.actions.signInAgain}>
              {form.messages.signInAgain}
            </Button>
          )}
          {form.forceClose && (
            // One button through both steps, so focus stays on it when it asks for confirmation.
            <Button variant="danger" onClick={form.actions.closeAnyway ?? (() => void form.actions.confirmCloseAnyway?.())}>
              {form.forceClose.step === 'confirming' ? form.messages.confirmCloseAnyway : form.messages.closeAnyway}
            </Button>
          )}
          {form.actions.cancel && (
            <Button variant="secondary" onClick={form.actions.cancel}>
              {form.messages.cancel}
            </Button>
          )}
          {form.actions.dismiss && (
            // Dismiss replaces the focused submit button; never takes focus from a field being typed in.
            <Button variant="primary" ref={focusUnlessTyping} onClick={form.actions.dismiss}>
              {form.messages.dismiss}
            </Button>
          )}
          {!form.final && (
            <Button variant="primary" {...form.submitProps}>
              {form.submitLabel}
            </Button>
          )}
        </ModalFooterControllers>
      </ModalFooter>
    </Modal>
  );
}
