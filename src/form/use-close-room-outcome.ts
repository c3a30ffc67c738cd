import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { OmnichannelClient } from '../client/client';
import type { CloseRoomRequest } from '../client/close-room';
import { clearDraft } from '../drafts/drafts';
import { formatMessage, formatWait } from '../i18n/messages';
import type { CloseRoomMessages } from '../i18n/messages';
import { isForceCloseUnsupported } from '../client/close-room';
import { getRoomCloseAttempt, useLatestRateLimitedAttempt, useRoomCloseAttempt } from '../query/close-room-attempts';
import type { CloseRoomFormInput } from '../schema/close-room-form-schema';
import { errorText, FINAL, laterWait, relationToSent, RETRYABLE, rateLimitWait, useSecondsUntil } from './close-flow';
import type { CloseRoomAlert, CloseRoomFormState, UseCloseRoomFormOptions } from './close-room-form-state';
import type { CloseRoomSource } from './close-room-source';

interface OutcomeInput {
  client: OmnichannelClient;
  /** The hook's options: `rid`, `onClosed`, and `onCancel` (whether a Dismiss button takes focus). */
  options: UseCloseRoomFormOptions;
  /** The body this form sent last, or `null`. */
  sent: CloseRoomRequest | null;
  getValues: () => CloseRoomFormInput;
  /** Connected mode's view of the room (closed, dead end, department). */
  source: CloseRoomSource;
  /** A refusal of a close with tags taught that the department has no closing tags (#12). */
  learnedDeadEnd: boolean;
  messages: CloseRoomMessages;
  /** Set once the room's closing was handled here (draft dropped, `onClosed` called if due). */
  reportedRef: RefObject<boolean>;
  /**
   * This form's previous close lost a race (`conflict`): a retry that then finds the room closed
   * found it closed by that race, not a failure (#12.4).
   */
  conflicted: boolean;
}

/** The outcome's part of the hook's state. */
export type CloseRoomOutcome = Pick<
  CloseRoomFormState,
  'alert' | 'alertTextProps' | 'pending' | 'final' | 'deadEnd' | 'blocked' | 'waitSeconds' | 'error' | 'submitLabel' | 'submitProps'
>;

/**
 * The room's latest close, whichever form or caller sent it, told from this form's side: its own
 * close, a colleague's, an earlier one; the alert, the countdown and whether anything is left to do.
 */
