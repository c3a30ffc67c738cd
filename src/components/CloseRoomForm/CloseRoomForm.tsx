import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, RefObject } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { Resolver } from 'react-hook-form';
import type { CloseRoomRequest } from '../../client/close-room';
import { isCloseRoomError } from '../../client/errors';
import type { CloseRoomError } from '../../client/errors';
import { clearDraft, readDraft, saveDraft } from '../../drafts/drafts';
import { errorText, FINAL, relationToSent, RETRYABLE, rateLimitWait, useSecondsUntil } from '../../form/close-flow';
import { enMessages, formatMessage, formatWait, mergeMessages } from '../../i18n/messages';
import type { CloseRoomMessagesOverride } from '../../i18n/messages';
import { useOmnichannelClient } from '../../provider/OmnichannelProvider';
import { closeRoomOnce, getRoomCloseAttempt, useRoomCloseAttempt } from '../../query/close-room-attempts';
import { closeRoomMutationOptions } from '../../query/close-room-mutation';
import { useCloseRoomServerRules } from '../../query/close-room-server-rules';
import { useLivechatTags } from '../../query/livechat-queries';
import { createCloseRoomFormSchema, emptyCloseRoomFormValues, normaliseTags, singleLine, toCloseRoomRequest } from '../../schema/close-room-form-schema';
import type { CloseRoomFormErrorCode, CloseRoomFormInput, CloseRoomFormSchemaOptions, CloseRoomFormValues } from '../../schema/close-room-form-schema';
import { Field } from '../Field/Field';
import { ServerTagInput } from '../ServerTagInput/ServerTagInput';
import { TagInput } from '../TagInput/TagInput';
import { cx } from '../../utils/cx';

export interface CloseRoomResult {
  rid: string;
  /** `true` when the server said the room was closed already (by a colleague, or an earlier try). */
  alreadyClosed: boolean;
}

export interface CloseRoomTranscriptOptions {
  /** Offer "Send transcript to visitor" with e-mail and subject. @default true */
  email?: boolean;
  /** Offer "Generate PDF transcript" (enterprise servers). @default false */
  pdf?: boolean;
}

export interface CloseRoomFormProps {
  /** The livechat room to close. */
  rid: string;
  /** Pre-fills the transcript e-mail. @default '' */
  visitorEmail?: string;
  /** Initial values of any field; a kept draft for the same `rid` wins over them. */
  defaultValues?: Partial<CloseRoomFormInput>;
  /**
   * Where the rules come from. `'server'` reads them from Rocket.Chat given only `rid`: the comment
   * setting, the department's tag rule and tags, the visitor's e-mail, whether the room is still
   * open. Explicit props still win. @default 'props'
   */
  source?: 'props' | 'server';
  /** Refuse closing without a comment (Rocket.Chat's default setting is on). @default false, or the server's setting */
  requireComment?: boolean;
  /** Refuse closing without a tag (the department's rule). @default false, or the department's rule */
  requireTags?: boolean;
  /** Tags offered while typing; free tags stay allowed. @default [], or the server's tags */
  tagSuggestions?: readonly string[];
  /** Which transcript options to show. @default { email: true, pdf: false } */
  transcript?: CloseRoomTranscriptOptions;
  /** Called once the room is closed, or found closed already. Fires even if the form unmounted meanwhile. */
  onClosed?: (result: CloseRoomResult) => void;
  /** Called from the "Sign in again" button after a 401; without it the button is not shown. */
  onUnauthorized?: () => void;
  /** Called with every failure, after the form shows it. */
  onError?: (error: CloseRoomError) => void;
  /** Called by "Cancel" and "Dismiss"; without it "Cancel" is not shown. */
  onCancel?: () => void;
  /** Override any text; pass `ptBRMessages` or `esMessages` for a whole language. */
  messages?: CloseRoomMessagesOverride;
  /** Id prefix of the fields. @default a `useId()` */
  id?: string;
  className?: string;
}

