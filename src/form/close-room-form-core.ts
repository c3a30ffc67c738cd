import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SyntheticEvent, KeyboardEvent, MouseEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useController, useForm, useWatch } from 'react-hook-form';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { CloseRoomRequest } from '../client/close-room';
import { isCloseRoomError } from '../client/errors';
import type { CloseRoomError } from '../client/errors';
import { clearDraft, readDraft, saveDraft } from '../drafts/drafts';
import { enMessages, formatMessage, mergeMessages } from '../i18n/messages';
import { useOmnichannelClient } from '../provider/OmnichannelProvider';
import { closeRoomOnce } from '../query/close-room-attempts';
import { closeRoomMutationOptions } from '../query/close-room-mutation';
import { createCloseRoomFormSchema, emptyCloseRoomFormValues, normaliseTags, singleLine, toCloseRoomRequest } from '../schema/close-room-form-schema';
import type { CloseRoomFormErrorCode, CloseRoomFormInput, CloseRoomFormSchemaOptions, CloseRoomFormValues } from '../schema/close-room-form-schema';
import type { CloseRoomFormState, UseCloseRoomFormOptions } from './close-room-form-state';
import type { CloseRoomSource } from './close-room-source';
import { pendingTag as pendingTagOf, quoteTag } from './pending-tag';
import { useCloseRoomOutcome } from './use-close-room-outcome';
import { cx } from '../utils/cx';
import { useUnmountSignal } from './use-unmount-signal';

/** The resolver's context: the rules in force, and the text typed in the tag input but not added. */
type FormContext = CloseRoomFormSchemaOptions & { pendingTag: () => string };

/** The tag field's error while its input holds text not added as a tag; `message` is that text. */
const PENDING_TAG = 'pending-tag';

// The rules can change while the form is mounted (a server answer teaches one), so the resolver
// reads them from react-hook-form's `context`, which is refreshed on every render. Text left in
// the tag input stops the close too: sent without it, the agent's tag would be lost unseen. Text
// that makes no tag (blank, invisible) or one already added loses nothing and stops nothing.
// Each field takes its first issue; the schema's fields are all top level (no resolver package
// needed for that: @hookform/resolvers cost a host 0.5 KB gzip).
const resolver: Resolver<CloseRoomFormInput, FormContext, CloseRoomFormValues> = (values, context) => {
  const parsed = createCloseRoomFormSchema(context).safeParse(values);
  const errors: FieldErrors<CloseRoomFormInput> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const name = issue.path[0] as keyof CloseRoomFormInput;
    errors[name] ??= { type: issue.code, message: issue.message };
  }
  const pending = pendingTagOf(context?.pendingTag() ?? '', values.tags);
  // Before "Add at least one tag": adding the text typed answers that too.
  if (pending !== undefined) errors.tags = { type: PENDING_TAG, message: pending };
  return parsed.success && pending === undefined ? { values: parsed.data, errors: {} } : { values: {}, errors };
};

/**
 * A host's initial values as they will be sent: tags normalised (blank, invisible and duplicate
 * ones dropped), the subject on one line. What the agent sees is then what reaches the server.
 */
const cleanDefaults = (values: CloseRoomFormInput): CloseRoomFormInput => ({
  ...values,
  tags: normaliseTags(values.tags),
  transcriptSubject: singleLine(values.transcriptSubject),
});

const orUndefined = (flag: boolean | undefined): true | undefined => (flag ? true : undefined);

/** A developer error, not an agent's: said at render, before any request (#7). */
export function assertRid(rid: unknown): asserts rid is string {
  if (typeof rid !== 'string' || !rid.trim()) {
    throw new TypeError(`The close form needs the room id: rid must be a non-empty string, got ${JSON.stringify(rid)}`);
  }
}

/**
 * `useCloseRoomForm` with the rules already worked out (`source`): plain mode computes them from
 * the options, connected mode reads them from the server first. Apart, so that `CloseRoomForm`
 * loads connected mode's reads only when a form uses it (#13).
 */
