import { onlineManager } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import fc from 'fast-check';
import type { MockFailure } from '../../src/testing';
import { ROOMS } from './harness';
import { campaign } from './run';
import type { Slot } from './harness';
import { checkInvariants, checkMounted, displayed, expectedBody, fail, LONG_WAIT_MS, section, submitButton, tagTextPending } from './world';
import type { FormModel, Model, Real } from './world';

type Command = fc.AsyncCommand<Model, Real>;

const settle = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `act` on the real system, then checks every invariant. */
abstract class Step implements Command {
  abstract check(model: Readonly<Model>): boolean;
  abstract act(model: Model, real: Real): Promise<void>;
  abstract toString(): string;
  async run(model: Model, real: Real) {
    campaign.steps += 1;
    await this.act(model, real);
    await settle();
    checkInvariants(model, real, performance.now());
  }
}

/** The model of a mounted form; `check` made sure there is one. */
function formOf(model: Model, slot: Slot): FormModel {
  const form = model[slot];
  if (!form) throw new Error(`no ${slot} form is mounted`);
  return form;
}

/** The form leaves the page: it keeps its values as the room's draft. */
/**
 * The form leaves the page and keeps its values as the room's draft. A room switch is not a
 * dismissal: that room's close goes ahead.
 */
function unmounted(model: Model, slot: Slot): FormModel | null {
  const form = model[slot];
  if (form) model.drafts.set(form.rid, { comment: form.comment, tags: [...form.tags], tagText: form.tagText });
  model[slot] = null;
  return form;
}

/** Marks a dismissed form once it has left the page: nothing of it may leave after that. */
function dismissed(form: FormModel | null) {
  if (form) form.unmountedAt = performance.now();
}

const commentBox = (slot: Slot) => section(slot).getByRole<HTMLTextAreaElement>('textbox', { name: /^Comment/ });
const tagBox = (slot: Slot) => section(slot).getByRole<HTMLInputElement>('combobox', { name: /^Tags/ });

/**
 * While a close of the room is pending the fields are read-only and an edit changes nothing; the
 * close may settle in the middle of the edit, so then part of it may land: the model takes what is
 * shown if it is the old value or a step of the edit towards the new one.
 */
function settleEdit<T>(slot: Slot, lockedAtStart: boolean, before: T, after: T, shown: T, partial: (value: T) => boolean): T {
  if (!lockedAtStart) return after;
  const same = JSON.stringify(shown) === JSON.stringify(before) || JSON.stringify(shown) === JSON.stringify(after) || partial(shown);
  if (!same) fail(`the ${slot} form changed to ${JSON.stringify(shown)} while it was read-only`);
  return shown;
}

export class TypeComment extends Step {
  constructor(readonly slot: Slot, readonly text: string) {
    super();
  }
  check = (model: Readonly<Model>) => model[this.slot] !== null;
  async act(model: Model, real: Real) {
    const box = commentBox(this.slot);
    const locked = box.readOnly;
    await real.user.type(box, this.text);
    const form = formOf(model, this.slot);
    const before = form.comment;
    form.comment = settleEdit(this.slot, locked, before, before + this.text, displayed(this.slot).comment, (shown) =>
      shown.startsWith(before) && this.text.startsWith(shown.slice(before.length)),
    );
  }
  toString = () => `type ${JSON.stringify(this.text)} in the ${this.slot} comment`;
}

export class ClearComment extends Step {
  constructor(readonly slot: Slot) {
    super();
  }
  check = (model: Readonly<Model>) => model[this.slot] !== null;
  async act(model: Model, real: Real) {
    const box = commentBox(this.slot);
    const locked = box.readOnly;
    // As an agent clears a field (user-event's clear() refuses a read-only one).
    await real.user.click(box);
    await real.user.keyboard('{Control>}a{/Control}{Backspace}');
    const form = formOf(model, this.slot);
    form.comment = settleEdit(this.slot, locked, form.comment, '', displayed(this.slot).comment, () => false);
  }
  toString = () => `clear the ${this.slot} comment`;
}

