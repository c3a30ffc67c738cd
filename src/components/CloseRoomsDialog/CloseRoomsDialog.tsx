import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { checkCloseRooms } from '../../bulk/checks';
import type { CloseRoomsSnapshot } from '../../bulk/types';
import type { BulkCloseRoom } from '../../bulk/types';
import { useCloseRooms } from '../../bulk/use-close-rooms';
import { useCloseRoomsChecks } from '../../bulk/use-close-rooms-checks';
import { enCloseRoomsMessages, mergeCloseRoomsMessages, pluralText } from '../../i18n/close-rooms-messages';
import type { CloseRoomsMessagesOverride } from '../../i18n/close-rooms-messages';
import { enMessages, formatMessage, mergeMessages } from '../../i18n/messages';
import type { CloseRoomMessagesOverride } from '../../i18n/messages';
import { DEFAULT_TRANSCRIPT_SUBJECT } from '../../schema/close-room-form-schema';
import { cx } from '../../utils/cx';
import { CloseRoomsProgress } from '../CloseRoomsProgress/CloseRoomsProgress';
import { CloseRoomsResults } from '../CloseRoomsResults/CloseRoomsResults';
import { CloseRoomsWrapUpForm } from '../CloseRoomsWrapUpForm/CloseRoomsWrapUpForm';
import type { CloseRoomsWrapUpDraft } from '../CloseRoomsWrapUpForm/CloseRoomsWrapUpForm';

/** Props of `CloseRoomsDialog`. */
export interface CloseRoomsDialogProps {
  /** The selected rooms, with what the host's list knows of each (department, serving agent, visitor e-mail). */
  rooms: readonly BulkCloseRoom[];
  /** Controlled open state; leave undefined for an uncontrolled dialog. */
  open?: boolean;
  /** Initial open state of an uncontrolled dialog. @default false */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close. Closing it while rooms are being closed does not stop them. */
  onOpenChange?: (open: boolean) => void;
  /** An element that opens the dialog, such as a `<button>`; focus returns to it on close. */
  trigger?: ReactElement;
  /** `'server'`: read the comment setting, departments' tag rules, the agent and the close-others permission before starting; `'props'`: only what the props say. @default 'server' */
  source?: 'server' | 'props';
  /** Refuse an empty comment; `undefined` follows the server (connected mode). */
  requireComment?: boolean;
  /** Tags offered while typing; free tags stay allowed. @default [] */
  tagSuggestions?: readonly string[];
  /** Which transcript options to show. @default { email: true, pdf: false } */
  transcript?: { email?: boolean; pdf?: boolean };
  /** The transcript e-mail's subject to start with. @default DEFAULT_TRANSCRIPT_SUBJECT */
  transcriptSubject?: string;
  /** Shown after a 401 ("Sign in again"): sign the agent in, then resolve; the job resumes. Without it, Resume is offered. */
  onUnauthorized?: () => unknown;
  /** Called once when a job ends (every room in a final state), with its snapshot. */
  onFinished?: (snapshot: CloseRoomsSnapshot) => void;
  /** Where the job is kept across reloads; `null`: memory only. @default sessionStorage */
  storage?: Storage | null;
  /** @default DEFAULT_CLOSE_ROOMS_STORAGE_KEY */
  storageKey?: string;
  /** Texts of the bulk dialog, key by key; `ptBRCloseRoomsMessages` / `esCloseRoomsMessages` from `rocketchat-omnichannel-ui/locales`. */
  messages?: CloseRoomsMessagesOverride;
  /** Texts shared with `CloseRoomDialog` (field labels, tag input, field errors). */
  formMessages?: CloseRoomMessagesOverride;
  /** Class of the dialog panel. */
  className?: string;
  /** Class of the backdrop. */
  overlayClassName?: string;
  /** Where the dialog is portalled. @default document.body */
  container?: HTMLElement | null;
}

/**
 * Closes many conversations with one wrap-up: the selected rooms and what will be skipped, the
 * shared form, then the progress of the job (paced by the server's rate limit), pause, resume,
 * stop, retry, and every room's outcome. A job interrupted by a reload is offered again.
 */
