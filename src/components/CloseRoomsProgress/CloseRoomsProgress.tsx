import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isRetryableBulkError } from '../../bulk/status';
import type { CloseRoomsSnapshot } from '../../bulk/types';
import { pluralText } from '../../i18n/close-rooms-messages';
import type { CloseRoomsMessages } from '../../i18n/close-rooms-messages';
import { formatMessage, formatWait } from '../../i18n/messages';

/** Props of `CloseRoomsProgress`, the progress view of a bulk close. */
export interface CloseRoomsProgressProps {
  /** Prefix of the ids. */
  id: string;
  /** The job's picture (`useCloseRooms().snapshot`). */
  snapshot: CloseRoomsSnapshot;
  /** The texts (`enCloseRoomsMessages`, or a merged override). */
  messages: CloseRoomsMessages;
  /** Pause: nothing new is sent. */
  onPause: () => void;
  /** Resume a paused job. */
  onResume: () => void;
  /** Stop: nothing new is sent; the request in flight finishes and is reported. */
  onStop: () => void;
  /** Retry the rooms that failed for a reason a retry can fix, and the ones not sent. */
  onRetry: () => void;
  /** Leaves the finished job (forgets it). */
  onClose: () => void;
  /** Discards a job found after a reload instead of resuming it. */
  onDiscard: () => void;
  /** Shown after a 401: sign in again; when it resolves, the job resumes. Hidden without it. */
  onSignIn?: () => unknown;
  /** Rooms in a final state between two polite announcements. @default about 5 %, at least 5 */
  announceEvery?: number;
}

/** A name inside a sentence, isolated (FSI … PDI) so a right-to-left or override character in it cannot reorder the sentence. */
const isolate = (name: string) => `\u2068${name}\u2069`;

/** Ticks once a second while `active`, for countdowns. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * Where a bulk close stands: a real progress bar with counts, the time left following the limit
 * observed, the room being closed, and the actions of the phase (pause, resume, stop, retry).
 * Screen readers hear a polite summary every few rooms, not every room.
 */