export class AddTag extends Step {
  constructor(readonly slot: Slot, readonly tag: string) {
    super();
  }
  check = (model: Readonly<Model>) => model[this.slot] !== null;
  async act(model: Model, real: Real) {
    const input = tagBox(this.slot);
    const locked = input.readOnly;
    await real.user.type(input, `${this.tag}{Enter}`);
    const form = formOf(model, this.slot);
    const text = (form.tagText + this.tag).trim();
    const refused = form.tags.some((tag) => tag.toLowerCase() === text.toLowerCase());
    const after = refused ? form.tags : [...form.tags, text];
    form.tags = settleEdit(this.slot, locked, form.tags, after, displayed(this.slot).tags, () => false);
    // What is left in the input (a refused tag stays to be fixed) is read, not predicted.
    form.tagText = tagBox(this.slot).value;
    if (!locked && !refused && form.tagText !== '') fail(`the ${this.slot} tag input kept ${JSON.stringify(form.tagText)} after adding a tag`);
  }
  toString = () => `add tag ${JSON.stringify(this.tag)} in the ${this.slot} form`;
}

/** Types in the tag input without Enter or comma: text that is not a tag yet. */
export class TypeTagText extends Step {
  constructor(readonly slot: Slot, readonly text: string) {
    super();
  }
  check = (model: Readonly<Model>) => model[this.slot] !== null;
  async act(model: Model, real: Real) {
    const input = tagBox(this.slot);
    const locked = input.readOnly;
    const before = input.value;
    await real.user.type(input, this.text);
    const form = formOf(model, this.slot);
    const shown = tagBox(this.slot).value;
    if (!locked && shown !== before + this.text) fail(`the ${this.slot} tag input shows ${JSON.stringify(shown)} after typing ${JSON.stringify(this.text)} after ${JSON.stringify(before)}`);
    form.tagText = shown;
  }
  toString = () => `type ${JSON.stringify(this.text)} in the ${this.slot} tag input, without Enter`;
}

export class ClearTagText extends Step {
  constructor(readonly slot: Slot) {
    super();
  }
  check = (model: Readonly<Model>) => model[this.slot] !== null;
  async act(model: Model, real: Real) {
    const input = tagBox(this.slot);
    const locked = input.readOnly;
    await real.user.click(input);
    await real.user.keyboard('{Control>}a{/Control}{Delete}');
    const form = formOf(model, this.slot);
    const shown = tagBox(this.slot).value;
    if (!locked && shown !== '') fail(`the ${this.slot} tag input still shows ${JSON.stringify(shown)} after clearing it`);
    form.tagText = shown;
  }
  toString = () => `clear the ${this.slot} tag input`;
}

export class RemoveTag extends Step {
  constructor(readonly slot: Slot) {
    super();
  }
  check = (model: Readonly<Model>) => (model[this.slot]?.tags.length ?? 0) > 0;
  async act(model: Model, real: Real) {
    const form = formOf(model, this.slot);
    const [tag = ''] = form.tags;
    const button = section(this.slot).getByRole('button', { name: `Remove tag ${tag}` });
    const locked = button.getAttribute('aria-disabled') === 'true';
    await real.user.click(button);
    form.tags = settleEdit(this.slot, locked, form.tags, form.tags.slice(1), displayed(this.slot).tags, () => false);
  }
  toString = () => `remove the first tag of the ${this.slot} form`;
}

export class Submit extends Step {
  constructor(readonly slot: Slot, readonly keyboard: boolean) {
    super();
  }
  check = (model: Readonly<Model>) => model[this.slot] !== null;
  async act(model: Model, real: Real) {
    const form = formOf(model, this.slot);
    if (this.keyboard) await real.user.click(commentBox(this.slot));
    const button = submitButton(this.slot);
    const enabled = button !== undefined && button.getAttribute('aria-disabled') !== 'true' && button.textContent !== 'Closing…';
    const submit = { form, rid: form.rid, body: expectedBody(form), at: performance.now(), doneAt: Infinity, used: false };
    // Text left in the tag input stops the close: such a submit may send nothing.
    if (enabled && !tagTextPending(form)) real.submits.push(submit);
    if (this.keyboard) await real.user.keyboard('{Control>}{Enter}{/Control}');
    else if (button) await real.user.click(button);
    submit.doneAt = performance.now();
  }
  toString = () => `submit the ${this.slot} form${this.keyboard ? ' with Ctrl+Enter' : ''}`;
}