// The rules can change while the form is mounted (a server answer teaches one), so the resolver
// reads them from react-hook-form's `context`, which is refreshed on every render.
const resolver: Resolver<CloseRoomFormInput, CloseRoomFormSchemaOptions, CloseRoomFormValues> = (values, rules, options) =>
  zodResolver(createCloseRoomFormSchema(rules))(values, rules, options);

/**
 * A host's initial values as they will be sent: tags normalised (blank, invisible and duplicate
 * ones dropped), the subject on one line. What the agent sees is then what reaches the server.
 */
const cleanDefaults = (values: CloseRoomFormInput): CloseRoomFormInput => ({
  ...values,
  tags: normaliseTags(values.tags),
  transcriptSubject: singleLine(values.transcriptSubject),
});

/** What connected mode learned from the server, for the form's view. */
interface ServerView {
  departmentId: string | undefined;
  closingTags: readonly string[];
  roomClosed: boolean;
  /** How many tags the server offers with no text typed. */
  offered: number;
  /** The room's department is known: tags can be searched for it. */
  ready: boolean;
  /** Tags required and no closing tags: the server refuses every close (#12). */
  tagDeadEnd: boolean;
  departmentName: string | undefined;
}

/**
 * The close-conversation form without a dialog around it, for hosts with their own modal or side
 * panel. Needs an `OmnichannelProvider` and a react-query `QueryClientProvider` above it.
 */
export function CloseRoomForm(props: CloseRoomFormProps) {
  const { rid } = props;
  if (typeof rid !== 'string' || !rid.trim()) {
    // A developer error, not an agent's: fail loudly at render, before any request (#7).
    throw new TypeError(`CloseRoomForm needs the room id: rid must be a non-empty string, got ${JSON.stringify(rid)}`);
  }
  return <KeyedByRoom {...props} />;
}

/**
 * One view per room: another `rid` is another form, with that room's own values, errors and
 * pending close; nothing typed about one customer can be sent to another's room (#11). A close
 * not sent yet (credentials still resolving) is abandoned when this form goes away (a dialog
 * dismissed), not when `rid` changes: the previous room's close then goes ahead for that room.
 */
function KeyedByRoom(props: CloseRoomFormProps) {
  const abandon = useRef<AbortController | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    abandon.current = controller;
    return () => controller.abort();
  }, []);
  // Connected mode lives in its own component, so the plain form starts no query at all.
  return props.source === 'server' ? (
    <ConnectedCloseRoomForm key={props.rid} {...props} abandon={abandon} />
  ) : (
    <CloseRoomFormView key={props.rid} {...props} abandon={abandon} />
  );
}

/** Connected mode: the server's rules, explicit props first (#5). */
function ConnectedCloseRoomForm(props: CloseRoomFormProps & { abandon: RefObject<AbortController | null> }) {
  const server = useCloseRoomServerRules(props.rid);
  // Searching tags waits for the room, whose department filters them.
  const serverTags = useLivechatTags({ department: server.departmentId, enabled: props.tagSuggestions === undefined && server.roomLoaded });
  const offered = props.tagSuggestions ?? (serverTags.available ? serverTags.tags : server.closingTags);
  return (
    <CloseRoomFormView
      {...props}
      visitorEmail={props.visitorEmail ?? server.visitorEmail}
      requireComment={props.requireComment ?? server.requireComment}
      requireTags={props.requireTags ?? server.requireTags}
      server={{
        departmentId: server.departmentId,
        closingTags: server.closingTags,
        roomClosed: server.roomClosed,
        offered: offered.length,
        ready: server.roomLoaded,
        tagDeadEnd: server.tagDeadEnd,
        departmentName: server.departmentName,
      }}
    />
  );
}

