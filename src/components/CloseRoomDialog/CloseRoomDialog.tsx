import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { enMessages } from '../../i18n/messages';
import { CloseRoomForm } from '../CloseRoomForm/CloseRoomForm';
import { useConnectedMode } from '../CloseRoomForm/use-connected-mode';
import type { CloseRoomFormProps, CloseRoomResult } from '../CloseRoomForm/CloseRoomForm';
import { cx } from '../../utils/cx';

/** Props of `CloseRoomDialog`: the form's props plus the dialog's own (open state, trigger, portal). */
export interface CloseRoomDialogProps extends Omit<CloseRoomFormProps, 'onCancel' | 'id' | 'className'> {
  /** Controlled open state; leave undefined for an uncontrolled dialog. */
  open?: boolean;
  /** Initial open state of an uncontrolled dialog. @default false */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close (trigger, Cancel, Escape, success). */
  onOpenChange?: (open: boolean) => void;
  /** An element that opens the dialog, such as a `<button>`; focus returns to it on close. */
  trigger?: ReactElement;
  /** Class of the dialog panel. */
  className?: string;
  /** Class of the backdrop. */
  overlayClassName?: string;
  /** Where the dialog is portalled. @default document.body */
  container?: HTMLElement | null;
}

/**
 * The agent's wrap-up dialog: comment, tags and transcript options, every server outcome shown
 * inline. Closes itself once the room is closed; keeps the draft per `rid` when dismissed.
 */
export function CloseRoomDialog({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  className,
  overlayClassName,
  container,
  onClosed,
  messages: messagesOverride,
  ...formProps
}: CloseRoomDialogProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const open = openProp ?? uncontrolledOpen;
  const setOpen = (next: boolean) => {
    if (openProp === undefined) setUncontrolledOpen(next);
    onOpenChange?.(next);
  };
  const baseId = useId();
  // Connected mode's code loads as the dialog mounts (#13), usually long before the agent opens
  // it; a dialog opened before it arrives opens once it has, with the form and focus in place.
  const connected = formProps.source === 'server';
  const ready = useConnectedMode(connected) !== undefined || !connected;
  // The room shown now: a close of another room that answers later (the host switched `rid`
  // while it was pending) must not close this room's dialog (#11).
  const shownRid = useRef(formProps.rid);
  useEffect(() => {
    shownRid.current = formProps.rid;
  }, [formProps.rid]);
  // Where focus was before opening, for a dialog the host opens without `trigger` (#11).
  const returnFocus = useRef<Element | null>(null);

  function handleClosed(result: CloseRoomResult) {
    onClosed?.(result);
    // An already-closed room keeps the dialog open so the agent reads why; Dismiss closes it.
    if (!result.alreadyClosed && open && result.rid === shownRid.current) setOpen(false);
  }

  return (
    <Dialog.Root open={open && ready} onOpenChange={setOpen}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal container={container}>
        {/* A plain backdrop, not Radix's Overlay: the Overlay's scroll lock injects a <style>
            element at run time, which a strict Content-Security-Policy blocks (#7). The
            stylesheet locks scrolling instead; Radix still traps focus, hides the page from
            assistive technology and dismisses on outside clicks. */}
        <div className={cx('rcou-root', 'rcou-overlay', overlayClassName)} data-state="open" aria-hidden="true" />
        <Dialog.Content
          className={cx('rcou-root', 'rcou-dialog', className)}
          onOpenAutoFocus={(event) => {
            returnFocus.current = document.activeElement;
            // Focus starts in the comment, where the agent types first.
            const comment = document.getElementById(`${baseId}-comment`);
            if (comment) {
              event.preventDefault();
              comment.focus();
            }
          }}
          onCloseAutoFocus={(event) => {
            // Radix returns focus to `trigger`; without one it would drop to <body>. Go back to
            // where the agent was (the host's own button), if it is still on the page.
            if (trigger) return;
            event.preventDefault();
            const target = returnFocus.current;
            if (target instanceof HTMLElement && target.isConnected) target.focus();
          }}
          onEscapeKeyDown={(event) => {
            // Escape in an open tag list closes the list, not the dialog.
            if (event.target instanceof Element && event.target.matches('[role="combobox"][aria-expanded="true"]')) {
              event.preventDefault();
            }
          }}
        >
          <Dialog.Title className="rcou-dialog__title">{messagesOverride?.title ?? enMessages.title}</Dialog.Title>
          <Dialog.Description className="rcou-dialog__description">{messagesOverride?.description ?? enMessages.description}</Dialog.Description>
          <CloseRoomForm
            {...formProps}
            id={baseId}
            messages={messagesOverride}
            onClosed={handleClosed}
            onCancel={() => setOpen(false)}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
