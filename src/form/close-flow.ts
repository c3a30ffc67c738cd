import { useEffect, useState } from 'react';
import type { CloseRoomRequest } from '../client/close-room';
import type { CloseRoomError, CloseRoomErrorKind } from '../client/errors';
import { formatMessage, formatWait } from '../i18n/messages';
import type { CloseRoomMessages } from '../i18n/messages';
import { isSameCloseRequest } from '../query/close-room-attempts';
import type { RoomCloseAttempt } from '../query/close-room-attempts';
import { createCloseRoomFormSchema, toCloseRoomRequest } from '../schema/close-room-form-schema';
import type { CloseRoomFormInput, CloseRoomFormSchemaOptions } from '../schema/close-room-form-schema';

/** Failures the agent can retry from the form. */
export const RETRYABLE: readonly CloseRoomErrorKind[] = ['network', 'timeout', 'server', 'rate-limited', 'conflict', 'unknown', 'invalid-params'];
/** Failures after which there is nothing left to do but dismiss. */
export const FINAL: readonly CloseRoomErrorKind[] = ['already-closed', 'room-not-found'];

/** The agent's words for a failure, with the server's wait in words for a 429. */
export function errorText(messages: CloseRoomMessages, error: CloseRoomError): string {
  if (error.kind !== 'rate-limited') return messages.errors[error.kind];
  const seconds = error.retryAfterSeconds;
  if (seconds === undefined) return messages.rateLimitedNoWait;
  if (seconds <= 0) return messages.rateLimitedNow;
  return formatMessage(messages.errors['rate-limited'], { seconds, wait: formatWait(seconds, messages.locale) });
}

/** The wait held after a 429 that names none (a proxy's page, an unreadable header): a moment. */
export const UNSTATED_RATE_LIMIT_WAIT_S = 10;

/** The server's rate-limit wait of a failed attempt: from when to when (epoch ms); zeros when none. */
export function rateLimitWait(attempt: RoomCloseAttempt | undefined): { from: number; until: number } {
  if (attempt?.status !== 'error' || attempt.error.kind !== 'rate-limited') return { from: 0, until: 0 };
  // "Wait a moment" is held too: a 429 without a readable wait must not be retried at once.
  const seconds = attempt.error.retryAfterSeconds ?? UNSTATED_RATE_LIMIT_WAIT_S;
  return { from: attempt.settledAt, until: attempt.settledAt + seconds * 1000 };
}

/** The longer of two waits. */
export const laterWait = (a: { from: number; until: number }, b: { from: number; until: number }) => (b.until > a.until ? b : a);

/**
 * Whole seconds left until `deadline` (epoch ms), re-rendering each time the figure changes. `from`
 * is when the wait started: the clock is never read as earlier than that, so the first figure
 * shown is the server's own.
 */
export function useSecondsUntil(deadline: number, from: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // No wait (0): the figure is 0 whatever the clock says, so no tick re-renders the form.
    if (!deadline) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const time = Date.now();
      setNow(time);
      if (time < deadline) timer = setTimeout(tick, Math.min(250, deadline - time));
    };
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [deadline]);
  return Math.max(0, Math.ceil((deadline - Math.max(now, from)) / 1000));
}

/**
 * What the form's current values would send, or `undefined` when they would not pass the schema.
 * Compared with a body another form sent, to tell the agent whether their entries reached the server.
 */
export function requestOf(rid: string, values: CloseRoomFormInput, rules: CloseRoomFormSchemaOptions): CloseRoomRequest | undefined {
  const parsed = createCloseRoomFormSchema(rules).safeParse(values);
  return parsed.success ? toCloseRoomRequest(rid, parsed.data) : undefined;
}

/**
 * How a close that this form did not send relates to what the form holds: `'same'` when its values
 * would have sent that very body (the form was remounted while its own close was pending),
 * `'empty'` when the agent entered nothing that would be sent, `'not-sent'` otherwise.
 */
export function relationToSent(rid: string, values: CloseRoomFormInput, rules: CloseRoomFormSchemaOptions, sent: CloseRoomRequest) {
  const mine = requestOf(rid, values, rules);
  // Nothing entered first: that form's host is told the room closed, even though an empty body
  // is also "the same" as a close sent without a comment.
  if (mine && Object.keys(mine).length === 1) return 'empty' as const;
  if (mine && isSameCloseRequest(mine, sent)) return 'same' as const;
  return 'not-sent' as const;
}