export class SelectRoom extends Step {
  constructor(readonly rid: string) {
    super();
  }
  check = (model: Readonly<Model>) => model.panelRid !== this.rid;
  async act(model: Model, real: Real) {
    unmounted(model, 'panel');
    await real.user.click(screen.getByRole('button', { name: `Select ${this.rid}` }));
    model.panelRid = this.rid;
    if (model.panelOpen) model.panel = checkMounted(model, real, 'panel', this.rid);
  }
  toString = () => `select ${this.rid}`;
}

export class TogglePanel extends Step {
  check = () => true;
  async act(model: Model, real: Real) {
    const leaving = model.panelOpen ? unmounted(model, 'panel') : null;
    await real.user.click(screen.getByRole('button', { name: 'Toggle panel' }));
    dismissed(leaving);
    model.panelOpen = !model.panelOpen;
    if (model.panelOpen) model.panel = checkMounted(model, real, 'panel', model.panelRid);
  }
  toString = () => 'hide or show the panel';
}

export class ToggleSecond extends Step {
  check = () => true;
  async act(model: Model, real: Real) {
    const opening = model.second === null;
    const leaving = opening ? null : unmounted(model, 'second');
    await real.user.click(screen.getByRole('button', { name: 'Toggle second form' }));
    dismissed(leaving);
    if (opening) model.second = checkMounted(model, real, 'second', model.panelRid);
  }
  toString = () => 'open or close a second form for the selected room';
}

export class ServerAnswers extends Step {
  constructor(readonly failure: MockFailure, readonly delayMs: number, readonly rateLimitSeconds: number) {
    super();
  }
  check = () => true;
  act(_model: Model, real: Real) {
    real.mock.set({ failure: this.failure, delayMs: this.delayMs, rateLimitSeconds: this.rateLimitSeconds });
    return Promise.resolve();
  }
  toString = () => `the server answers ${this.failure} after ${this.delayMs} ms${this.failure === 'rate-limited' ? ` (wait ${this.rateLimitSeconds} s)` : ''}`;
}

export class ServerRequiresComment extends Step {
  constructor(readonly on: boolean) {
    super();
  }
  check = () => true;
  act(_model: Model, real: Real) {
    real.mock.set({ requireComment: this.on });
    return Promise.resolve();
  }
  toString = () => `the server ${this.on ? 'requires' : 'does not require'} a comment`;
}

export class ServerAllowsForceClose extends Step {
  constructor(readonly on: boolean) {
    super();
  }
  check = () => true;
  act(_model: Model, real: Real) {
    real.mock.set({ allowForceClose: this.on });
    return Promise.resolve();
  }
  toString = () => `the server ${this.on ? 'allows' : 'does not allow'} force closing`;
}

/** "Close anyway", then "Yes, close anyway", where the form offers it (after an already-closed answer). */
export class CloseAnyway extends Step {
  constructor(readonly slot: Slot) {
    super();
  }
  check = (model: Readonly<Model>) => model[this.slot] !== null;
  async act(model: Model, real: Real) {
    const form = formOf(model, this.slot);
    const offer = section(this.slot).queryByRole('button', { name: 'Close anyway' });
    if (!offer) return;
    await real.user.click(offer);
    const confirm = section(this.slot).getByRole('button', { name: 'Yes, close anyway' });
    const submit = { form, rid: form.rid, body: { ...expectedBody(form), forceClose: true }, at: performance.now(), doneAt: Infinity, used: false };
    real.submits.push(submit);
    real.forced.add(form.rid);
    campaign.forcedCloses += 1;
    await real.user.click(confirm);
    submit.doneAt = performance.now();
  }
  toString = () => `close the ${this.slot} form's room anyway`;
}

export class ColleagueCloses extends Step {
  constructor(readonly rid: string) {
    super();
  }
  check = () => true;
  act(_model: Model, real: Real) {
    const room = real.mock.rooms.get(this.rid);
    if (room?.open) {
      room.open = false;
      real.closedByColleague.add(this.rid);
    }
    return Promise.resolve();
  }
  toString = () => `a colleague closes ${this.rid}`;
}

