import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { CloseRoomRequest, OmnichannelClient } from '../../src/client';
import { getRoomCloseAttempt, isSameCloseRequest } from '../../src/query';
import type { RocketChatMock } from '../../src/testing';
import type { Slot } from './harness';

/** What the agent has in one mounted form, as the model predicts it. */
export interface FormModel {
  rid: string;
  comment: string;
  tags: string[];
  /** Text left in the tag input (a refused tag stays there to be fixed). */
  tagText: string;
  /** When the form had left the page after the agent dismissed it, if they did. */
  unmountedAt?: number;
}

export interface Draft {
  comment: string;
  tags: string[];
  /** Text left in the tag input: the draft keeps it too. */
  tagText?: string;
}

/** The model: small, and only what the agent did. The server's state is read from the mock. */
export interface Model {
  panelRid: string;
  panelOpen: boolean;
  panel: FormModel | null;
  second: FormModel | null;
  /** The draft a form of the room would come back with (last unmount wins). */
  drafts: Map<string, Draft>;
}

export interface Submit {
  /** The form instance that submitted. */
  form: FormModel;
  rid: string;
  body: CloseRoomRequest;
  /** When the gesture started (click, or focus then Ctrl+Enter) and when it was done. */
  at: number;
  doneAt: number;
  used: boolean;
}

/** A close request as it left the browser (the client's `fetch` was called). */
export interface Departure {
  body: unknown;
  at: number;
  matched: boolean;
}

export interface ClosedCall {
  slot: Slot;
  rid: string;
  alreadyClosed: boolean;
  /** The room's state on the server when `onClosed` ran. */
  serverOpen: boolean | undefined;
}

/** The system under test and what was recorded of it. */
export interface Real {
  user: UserEvent;
  mock: RocketChatMock;
  client: OmnichannelClient;
  timeoutMs: number;
  submits: Submit[];
  departures: Departure[];
  closed: ClosedCall[];
  closedByColleague: Set<string>;
  /** Rooms the agent closed anyway (`forceClose`): a forced close is the agent's own, even of a room a colleague closed. */
  forced: Set<string>;
  credentials: 'ok' | 'hang' | 'slow' | 'expired';
  offline: boolean;
}

/**
 * Slack between a gesture's end and the request it starts (the form validates asynchronously),
 * on a loaded 2-core machine. Each bound is measured from the end of the agent's gesture, so a
 * slow machine lengthens the gesture, not the slack.
 */
export const TIMER_SLACK_MS = 50;
/** Slack for rendering and the service worker, where the check reads the screen. */
export const SLACK_MS = 200;
/** A wait that outlasts any attempt plus the slack: a close still pending then is a violation. */
export const LONG_WAIT_MS = 700;

export class Violation extends Error {
  override name = 'Violation';
}

export function fail(message: string): never {
  throw new Violation(message);
}

export const emptyDraft = (): Draft => ({ comment: '', tags: [] });

export function section(slot: Slot) {
  return within(screen.getByRole('region', { name: slot }));
}

export function displayed(slot: Slot): Draft {
  const scope = section(slot);
  const comment = scope.getByRole<HTMLTextAreaElement>('textbox', { name: /^Comment/ }).value;
  const list = scope.queryByRole('list', { name: 'Selected tags' });
  const tags = list
    ? within(list)
        .getAllByRole('button')
        .map((button) => (button.getAttribute('aria-label') ?? '').replace(/^Remove tag /, ''))
    : [];
  return { comment, tags };
}

/**
 * Text left in the tag input that would make a new tag: a submit then sends nothing (the model's
 * texts are plain ASCII, so case and spaces are all there is to compare).
 */
export function tagTextPending(form: FormModel): boolean {
  const text = form.tagText.trim().toLowerCase();
  return text !== '' && !form.tags.some((tag) => tag.toLowerCase() === text);
}

/** The body the agent's values make: what must reach the server, and nothing else. */
export function expectedBody(form: FormModel): CloseRoomRequest {
  const body: CloseRoomRequest = { rid: form.rid };
  const comment = form.comment.trim();
  if (comment) body.comment = comment;
  if (form.tags.length > 0) body.tags = [...form.tags];
  return body;
}

/** The submit button of a form, or `undefined` when the form is final (only Dismiss left). */
export function submitButton(slot: Slot): HTMLElement | undefined {
  return section(slot).queryByRole('button', { name: /^(Close conversation|Try again|Closing…|Try again in .+)$/ }) ?? undefined;
}

const sameDraft = (a: Draft, b: Draft) => a.comment === b.comment && a.tags.join('\n') === b.tags.join('\n');

/** The invariants, in words, as `checkInvariants` and `checkSettled` check them. */
export const INVARIANTS = [
  'every body the server receives is exactly what the agent entered for that room at a submit, each submit sending at most once',
  'no request leaves later than its submit plus the timeout, nor after its form was dismissed',
  'onClosed names only rooms the server has closed, never reports a colleague’s close as the agent’s, and reports the agent’s close at most once',
  'every mounted form shows exactly what the agent entered, the text left in its tag input included; a form that comes back shows its room’s draft',
  'a submit with text left in the tag input that would make a new tag sends nothing',
  'no form is "Closing…" longer than the timeout',
  'once settled, nothing is pending and every close the client saw succeed was reported exactly once',
] as const;

