import { describe, it } from 'vitest';
import { AddTag, ClearComment, ClearTagText, CloseAnyway, ColleagueCloses, Credentials, Network, SelectRoom, ServerAnswers, Submit, TogglePanel, ToggleSecond, TypeComment, TypeTagText, Wait } from './commands';
import { setupModelRun, TIMEOUT_MS } from './run';

// Sequences the model-based campaign found (or that reproduce a defect of issue #11), kept as
// regression tests: each runs through the same runner and invariants as the random ones.

const runSequence = setupModelRun();

describe('kept sequences', () => {
  it('a note typed for one room never shows up in another (defect 1, found in 2 steps)', async () => {
    await runSequence([new TypeComment('panel', 'ok'), new SelectRoom('room-4')]);
  });

  it('a close submitted offline fails at once and never leaves later (defect 4)', async () => {
    await runSequence([new TypeComment('panel', 'ok'), new Network(false), new Submit('panel', false), new Wait(TIMEOUT_MS * 4), new Network(true), new Wait(TIMEOUT_MS * 2)]);
  });

  it('typing while a close is pending changes nothing: the fields are read-only (hostile review)', async () => {
    await runSequence([
      new ServerAnswers('none', TIMEOUT_MS - 50, 0),
      new TypeComment('panel', 'Refund'),
      new Submit('panel', false),
      new TypeComment('panel', ' issued'),
      new AddTag('panel', 'vip'),
      new Wait(TIMEOUT_MS * 2),
    ]);
  });

  it('a second form for the same room sends nothing while the first one’s close is pending (defect 2)', async () => {
    await runSequence([
      new ToggleSecond(),
      new TypeComment('panel', 'first'),
      new AddTag('second', 'vip'),
      new Submit('panel', false),
      new Submit('second', true),
      new Wait(TIMEOUT_MS * 2),
    ]);
  });

  it('a close dismissed while its credentials resolve is never sent (defect 4, "nothing after dismissal")', async () => {
    await runSequence([new Credentials('slow'), new TypeComment('panel', 'ok'), new Submit('panel', false), new TogglePanel(), new Wait(TIMEOUT_MS * 2)]);
  });

  it('switching rooms while a slow close is unsent still closes that room, once (hostile review: it was silently dropped)', async () => {
    await runSequence([new Credentials('slow'), new TypeComment('panel', 'ok'), new Submit('panel', false), new SelectRoom('room-3'), new SelectRoom('room-1'), new Wait(TIMEOUT_MS * 2)]);
  });

  it('found by the 2,000-sequence campaign: offline, a second form submits by keyboard, the panel comes back and submits', async () => {
    await runSequence([
      new ToggleSecond(),
      new TogglePanel(),
      new Credentials('ok'),
      new Network(false),
      new Submit('second', true),
      new TogglePanel(),
      new Submit('panel', true),
    ]);
  });

  it('found by the final campaign: clearing the comment while a close is pending changes nothing', async () => {
    await runSequence([new TogglePanel(), new TogglePanel(), new ServerAnswers('none', TIMEOUT_MS - 50, 0), new Submit('panel', false), new ClearComment('panel'), new Wait(TIMEOUT_MS * 2)]);
  });

  it('found by the #12 campaign (3 of 4 shards): a colleague closes the room while the agent’s close holds it; the mock let both win', async () => {
    await runSequence([new Submit('panel', true), new ColleagueCloses('room-1'), new Wait(TIMEOUT_MS * 2)]);
  });

  it('a room a colleague closed, closed anyway by the agent: one forced body, reported once as the agent’s (#12.3)', async () => {
    await runSequence([
      new ColleagueCloses('room-1'),
      new TypeComment('panel', 'ok'),
      new Submit('panel', false),
      new Wait(TIMEOUT_MS),
      new CloseAnyway('panel'),
      new Wait(TIMEOUT_MS * 2),
      new CloseAnyway('panel'),
    ]);
  });

  it('found by the tag-text campaign (seed 7202): text left in the tag input comes back with the panel’s draft', async () => {
    await runSequence([new TypeTagText('panel', 'sal'), new TogglePanel(), new TogglePanel()]);
  });

  it('text left in the tag input: submits send nothing until it is added or cleared, then exactly what is shown', async () => {
    await runSequence([
      new TypeComment('panel', 'ok'),
      new TypeTagText('panel', 'sal'),
      new Submit('panel', false),
      new Submit('panel', true),
      new AddTag('panel', 'es'),
      new TypeTagText('panel', 'vip'),
      new Submit('panel', true),
      new ClearTagText('panel'),
      new Submit('panel', false),
      new Wait(TIMEOUT_MS * 2),
    ]);
  });
});