export function CloseRoomsProgress({ id, snapshot, messages: m, onPause, onResume, onStop, onRetry, onClose, onDiscard, onSignIn, announceEvery }: CloseRoomsProgressProps) {
  const { phase, pauseReason, counts, rooms } = snapshot;
  const total = rooms.length;
  // Rooms not sent (after Stop) are not handled: the bar shows what the server answered for.
  const finished = snapshot.finished - counts.cancelled;
  const running = phase === 'running' || phase === 'pausing' || phase === 'cancelling';
  const now = Math.max(useNow(running), snapshot.takenAt);
  const number = (value: number) => value.toLocaleString(m.locale);
  const wait = (ms: number) => formatWait(Math.max(1, Math.ceil(ms / 1000)), m.locale);

  const step = announceEvery ?? Math.max(5, Math.ceil(total / 20));
  const announced = phase === 'done' ? finished : Math.floor(finished / step) * step;
  const retryable = snapshot.rooms.filter((room) => room.status === 'cancelled' || (room.status === 'failed' && isRetryableBulkError(room.error))).length;
  // Each number in the summary takes its own plural form ("1 closed", "2 encerradas").
  const counted = (status: keyof typeof m.counts, count: number) => formatMessage(pluralText(m.counts[status], count, m.locale), { count: number(count) });
  const summaryCounts = {
    closed: counted('closed', counts.closed + counts['already-closed']),
    failed: counted('failed', counts.failed),
    skipped: counted('skipped', counts.skipped),
    cancelled: counted('cancelled', counts.cancelled),
  };
  const summary = phase === 'done' ? formatMessage(snapshot.cancelled ? m.finishedCancelled : m.finished, summaryCounts) : undefined;

  let line: string | undefined;
  if (phase === 'pausing') line = m.pausing;
  else if (phase === 'cancelling') line = m.cancelling;
  else if (phase === 'paused' && pauseReason === 'user') line = m.paused;
  else if (phase === 'paused' && pauseReason === 'reload') line = formatMessage(pluralText(m.pausedReload, total, m.locale), { done: number(finished), total: number(total) });
  else if (phase === 'running' && snapshot.waitingUntil !== undefined) line = formatMessage(m.waiting, { wait: wait(snapshot.waitingUntil - now) });
  else if (phase === 'running' && snapshot.current) line = formatMessage(m.current, { name: isolate(snapshot.current.name ?? snapshot.current.rid) });
  const left = snapshot.estimatedMsLeft === undefined ? undefined : Math.max(0, snapshot.estimatedMsLeft - (now - snapshot.takenAt));
  // Pause, Resume and Stop replace the button pressed: focus goes to the phase's main action
  // instead of falling back to the page or the dialog itself.
  const actions = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.getAttribute('role') !== 'dialog') return;
    const buttons = actions.current?.querySelectorAll<HTMLButtonElement>('button');
    if (!buttons || buttons.length === 0) return;
    (actions.current?.querySelector<HTMLButtonElement>('[data-variant="primary"]') ?? buttons[0])?.focus();
  }, [phase, pauseReason]);
  const alert = phase === 'paused' && pauseReason === 'unauthorized' ? m.pausedUnauthorized : phase === 'paused' && pauseReason === 'network' ? m.pausedNetwork : undefined;

  return (
    <div className="rcou-bulk__progress">
      <p id={`${id}-progress-label`} className="rcou-bulk__subheading" tabIndex={-1}>
        {m.progressLabel}
      </p>
      <div
        className="rcou-bulk__bar"
        role="progressbar"
        aria-labelledby={`${id}-progress-label`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={finished}
        aria-valuetext={formatMessage(pluralText(m.progressValue, total, m.locale), { done: number(finished), total: number(total) })}
      >
        <div className="rcou-bulk__bar-fill" style={{ inlineSize: `${total ? (finished / total) * 100 : 100}%` }} />
      </div>
      <p className="rcou-bulk__value">
        {formatMessage(pluralText(m.progressValue, total, m.locale), { done: number(finished), total: number(total) })}
        {phase !== 'done' && ` · ${left === undefined ? m.timeLeftUnknown : formatMessage(m.timeLeft, { wait: wait(left) })}`}
      </p>
      <ul className="rcou-bulk__counts">
        {(['closed', 'already-closed', 'failed', 'skipped', 'cancelled'] as const)
          .filter((status) => counts[status] > 0)
          .map((status) => (
            <li key={status} data-status={status}>
              {counted(status, counts[status])}
            </li>
          ))}
      </ul>
      {line && <p className="rcou-bulk__line">{line}</p>}
      {!snapshot.persisted && <p className="rcou-field__hint">{m.notPersisted}</p>}
      {/* Polite and bounded: every `step` rooms, and once at the end. */}
      <p role="status" className="rcou-visually-hidden">
        {summary ?? (announced > 0 ? formatMessage(pluralText(m.announce, total, m.locale), { done: number(announced), total: number(total) }) : '')}
      </p>
      {/* Seen here, heard once through the status above. */}
      {summary && (
        <p className="rcou-bulk__line" aria-hidden="true">
          {summary}
        </p>
      )}
      <div role="alert" className="rcou-alert-region">
        {alert && (
          <div className="rcou-alert">
            <p className="rcou-alert__text">{alert}</p>
          </div>
        )}
      </div>
      <div className="rcou-form__actions" ref={actions}>
        {phase === 'running' && (
          <button type="button" className="rcou-button" onClick={onPause}>
            {m.pause}
          </button>
        )}
        {phase === 'paused' && pauseReason === 'reload' && (
          <button type="button" className="rcou-button" onClick={onDiscard}>
            {m.discard}
          </button>
        )}
        {(phase === 'running' || phase === 'paused' || phase === 'pausing') && (
          <button type="button" className="rcou-button" onClick={onStop}>
            {m.stop}
          </button>
        )}
        {phase === 'paused' && pauseReason === 'unauthorized' && onSignIn && (
          <button
            type="button"
            className="rcou-button"
            data-variant="primary"
            onClick={() => {
              void Promise.resolve(onSignIn()).then(onResume, () => undefined);
            }}
          >
            {m.signInAgain}
          </button>
        )}
        {(phase === 'paused' || phase === 'pausing') && (pauseReason !== 'unauthorized' || !onSignIn) && (
          <button type="button" className="rcou-button" data-variant="primary" onClick={onResume}>
            {m.resume}
          </button>
        )}
        {phase === 'done' && retryable > 0 && (
          <button type="button" className="rcou-button" onClick={onRetry}>
            {formatMessage(pluralText(m.retry, retryable, m.locale), { count: number(retryable) })}
          </button>
        )}
        {phase === 'done' && (
          <button type="button" className="rcou-button" data-variant="primary" onClick={onClose}>
            {m.close}
          </button>
        )}
      </div>
    </div>
  );
}