/** Invariants checked after every command. */
export function checkInvariants(model: Model, real: Real, now: number) {
  // Every request that left is exactly what the agent entered for that room at a submit (each
  // submit sends at most once); it left before that submit's deadline, and before its form was
  // dismissed. Times are taken where the request leaves (the client's fetch), not where it lands.
  for (const departure of real.departures) {
    if (departure.matched) continue;
    const body = departure.body as CloseRoomRequest;
    const submit = real.submits.find(
      (candidate) =>
        !candidate.used &&
        candidate.rid === body?.rid &&
        isSameCloseRequest(candidate.body, body) &&
        candidate.at <= departure.at &&
        departure.at <= candidate.doneAt + real.timeoutMs + TIMER_SLACK_MS &&
        departure.at <= (candidate.form.unmountedAt ?? Infinity),
    );
    if (!submit) {
      fail(`${JSON.stringify(body)} left at ${departure.at.toFixed(0)} ms, which no submit explains within its timeout and before its form was dismissed`);
    }
    submit.used = true;
    departure.matched = true;
  }

  // onClosed names only rooms the server has closed; a close is reported as ours at most once,
  // and never for a room a colleague closed.
  const ours = new Map<string, number>();
  for (const call of real.closed) {
    if (call.serverOpen !== false) fail(`onClosed(${JSON.stringify(call)}) for a room the server has open`);
    if (!call.alreadyClosed) {
      ours.set(call.rid, (ours.get(call.rid) ?? 0) + 1);
      if (real.closedByColleague.has(call.rid) && !real.forced.has(call.rid)) fail(`onClosed reports ${call.rid} closed by the agent, but a colleague closed it`);
    }
  }
  for (const [rid, count] of ours) if (count > 1) fail(`onClosed({ alreadyClosed: false }) fired ${count} times for ${rid}`);

  // Nothing the agent entered is lost: each mounted form shows exactly the model's values.
  for (const slot of ['panel', 'second'] as const) {
    const form = model[slot];
    if (!form) continue;
    const shown = displayed(slot);
    if (!sameDraft(shown, form)) fail(`the ${slot} form for ${form.rid} shows ${JSON.stringify(shown)}, the agent entered ${JSON.stringify({ comment: form.comment, tags: form.tags })}`);
    const tagText = section(slot).getByRole<HTMLInputElement>('combobox', { name: /^Tags/ }).value;
    if (tagText !== form.tagText) fail(`the ${slot} tag input for ${form.rid} holds ${JSON.stringify(tagText)}, the agent left ${JSON.stringify(form.tagText)}`);
    // No form is pending longer than the timeout of the last submit of its room.
    if (submitButton(slot)?.textContent === 'Closing…') {
      const last = real.submits.filter((submit) => submit.rid === form.rid).at(-1);
      if (!last) fail(`the ${slot} form for ${form.rid} shows "Closing…" with no submit`);
      // The client's deadline covers credentials, the answer and its body, whatever the server does.
      const since = now - Math.min(last.doneAt, now);
      if (since > real.timeoutMs + SLACK_MS * 2) {
        fail(`the ${slot} form for ${form.rid} is still "Closing…" ${since.toFixed(0)} ms after its submit`);
      }
    }
  }
}

/** After the run settles: nothing pending, and every close the client saw succeed was reported once. */
export function checkSettled(model: Model, real: Real) {
  for (const slot of ['panel', 'second'] as const) {
    if (model[slot] && submitButton(slot)?.textContent === 'Closing…') fail(`the ${slot} form is still "Closing…" after the run settled`);
  }
  for (const rid of new Set(real.submits.map((submit) => submit.rid))) {
    const attempt = getRoomCloseAttempt(real.client, rid);
    if (attempt?.status !== 'success') continue;
    if (real.mock.rooms.get(rid)?.open !== false) fail(`the client saw ${rid} closed, the server has it open`);
    const reports = real.closed.filter((call) => call.rid === rid && !call.alreadyClosed).length;
    if (reports !== 1) fail(`${rid} was closed by the agent's close, and onClosed({ alreadyClosed: false }) fired ${reports} times`);
  }
}

/** What a newly mounted form must show: the room's draft, or nothing once the room is closed. */
export function checkMounted(model: Model, real: Real, slot: Slot, rid: string): FormModel {
  const shown = { ...displayed(slot), tagText: section(slot).getByRole<HTMLInputElement>('combobox', { name: /^Tags/ }).value };
  const draft = model.drafts.get(rid) ?? emptyDraft();
  const open = real.mock.rooms.get(rid)?.open !== false;
  const allowed = open ? [draft] : [draft, emptyDraft()];
  if (!allowed.some((candidate) => sameDraft(candidate, shown) && (candidate.tagText ?? '') === shown.tagText)) {
    fail(`the ${slot} form for ${rid} came back with ${JSON.stringify(shown)}, its draft is ${JSON.stringify(draft)}`);
  }
  return { rid, comment: shown.comment, tags: [...shown.tags], tagText: shown.tagText };
}