export class Credentials extends Step {
  constructor(readonly mode: Real['credentials']) {
    super();
  }
  check = () => true;
  act(_model: Model, real: Real) {
    real.credentials = this.mode;
    return Promise.resolve();
  }
  toString = () => `credentials become ${this.mode}`;
}

export class Network extends Step {
  constructor(readonly online: boolean) {
    super();
  }
  check = () => true;
  act(_model: Model, real: Real) {
    real.offline = !this.online;
    onlineManager.setOnline(this.online);
    return Promise.resolve();
  }
  toString = () => (this.online ? 'the network returns' : 'the browser goes offline');
}

export class Wait extends Step {
  constructor(readonly ms: number) {
    super();
  }
  check = () => true;
  act() {
    return settle(this.ms);
  }
  toString = () => `wait ${this.ms} ms`;
}

const slot = fc.constantFrom<Slot>('panel', 'panel', 'second');

/** Every agent and server event the model knows, weighted towards what agents do most. */
export function closeFlowCommands(timeoutMs: number) {
  const failures: MockFailure[] = ['none', 'none', 'none', 'server-error', 'bad-gateway-html', 'network', 'rate-limited', 'conflict', 'hang', 'truncated-json', 'non-json-success'];
  // Answers well inside or well outside the timeout: the model knows which side each is on.
  const delays = [0, 0, 30, Math.round(timeoutMs * 0.3), timeoutMs + 150];
  const events: fc.Arbitrary<Command>[] = [
    fc.tuple(slot, fc.constantFrom('ok', ' note', 'é', 'Ana', ' ')).map(([where, text]) => new TypeComment(where, text)),
    slot.map((where) => new ClearComment(where)),
    fc.tuple(slot, fc.constantFrom('vip', 'billing', 'Refund', 'VIP')).map(([where, tag]) => new AddTag(where, tag)),
    slot.map((where) => new RemoveTag(where)),
    fc.tuple(slot, fc.constantFrom('sal', ' ', 'vip', 'Refund ')).map(([where, text]) => new TypeTagText(where, text)),
    slot.map((where) => new ClearTagText(where)),
    fc.tuple(slot, fc.boolean()).map(([where, keyboard]) => new Submit(where, keyboard)),
    fc.tuple(slot, fc.boolean()).map(([where, keyboard]) => new Submit(where, keyboard)),
    fc.constantFrom(...ROOMS).map((rid) => new SelectRoom(rid)),
    fc.constant(new TogglePanel()),
    fc.constant(new ToggleSecond()),
    fc.tuple(fc.constantFrom(...failures), fc.constantFrom(...delays), fc.constantFrom(0, 1)).map(([failure, delay, wait]) => new ServerAnswers(failure, delay, wait)),
    fc.boolean().map((on) => new ServerRequiresComment(on)),
    fc.constantFrom(...ROOMS).map((rid) => new ColleagueCloses(rid)),
    // Force close (#12.3): the server's setting, and the agent's "Close anyway" where offered.
    fc.boolean().map((on) => new ServerAllowsForceClose(on)),
    // Offered only after an already-closed answer: weighted so that campaigns reach it.
    slot.map((where) => new CloseAnyway(where)),
    slot.map((where) => new CloseAnyway(where)),
    fc.constant(new ColleagueCloses(ROOMS[0])),
    fc.constantFrom<Real['credentials']>('ok', 'ok', 'hang', 'slow', 'expired').map((mode) => new Credentials(mode)),
    // Twice: going offline and back is where react-query and the timeout interact.
    fc.boolean().map((online) => new Network(online)),
    fc.boolean().map((online) => new Network(online)),
    // The longest wait outlasts the timeout and the slack: a close still pending then, or a request
    // leaving then, is a violation.
    fc.constantFrom(0, 40, Math.round(timeoutMs / 2), timeoutMs + 100, LONG_WAIT_MS).map((ms) => new Wait(ms)),
    fc.constant(new Wait(LONG_WAIT_MS)),
  ];
  // 'large': sequences of about 20 steps on average; the default size averages fewer than 5, too
  // short to reach states that need offline, a submit and a long wait in a row.
  return fc.commands(events, { maxCommands: 40, size: 'large' });
}