export function CloseRoomsDialog({
  rooms,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  source = 'server',
  requireComment,
  tagSuggestions = [],
  transcript,
  transcriptSubject = DEFAULT_TRANSCRIPT_SUBJECT,
  onUnauthorized,
  onFinished,
  storage,
  storageKey,
  messages: override,
  formMessages: formOverride,
  className,
  overlayClassName,
  container,
}: CloseRoomsDialogProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const open = openProp ?? uncontrolledOpen;
  const id = useId();
  const m = mergeCloseRoomsMessages(enCloseRoomsMessages, override);
  const formMessages = mergeMessages(enMessages, formOverride);
  const job = useCloseRooms({ storage, storageKey });
  const { snapshot } = job;
  const setOpen = (next: boolean) => {
    if (openProp === undefined) setUncontrolledOpen(next);
    // A finished job is read once: the next opening starts from the selection again. A job still
    // running goes on while the dialog is closed.
    if (!next && snapshot?.phase === 'done') job.discard();
    onOpenChange?.(next);
  };
  const checks = useCloseRoomsChecks(rooms, { enabled: open && source === 'server' && !snapshot });
  const facts = source === 'server' ? checks.facts : { departments: {} };
  // Only the form needs the checks: not computed for every progress update of a running job.
  const check = !snapshot && facts ? checkCloseRooms(rooms, {}, facts) : undefined;

  // Once per job: the end is reported, and focus moves to the progress when a job starts.
  const reported = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (snapshot?.phase === 'done' && reported.current !== snapshot.id) {
      reported.current = snapshot.id;
      onFinished?.(snapshot);
    }
  }, [snapshot, onFinished]);
  // What the agent typed survives closing the dialog (kept while it is mounted), until a job starts.
  const [draft, setDraft] = useState<CloseRoomsWrapUpDraft | undefined>(undefined);
  const jobId = snapshot?.id;
  useEffect(() => {
    if (jobId) document.getElementById(`${id}-progress-label`)?.focus();
  }, [jobId, id]);

  const count = snapshot ? snapshot.rooms.length : rooms.length;
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal container={container}>
        {/* A plain backdrop, as in CloseRoomDialog: Radix's Overlay injects a <style> (CSP). */}
        <div className={cx('rcou-root', 'rcou-overlay', overlayClassName)} data-state="open" aria-hidden="true" />
        <Dialog.Content
          className={cx('rcou-root', 'rcou-dialog', 'rcou-bulk', className)}
          onOpenAutoFocus={(event) => {
            const target = document.getElementById(snapshot ? `${id}-progress-label` : `${id}-comment`);
            if (target) {
              event.preventDefault();
              target.focus();
            }
          }}
          onEscapeKeyDown={(event) => {
            if (event.target instanceof Element && event.target.matches('[role="combobox"][aria-expanded="true"]')) event.preventDefault();
          }}
        >
          <Dialog.Title className="rcou-dialog__title">{formatMessage(pluralText(m.title, count, m.locale), { count: count.toLocaleString(m.locale) })}</Dialog.Title>
          <Dialog.Description className="rcou-dialog__description">{m.description}</Dialog.Description>
          {snapshot ? (
            <>
              <CloseRoomsProgress
                id={id}
                snapshot={snapshot}
                messages={m}
                onPause={job.pause}
                onResume={job.resume}
                onStop={job.cancel}
                onRetry={job.retry}
                onDiscard={job.discard}
                onClose={() => setOpen(false)}
                onSignIn={onUnauthorized}
              />
              <CloseRoomsResults id={id} rooms={snapshot.rooms} messages={m} transcriptAsked={Boolean(snapshot.wrapUp.transcriptEmail)} />
            </>
          ) : (
            <CloseRoomsWrapUpForm
              id={id}
              rooms={rooms}
              check={check}
              requireComment={requireComment ?? facts?.requireComment === true}
              tagSuggestions={tagSuggestions}
              transcript={{ email: transcript?.email ?? true, pdf: transcript?.pdf ?? false }}
              defaultSubject={transcriptSubject}
              messages={m}
              formMessages={formMessages}
              onCancel={() => setOpen(false)}
              draft={draft}
              onDraftChange={setDraft}
              onSubmit={(wrapUp) => {
                job.start(rooms, wrapUp, { skip: check?.skip });
                setDraft(undefined);
              }}
            />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