export function useCloseRoomFormWith(options: UseCloseRoomFormOptions, source: CloseRoomSource): CloseRoomFormState {
  const { rid, defaultValues, onClosed, onUnauthorized, onError, onCancel, id } = options;
  assertRid(rid);
  const [ownRid] = useState(rid);
  // Another room's values must never be sent for this one (#11): a developer error, said at once.
  if (rid !== ownRid) throw new Error(`useCloseRoomForm: rid changed; key the component by rid`);
  const client = useOmnichannelClient();
  const generatedId = useId();
  const baseId = id ?? generatedId;
  const messages = useMemo(() => mergeMessages(enMessages, options.messages), [options.messages]);
  const { showEmail, showPdf } = source;
  const ownSignal = useUnmountSignal();
  const abandonSignal = options.abandonSignal ?? ownSignal;

  // Rules the server taught us with a refusal, so the same mistake is caught before sending.
  const [learned, setLearned] = useState<CloseRoomFormSchemaOptions & { tagDeadEnd?: boolean }>({});
  const rules = { requireComment: source.requireComment || learned.requireComment === true, requireTags: source.requireTags || learned.requireTags === true };

  // Read once, on mount: a kept draft wins, then the host's values.
  const [draft] = useState(() => readDraft(client, rid));
  const { tagText: draftTagText = '', ...draftValues } = draft ?? {};
  // What the tag input holds but has not added (its own state, reported as it changes).
  const pendingTag = useRef(draftTagText);
  const form = useForm<CloseRoomFormInput, FormContext, CloseRoomFormValues>({
    resolver,
    context: { ...rules, pendingTag: () => pendingTag.current },
    defaultValues: draft ? draftValues : cleanDefaults(emptyCloseRoomFormValues({ transcriptEmail: source.visitorEmail ?? '', ...defaultValues })),
    // Focus goes to the first field with an error in the form's order (below), not in the order
    // the fields happened to register (the tags' controller registers before the comment).
    shouldFocusError: false,
  });
  const { register, control, formState, handleSubmit, setError, setFocus, clearErrors, getValues, getFieldState, setValue } = form;
  // Typing in or clearing the tag input answers a "press Enter to add" error at once.
  const onTagTextChange = useCallback(
    (text: string) => {
      pendingTag.current = text;
      if (getFieldState('tags').error?.type === PENDING_TAG) clearErrors('tags');
    },
    [getFieldState, clearErrors],
  );
  const sendTranscript = useWatch({ control, name: 'sendTranscript' });
  const { field: tagsField } = useController({ control, name: 'tags' });

  // The visitor's address may arrive from the server after the form mounted: fill it in unless
  // the agent has already typed one.
  const { visitorEmail, transcriptDefaults, transcriptSubject } = source;
  useEffect(() => {
    if (visitorEmail && !getValues('transcriptEmail') && !getFieldState('transcriptEmail').isDirty) {
      setValue('transcriptEmail', visitorEmail);
    }
  }, [visitorEmail, getValues, getFieldState, setValue]);
  // Connected mode: the boxes start from the agent's preferences and the subject from the server's
  // setting, as in Rocket.Chat's dialog (#12.2), unless a draft, the host or the agent set them.
  // Once, when the preferences arrive: a box the agent unticks is back at its default value, so
  // it is not dirty, and applying them again would tick it behind the agent's back.
  const startedFromDraft = draft !== undefined;
  const defaultsApplied = useRef(false);
  useEffect(() => {
    if (!transcriptDefaults || startedFromDraft || defaultsApplied.current) return;
    defaultsApplied.current = true;
    for (const [name, value] of [
      ['sendTranscript', transcriptDefaults.email],
      ['generateTranscriptPdf', transcriptDefaults.pdf],
    ] as const) {
      if (defaultValues?.[name] === undefined && !getFieldState(name).isDirty) setValue(name, value);
    }
  }, [transcriptDefaults, startedFromDraft, defaultValues, getFieldState, setValue]);
  useEffect(() => {
    if (transcriptSubject && !startedFromDraft && defaultValues?.transcriptSubject === undefined && !getFieldState('transcriptSubject').isDirty) {
      setValue('transcriptSubject', transcriptSubject);
    }
  }, [transcriptSubject, startedFromDraft, defaultValues, getFieldState, setValue]);

  const roomClosed = useRef(false);
  const base = closeRoomMutationOptions(client);
  const mutation = useMutation({
    ...base,
    mutationFn: (request: CloseRoomRequest) => closeRoomOnce(client, request, { abandonSignal }),
    // Options callbacks, not `mutate` ones: they still run when the answer comes after unmount.
    onSuccess: async (data, request, result, context) => {
      await base.onSuccess?.(data, request, result, context);
      roomClosed.current = true;
      clearDraft(client, request.rid);
      onClosed?.({ rid: request.rid, alreadyClosed: false });
    },
    onError: (error, request) => {
      if (!isCloseRoomError(error)) return; // abandoned before it was sent: nothing happened
      if (error.kind === 'already-closed') {
        roomClosed.current = true;
        clearDraft(client, request.rid);
        onClosed?.({ rid: request.rid, alreadyClosed: true });
      }
      onError?.(error);
    },
  });

  // Keep the draft when the form goes away (dialog closed, another room selected) unless the
  // room was closed.
  useEffect(
    () => () => {
      if (!roomClosed.current) saveDraft(client, rid, pendingTag.current ? { ...getValues(), tagText: pendingTag.current } : getValues());
    },
    [client, rid, getValues],
  );

  const [sent, setSent] = useState<CloseRoomRequest | null>(null);
  const [conflicted, setConflicted] = useState(false);
  const [outcome, waitUntil, closedOnServer] = useCloseRoomOutcome({
    conflicted,
    client,
    options,
    sent,
    getValues,
    source,
    learnedDeadEnd: learned.tagDeadEnd === true,
    messages,
    reportedRef: roomClosed,
  });
  const { pending, final, deadEnd, error } = outcome;

  const submitting = useRef(false);
  async function closeWith(values: CloseRoomFormValues, force = false) {
    // Double click, Enter held down, Ctrl+Enter while pending, a pending close of this room from
    // another form, a closed room (unless closing it anyway), or the rate-limit wait still running.
    if (submitting.current || pending || (final && !force) || deadEnd || Date.now() < waitUntil) return;
    submitting.current = true;
    const request = force ? { ...toCloseRoomRequest(rid, values), forceClose: true } : toCloseRoomRequest(rid, values);
    setSent(request);
    try {
      await mutation.mutateAsync(request);
    } catch (caught) {
      const failure = caught as CloseRoomError;
      // The close may have landed (a lost race, or no answer): a retry that finds the room closed
      // found this close, not a colleague's.
      if (isCloseRoomError(failure) && ['conflict', 'timeout', 'network', 'server'].includes(failure.kind)) setConflicted(true);
      // The server's kind and the schema's code are the same words for these two.
      const field = failure.kind === 'comment-required' ? 'comment' : failure.kind === 'tags-required' ? 'tags' : undefined;
      if (field === 'tags' && request.tags?.length) {
        // Refused although tags were sent: the department has no closing tags (the dead end).
        setLearned((current) => ({ ...current, requireTags: true, tagDeadEnd: true }));
      } else if (field) {
        setLearned((current) => ({ ...current, [field === 'comment' ? 'requireComment' : 'requireTags']: true }));
        setError(field, { type: 'server', message: failure.kind }, { shouldFocus: true });
      }
    } finally {
      submitting.current = false;
    }
  }
  // The first field with an error takes focus, in the order the fields are shown.
  const focusFirstError = (errors: FieldErrors<CloseRoomFormInput>) => {
    const first = (['comment', 'tags', 'transcriptEmail', 'transcriptSubject'] as const).find((name) => errors[name]);
    if (first) setFocus(first);
  };
  const submitWith = (force: boolean) => handleSubmit((values) => closeWith(values, force), focusFirstError);
  const submit = () => submitWith(false)();

  // "Close anyway" (#12.3): after an already-closed answer, where the host or the server allows
  // force closing, confirmed in a second step. Not offered again once a forced close was answered.
  const [forceStep, setForceStep] = useState<'offered' | 'confirming'>('offered');
  const forceOffered = source.allowForceClose && closedOnServer && outcome.alert?.kind === 'already-closed' && !pending && sent?.forceClose !== true;
  const forceClose = forceOffered
    ? { step: forceStep, text: forceStep === 'confirming' ? messages.forceCloseConfirm : messages.forceCloseOffer }
    : undefined;

  const ids = {
    base: baseId,
    comment: `${baseId}-comment`,
    tags: `${baseId}-tags`,
    sendTranscript: `${baseId}-send-transcript`,
    transcriptEmail: `${baseId}-email`,
    transcriptSubject: `${baseId}-subject`,
    generateTranscriptPdf: `${baseId}-pdf`,
    transcriptNote: `${baseId}-transcript-note`,
  };
  const transcriptNote = source.transcriptSentByServer
    ? messages.transcriptSentByServer
    : transcriptDefaults && (showEmail || showPdf)
      ? messages.transcriptPreferencesHint
      : undefined;

  // Label, hint and error of a field, wired by id: `aria-describedby` lists only the texts that
  // exist, which the view renders with these ids (shadcn/ui's form points at a description that
  // may not be rendered: not here).
  function describe(name: keyof CloseRoomFormInput, fieldId: string, label: string, suffixed: boolean, hint?: string) {
    const fieldError = formState.errors[name];
    const code = fieldError?.message as CloseRoomFormErrorCode | undefined;
    const error = fieldError?.type === PENDING_TAG ? formatMessage(messages.tagPending, { tag: quoteTag(fieldError.message ?? '') }) : code ? (messages.fieldErrors[code] ?? code) : undefined;
    const errorId = error ? `${fieldId}-error` : undefined;
    const hintId = hint ? `${fieldId}-hint` : undefined;
    return {
      field: { id: fieldId, label, labelSuffix: suffixed ? messages.requiredSuffix : undefined, hint, hintId, error, errorId },
      wiring: { id: fieldId, 'aria-describedby': cx(errorId, hintId), 'aria-invalid': orUndefined(error !== undefined) },
    };
  }
  // The transcript's address and subject are required whenever shown, and marked like the
  // comment (#14.6).
  function textField(name: 'comment' | 'transcriptEmail' | 'transcriptSubject', label: string, required: boolean, visible: boolean) {
    const { field, wiring } = describe(name, ids[name], label, required);
    const props = { ...wiring, ...register(name), 'aria-required': orUndefined(required), readOnly: pending };
    return { ...field, visible, props };
  }
  // While a close of the room is pending, what it sends is fixed: the fields are read-only, so
  // nothing typed then can look sent when it was not. A checkbox has no readOnly: its click is
  // cancelled and it says so with aria-readonly.
  function checkbox(name: 'sendTranscript' | 'generateTranscriptPdf', label: string, visible: boolean) {
    const props = {
      ...register(name),
      id: ids[name],
      type: 'checkbox' as const,
      'aria-readonly': orUndefined(pending),
      onClick: pending ? (event: MouseEvent) => event.preventDefault() : undefined,
      'aria-describedby': transcriptNote ? ids.transcriptNote : undefined,
    };
    return { visible, id: ids[name], label, props };
  }

  // A department that requires tags but offers none: say free tags work (#5).
  const tagsHint = rules.requireTags && !source.tagDeadEnd && source.offered === 0 ? messages.tagsFreeText : messages.tagsHint;
  const tags = describe('tags', ids.tags, messages.tagsLabel, rules.requireTags, tagsHint);

  return {
    rid,
    ids,
    messages,
    rules,
    fields: {
      comment: textField('comment', messages.commentLabel, rules.requireComment, true),
      tags: {
        ...tags.field,
        visible: true,
        search: source.search,
        props: {
          id: ids.tags,
          describedBy: tags.wiring['aria-describedby'],
          invalid: tags.wiring['aria-invalid'],
          required: rules.requireTags,
          value: tagsField.value,
          onChange: tagsField.onChange,
          onBlur: tagsField.onBlur,
          onTextChange: onTagTextChange,
          defaultText: draftTagText,
          inputRef: tagsField.ref,
          messages,
          readOnly: pending,
          suggestions: options.tagSuggestions,
        },
      },
      sendTranscript: checkbox('sendTranscript', messages.sendTranscriptLabel, showEmail),
      transcriptEmail: textField('transcriptEmail', messages.transcriptEmailLabel, true, showEmail && sendTranscript),
      transcriptSubject: textField('transcriptSubject', messages.transcriptSubjectLabel, true, showEmail && sendTranscript),
      generateTranscriptPdf: checkbox('generateTranscriptPdf', messages.pdfTranscriptLabel, showPdf),
    },
    formProps: {
      noValidate: true,
      'aria-busy': orUndefined(pending),
      onSubmit: (event: SyntheticEvent) => void submitWith(false)(event),
      // Ctrl/Cmd+Enter from any field submits: a shortcut on top of the real submit button.
      onKeyDown: (event: KeyboardEvent) => {
        // Not while an input method composes: that Enter belongs to the composition.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
          event.preventDefault();
          void submit();
        }
      },
    },
    ...outcome,
    actions: {
      submit,
      cancel: !final ? onCancel : undefined,
      dismiss: final ? onCancel : undefined,
      signInAgain: error?.kind === 'unauthorized' ? onUnauthorized : undefined,
      closeAnyway: forceClose?.step === 'offered' ? () => setForceStep('confirming') : undefined,
      confirmCloseAnyway: forceClose?.step === 'confirming' ? () => submitWith(true)() : undefined,
      cancelCloseAnyway: forceClose?.step === 'confirming' ? () => setForceStep('offered') : undefined,
    },
    forceClose,
    transcriptNote,
  };
}