function CloseRoomFormView({
  rid,
  visitorEmail,
  defaultValues,
  requireComment = false,
  requireTags = false,
  tagSuggestions,
  transcript,
  onClosed,
  onUnauthorized,
  onError,
  onCancel,
  messages: messagesOverride,
  id,
  className,
  server,
  abandon,
}: CloseRoomFormProps & { server?: ServerView; abandon: RefObject<AbortController | null> }) {
  const client = useOmnichannelClient();
  const generatedId = useId();
  const baseId = id ?? generatedId;
  const messages = useMemo(() => mergeMessages(enMessages, messagesOverride), [messagesOverride]);
  const showEmail = transcript?.email ?? true;
  const showPdf = transcript?.pdf ?? false;

  // Rules the server taught us with a refusal, so the same mistake is caught before sending.
  const [learned, setLearned] = useState<CloseRoomFormSchemaOptions & { tagDeadEnd?: boolean }>({});
  const rules = { requireComment: requireComment || learned.requireComment, requireTags: requireTags || learned.requireTags };

  const form = useForm<CloseRoomFormInput, CloseRoomFormSchemaOptions, CloseRoomFormValues>({
    resolver,
    context: rules,
    // Computed once, on mount: a kept draft wins, then the host's values.
    defaultValues: readDraft(client, rid) ?? cleanDefaults(emptyCloseRoomFormValues({ transcriptEmail: visitorEmail ?? '', ...defaultValues })),
  });
  const { register, control, formState, handleSubmit, setError, getValues, getFieldState, setValue } = form;
  const sendTranscript = useWatch({ control, name: 'sendTranscript' });

  // The visitor's address may arrive from the server after the form mounted: fill it in unless
  // the agent has already typed one.
  useEffect(() => {
    if (visitorEmail && !getValues('transcriptEmail') && !getFieldState('transcriptEmail').isDirty) {
      setValue('transcriptEmail', visitorEmail);
    }
  }, [visitorEmail, getValues, getFieldState, setValue]);

  const roomClosed = useRef(false);
  const base = closeRoomMutationOptions(client);
  const mutation = useMutation({
    ...base,
    mutationFn: (request: CloseRoomRequest) => closeRoomOnce(client, request, { abandonSignal: abandon.current?.signal }),
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
      if (!roomClosed.current) saveDraft(client, rid, getValues());
    },
    [client, rid, getValues],
  );

  // The room's latest close, whichever form or caller sent it; `sent` is the body this form sent.
  const attempt = useRoomCloseAttempt(rid);
  const [sent, setSent] = useState<CloseRoomRequest | null>(null);
  const mine = attempt !== undefined && attempt.request === sent;
  const pending = attempt?.status === 'pending';
  const error = attempt?.status === 'error' ? attempt.error : null;
  const wait = rateLimitWait(attempt);
  const waitLeft = useSecondsUntil(wait.until, wait.from);
  // Closed by a close this form did not send. 'after': the room was closed through this client
  // before this form mounted (reopened after its own close): already reported. Otherwise another
  // panel or dialog of the room sent it ('not-sent': other values, 'empty': none), or this form's
  // previous life did while pending ('same').
  const [mountedAfterClose] = useState(() => getRoomCloseAttempt(client, rid)?.status === 'success');
  const elsewhere =
    attempt?.status === 'success' && !mine ? (mountedAfterClose ? 'after' : relationToSent(rid, getValues(), {}, attempt.request)) : undefined;

  useEffect(() => {
    if (elsewhere === undefined || roomClosed.current) return;
    roomClosed.current = true;
    clearDraft(client, rid);
    // 'same' and 'after': the form that sent this body reports it (its callbacks outlive it).
    if (elsewhere === 'not-sent' || elsewhere === 'empty') onClosed?.({ rid, alreadyClosed: true });
  }, [elsewhere, client, rid, onClosed]);

  const submitting = useRef(false);
  async function closeWith(values: CloseRoomFormValues) {
    // Double click, Enter held down, Ctrl+Enter while pending, a pending close of this room from
    // another form, a closed room, or the server's rate-limit wait still running.
    if (submitting.current || pending || final || deadEnd || Date.now() < wait.until) return;
    submitting.current = true;
    const request = toCloseRoomRequest(rid, values);
    setSent(request);
    try {
      await mutation.mutateAsync(request);
    } catch (caught) {
      const failure = caught as CloseRoomError;
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
  const submit = () => handleSubmit(closeWith)();

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  const fieldError = (name: keyof CloseRoomFormInput) => {
    const code = formState.errors[name]?.message as CloseRoomFormErrorCode | undefined;
    return code ? (messages.fieldErrors[code] ?? code) : undefined;
  };
  const suffix = (required: boolean | undefined) => (required ? messages.requiredSuffix : undefined);

  // A room the server reports closed with no close of ours to explain it: say so before the agent
  // types (connected mode).
  const closedBefore = server?.roomClosed === true && (attempt === undefined || attempt.status === 'error');
  useEffect(() => {
    if (closedBefore && !roomClosed.current) {
      roomClosed.current = true;
      clearDraft(client, rid);
      onClosed?.({ rid, alreadyClosed: true });
    }
  }, [closedBefore, client, rid, onClosed]);

  // This agent's own close, seen from this form: say "closed", not "perhaps by a colleague".
  const closedHere = attempt?.status === 'success' && (mine || elsewhere === 'same' || elsewhere === 'after');
  const alertKind = closedHere ? 'closed' : closedBefore || elsewhere !== undefined ? 'already-closed' : error?.kind;
  const alertText = closedHere
    ? messages.closed
    : closedBefore || elsewhere === 'empty'
      ? messages.errors['already-closed']
      : elsewhere === 'not-sent'
        ? messages.closedElsewhere
        : error && (error.kind === 'rate-limited' && wait.until > 0 && waitLeft === 0 ? messages.rateLimitedNow : errorText(messages, error));
  const final = closedBefore || elsewhere !== undefined || closedHere || (error !== null && FINAL.includes(error.kind));
  // The server refuses every close of this room until an administrator acts: say so up front
  // rather than let the agent type a tag the server will refuse (#12).
  const deadEnd = !final && (server?.tagDeadEnd === true || learned.tagDeadEnd === true);
  const deadEndText = server?.departmentName
    ? formatMessage(messages.tagDeadEnd, { department: server.departmentName })
    : messages.tagDeadEndUnnamed;
  const blocked = pending || waitLeft > 0 || deadEnd;
  // While a close of the room is pending, what it sends is fixed: the fields are read-only, so
  // nothing typed then can look sent when it was not. A checkbox has no readOnly: its click is
  // cancelled and it says so with aria-readonly.
  const lockedBox = pending ? { 'aria-readonly': true, onClick: (event: MouseEvent) => event.preventDefault() } : {};
  // Final without `onCancel` (a side panel): no Dismiss takes the submit button's focus, so the
  // message does, and keyboard users are not dropped to <body>.
  const alertTextRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (final && !onCancel && (document.activeElement === null || document.activeElement === document.body)) alertTextRef.current?.focus();
  }, [final, onCancel]);
  const submitLabel = pending
    ? messages.submitting
    : waitLeft > 0
      ? formatMessage(messages.tryAgainIn, { wait: formatWait(waitLeft, messages.locale) })
      : error && RETRYABLE.includes(error.kind)
        ? messages.tryAgain
        : messages.submit;

  return (
    // Ctrl/Cmd+Enter from any field submits: a shortcut on top of the real submit button.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className={cx('rcou-root', 'rcou-form', className)}
      noValidate
      aria-busy={pending || undefined}
      onSubmit={(event) => void handleSubmit(closeWith)(event)}
      onKeyDown={onKeyDown}
    >
      <div className="rcou-form__body">
        <Field id={`${baseId}-comment`} label={messages.commentLabel} labelSuffix={suffix(rules.requireComment)} error={fieldError('comment')}>
          {(wiring) => (
            <textarea
              {...wiring}
              {...register('comment')}
              className="rcou-input rcou-textarea"
              rows={4}
              placeholder={messages.commentPlaceholder}
              aria-required={rules.requireComment || undefined}
              readOnly={pending}
            />
          )}
        </Field>

        <Controller
          control={control}
          name="tags"
          render={({ field }) => (
            <Field
              id={`${baseId}-tags`}
              label={messages.tagsLabel}
              labelSuffix={suffix(rules.requireTags)}
              // A department that requires tags but offers none: say free tags work (#5).
              hint={
                rules.requireTags && !server?.tagDeadEnd && (server ? server.offered : (tagSuggestions?.length ?? 0)) === 0 ? messages.tagsFreeText : messages.tagsHint
              }
              error={fieldError('tags')}
            >
              {(wiring) => {
                const tagProps = {
                  id: wiring.id,
                  describedBy: wiring['aria-describedby'],
                  invalid: wiring['aria-invalid'],
                  required: rules.requireTags,
                  value: field.value,
                  onChange: field.onChange,
                  onBlur: field.onBlur,
                  inputRef: field.ref,
                  messages,
                  readOnly: pending,
                };
                return server && tagSuggestions === undefined ? (
                  <ServerTagInput {...tagProps} department={server.departmentId} fallback={server.closingTags} enabled={server.ready} />
                ) : (
                  <TagInput {...tagProps} suggestions={tagSuggestions} />
                );
              }}
            </Field>
          )}
        />

        {showEmail && (
          <div className="rcou-check">
            <input id={`${baseId}-send-transcript`} type="checkbox" className="rcou-check__input" {...register('sendTranscript')} {...lockedBox} />
            <label htmlFor={`${baseId}-send-transcript`} className="rcou-check__label">
              {messages.sendTranscriptLabel}
            </label>
          </div>
        )}
        {showEmail && sendTranscript && (
          <div className="rcou-form__group">
            <Field id={`${baseId}-email`} label={messages.transcriptEmailLabel} error={fieldError('transcriptEmail')}>
              {(wiring) => (
                <input {...wiring} {...register('transcriptEmail')} type="email" autoComplete="off" className="rcou-input" aria-required="true" readOnly={pending} />
              )}
            </Field>
            <Field id={`${baseId}-subject`} label={messages.transcriptSubjectLabel} error={fieldError('transcriptSubject')}>
              {(wiring) => <input {...wiring} {...register('transcriptSubject')} type="text" className="rcou-input" aria-required="true" readOnly={pending} />}
            </Field>
          </div>
        )}
        {showPdf && (
          <div className="rcou-check">
            <input id={`${baseId}-pdf`} type="checkbox" className="rcou-check__input" {...register('generateTranscriptPdf')} {...lockedBox} />
            <label htmlFor={`${baseId}-pdf`} className="rcou-check__label">
              {messages.pdfTranscriptLabel}
            </label>
          </div>
        )}
      </div>

      {/* Always mounted, so screen readers announce what appears in it. */}
      <div role="alert" className="rcou-alert-region">
        {(deadEnd || alertText) && (
          <div className="rcou-alert" data-kind={deadEnd ? 'tag-dead-end' : alertKind}>
            <p className="rcou-alert__text" ref={alertTextRef} tabIndex={-1}>
              {deadEnd ? deadEndText : alertText}
            </p>
          </div>
        )}
      </div>

      <div className="rcou-form__actions">
        {error?.kind === 'unauthorized' && onUnauthorized && (
          <button type="button" className="rcou-button" onClick={onUnauthorized}>
            {messages.signInAgain}
          </button>
        )}
        {final ? (
          // Takes focus as it replaces the submit button, so keyboard users are not dropped to <body>.
          // Only with `onCancel`: without it the button would do nothing (the message takes focus).
          onCancel && (
            // eslint-disable-next-line jsx-a11y/no-autofocus
            <button type="button" className="rcou-button" data-variant="primary" autoFocus onClick={onCancel}>
              {messages.dismiss}
            </button>
          )
        ) : (
          <>
            {onCancel && (
              <button type="button" className="rcou-button" onClick={onCancel}>
                {messages.cancel}
              </button>
            )}
            <button
              type="submit"
              className="rcou-button"
              data-variant="primary"
              aria-busy={pending || undefined}
              aria-disabled={blocked || undefined}
            >
              {submitLabel}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