export function useCloseRoomOutcome({
  client,
  options,
  sent,
  getValues,
  source,
  learnedDeadEnd,
  messages,
  reportedRef,
  conflicted,
}: OutcomeInput): [outcome: CloseRoomOutcome, waitUntil: number, closedOnServer: boolean] {
  const { rid, onClosed } = options;
  const canDismiss = options.onCancel !== undefined;
  const attempt = useRoomCloseAttempt(rid);
  const mine = attempt !== undefined && attempt.request === sent;
  const pending = attempt?.status === 'pending';
  const error = attempt?.status === 'error' ? attempt.error : null;
  // The room's own wait, or another room's through this client: the limiter counts per user.
  const wait = laterWait(rateLimitWait(attempt), rateLimitWait(useLatestRateLimitedAttempt()));
  const waitSeconds = useSecondsUntil(wait.until, wait.from);
  // Closed by a close this form did not send. 'after': the room was closed through this client
  // before this form mounted (reopened after its own close): already reported. Otherwise another
  // panel or dialog of the room sent it ('not-sent': other values, 'empty': none), or this form's
  // previous life did while pending ('same').
  const [mountedAfterClose] = useState(() => getRoomCloseAttempt(client, rid)?.status === 'success');
  const elsewhere =
    attempt?.status === 'success' && !mine ? (mountedAfterClose ? 'after' : relationToSent(rid, getValues(), {}, attempt.request)) : undefined;

  useEffect(() => {
    if (elsewhere === undefined || reportedRef.current) return;
    reportedRef.current = true;
    clearDraft(client, rid);
    // 'same' and 'after': the form that sent this body reports it (its callbacks outlive it).
    if (elsewhere === 'not-sent' || elsewhere === 'empty') onClosed?.({ rid, alreadyClosed: true });
  }, [elsewhere, client, rid, onClosed, reportedRef]);

  // A room the server reports closed with no close of ours to explain it: say so before the agent
  // types (connected mode).
  const closedBefore = source.roomClosed && (attempt === undefined || attempt.status === 'error');
  useEffect(() => {
    if (closedBefore && !reportedRef.current) {
      reportedRef.current = true;
      clearDraft(client, rid);
      onClosed?.({ rid, alreadyClosed: true });
    }
  }, [closedBefore, client, rid, onClosed, reportedRef]);

  // This agent's own close, seen from this form: say "closed", not "perhaps by a colleague". A
  // retry after a lost race that finds the room closed is that race's close, not a failure.
  const closedByRace = mine && conflicted && error?.kind === 'already-closed';
  const closedHere = closedByRace || (attempt?.status === 'success' && (mine || elsewhere === 'same' || elsewhere === 'after'));
  // A server before 7.3 refused `forceClose`: nothing to retry (#12.3).
  const forceUnsupported = mine && sent !== null && isForceCloseUnsupported(sent, error);
  // What the alert says, first match wins: this agent's close, the room closed by no close of this
  // form (before it opened, or with nothing / other values entered), then the failure.
  const closedAlert = (text: string): CloseRoomAlert => ({ kind: 'already-closed', text });
  const outcomeAlert: CloseRoomAlert | undefined = closedHere
    ? { kind: 'closed', text: messages.closed }
    : forceUnsupported
      ? { kind: 'force-close-unsupported', text: messages.forceCloseUnsupported }
      : closedBefore || elsewhere === 'empty'
      ? closedAlert(messages.errors['already-closed'])
      : elsewhere
        ? closedAlert(messages.closedElsewhere)
        : error
          ? { kind: error.kind, text: error.kind === 'rate-limited' && wait.until > 0 && waitSeconds === 0 ? messages.rateLimitedNow : errorText(messages, error) }
          : undefined;
  const final = closedBefore || elsewhere !== undefined || closedHere || forceUnsupported || (error !== null && FINAL.includes(error.kind));
  // The server refuses every close of this room until an administrator acts: say so up front
  // rather than let the agent type a tag the server will refuse (#12).
  const deadEnd = !final && (source.tagDeadEnd || learnedDeadEnd);
  const blocked = pending || waitSeconds > 0 || deadEnd;

  // Final without a Dismiss button (a side panel): nothing takes the submit button's focus, so the
  // message does, and keyboard users are not dropped to <body>.
  const alertNode = useRef<HTMLElement | null>(null);
  const alertRef = useCallback((node: HTMLElement | null) => {
    alertNode.current = node;
  }, []);
  useEffect(() => {
    if (final && !canDismiss && (document.activeElement === null || document.activeElement === document.body)) alertNode.current?.focus();
  }, [final, canDismiss]);

  const submitLabel = pending
    ? messages.submitting
    : waitSeconds > 0
      ? formatMessage(messages.tryAgainIn, { wait: formatWait(waitSeconds, messages.locale) })
      : error && RETRYABLE.includes(error.kind)
        ? messages.tryAgain
        : messages.submit;

  return [
    {
      pending,
      error,
      waitSeconds,
      final,
      deadEnd,
      blocked,
      alert: deadEnd
        ? { kind: 'tag-dead-end', text: source.departmentName ? formatMessage(messages.tagDeadEnd, { department: source.departmentName }) : messages.tagDeadEndUnnamed }
        : outcomeAlert,
      alertTextProps: { ref: alertRef, tabIndex: -1 },
      submitLabel,
      submitProps: { type: 'submit', 'aria-busy': pending || undefined, 'aria-disabled': blocked || undefined },
    },
    wait.until,
    // The server answered already-closed to this form's own close: only then may "Close anyway" be
    // offered (#12.3), not from a room read (a colleague's ordinary close is not a stuck room) nor
    // for a room this client closed from another form.
    mine && error?.kind === 'already-closed' && !closedByRace,
  ];
}
