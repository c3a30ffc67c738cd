import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { CloseRoomDialog } from '../../src/components/CloseRoomDialog';
import type { CloseRoomDialogProps } from '../../src/components/CloseRoomDialog';
import { TagInput } from '../../src/components/TagInput';
import type { TagInputProps } from '../../src/components/TagInput';
import { enMessages } from '../../src/i18n/messages';
import { renderWithClient, setupBrowserRocketChat } from '../helpers/browser';

// The tag input against hostile or unusual text, many tags, long tags and long suggestion lists.

const { mock } = setupBrowserRocketChat({ requireComment: false });

async function openDialog(props: Partial<CloseRoomDialogProps> = {}) {
  const user = userEvent.setup();
  renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen {...props} />);
  const dialog = await screen.findByRole('dialog');
  return { user, dialog, queries: within(dialog) };
}

const tagInput = () => screen.getByRole('combobox', { name: /Tags/ });
const status = () => within(screen.getByRole('dialog')).getByRole('status');
const chips = () => within(screen.getByRole('list', { name: 'Selected tags' })).getAllByRole('listitem');

/** Types or pastes one tag (a paste keeps characters `type` would treat as keys) and presses Enter. */
async function enterTag(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(tagInput());
  await user.paste(text);
  await user.keyboard('{Enter}');
}

// Each looks like nothing: zero-width and joiner characters, fillers, bidi controls, exotic spaces.
const invisible = [
  '\u200B',
  '\u200C\u200D',
  '\u2060\uFEFF\u00AD',
  '\u034F\u115F\u1160\u3164\uFFA0',
  '\u180E\u2800',
  '\u202A\u202B\u202C\u202D\u202E',
  '\u2066\u2067\u2068\u2069\u200E\u200F\u061C',
  '\u00A0\u200B\u2003\u3000\u200D',
];

describe('a tag of only invisible or blank-looking characters', () => {
  it.each(invisible)('is refused as blank: %j', async (text) => {
    const { user } = await openDialog();
    await enterTag(user, text);
    expect(tagInput()).toHaveAccessibleDescription(/A tag cannot be blank\./);
    expect(screen.queryByRole('list', { name: 'Selected tags' })).not.toBeInTheDocument();
  });

  it('does not satisfy required tags when it comes in the default values', async () => {
    const { user, queries } = await openDialog({ requireTags: true, defaultValues: { tags: ['\u200B', '\u2066\u2069', '\u3164'] } });
    await user.click(queries.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(tagInput()).toHaveAccessibleDescription(/Add at least one tag\./));
    expect(mock.closeRequests).toHaveLength(0);
  });
});

describe('tags that differ only in invisible characters or bidi controls', () => {
  it.each(['v\u200Bip', '\u202EVIP\u202C', 'vip\u2060', '\u2066vip\u2069', '\u00ADvip\uFEFF'])('count as the tag already added: %j', async (text) => {
    const { user } = await openDialog();
    await enterTag(user, 'vip');
    await user.clear(tagInput());
    await enterTag(user, text);
    expect(tagInput()).toHaveAccessibleDescription(/The tag “vip” is already added\./i);
    expect(chips()).toHaveLength(1);
  });

  it('are stored without them, while joiners inside a tag stay', async () => {
    const { user, queries } = await openDialog();
    await enterTag(user, '\u202Ebilling\u202C');
    await enterTag(user, '👩\u200D💻');
    await enterTag(user, 'می\u200Cخواهم');
    expect(queries.getByRole('button', { name: 'Remove tag billing' })).toBeInTheDocument();
    await user.click(queries.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(mock.closeRequests).toHaveLength(1));
    expect(mock.closeRequests[0]?.body).toEqual({ rid: 'room-1', tags: ['billing', '👩\u200D💻', 'می\u200Cخواهم'] });
  });

  it('cannot reorder a chip: each chip’s text is isolated', async () => {
    const { user } = await openDialog({ defaultValues: { tags: ['\u202Eabc', 'فواتير 2024', 'vip'] } });
    await user.click(tagInput());
    for (const chip of chips()) {
      const text = chip.firstElementChild as HTMLElement;
      expect(getComputedStyle(text).unicodeBidi).toBe('isolate');
    }
  });
});

describe('a very long tag', () => {
  it.each([
    ['unbroken', 'x'.repeat(5_000)],
    ['with spaces', 'word '.repeat(1_000).trim()],
  ])('keeps its chip on one line (%s), the whole text still available', async (_kind, tag) => {
    const { user, queries } = await openDialog();
    await enterTag(user, tag);
    const [chip] = chips();
    expect(chip?.getBoundingClientRect().height).toBeLessThan(40);
    expect(chip?.getBoundingClientRect().right).toBeLessThanOrEqual(screen.getByRole('dialog').getBoundingClientRect().right);
    expect(queries.getByTitle(tag)).toBeInTheDocument();
    expect(queries.getByRole('button', { name: `Remove tag ${tag}` })).toBeInTheDocument();
  });
});

describe('a refused tag', () => {
  it.each([
    ['a duplicate', 'vip', 'The tag “vip” is already added.'],
    ['a blank', '\u200B ', 'A tag cannot be blank.'],
  ])('is announced (%s), and announced again when refused again', async (_kind, text, message) => {
    const { user } = await openDialog();
    await enterTag(user, 'vip');
    await enterTag(user, text);
    expect(status()).toHaveTextContent(message);
    const first = status().textContent;
    // The refused text stays in the input: Enter again gives the same refusal.
    await user.keyboard('{Enter}');
    expect(status()).toHaveTextContent(message);
    // A live region only speaks when its text changes.
    expect(status().textContent).not.toBe(first);
    // The visible message is still the input's description.
    expect(tagInput()).toHaveAccessibleDescription(new RegExp(message.replace('.', '\\.')));
  });
});

describe('many tags pasted at once', () => {
  const paste = async (count: number) => {
    const { user } = await openDialog();
    await user.click(tagInput());
    const text = Array.from({ length: count }, (_, index) => `tag-${index}`).join(',');
    const start = performance.now();
    await user.paste(text);
    const list = await screen.findByRole('list', { name: 'Selected tags' });
    const elapsed = Math.round(performance.now() - start);
    console.info(`pasting ${count} tags took ${elapsed} ms`);
    // `hidden`: skips a style computation per chip; the count is what matters here.
    expect(within(list).getAllByRole('listitem', { hidden: true })).toHaveLength(count);
    // Announced once, as a count: a screen reader does not read thousands of "Tag … added.".
    expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`^${count} tags added\\.$`));
  };

  it('adds 5,000', () => paste(5_000), 20_000);
  // No time is asserted, but the timeout stands: the quadratic add took over 20 s here.
  it('adds 20,000', () => paste(20_000), 20_000);

  // Reported, not asserted (machines differ): every chip re-rendering on each keystroke took about
  // 2.4 s per key after 20,000 tags. The render count is asserted in the TagInput tests below.
  it('keeps typing responsive after 5,000', async () => {
    const { user } = await openDialog();
    await user.click(tagInput());
    await user.paste(Array.from({ length: 5_000 }, (_, index) => `tag-${index}`).join(','));
    await screen.findByRole('list', { name: 'Selected tags' });
    const times: number[] = [];
    for (const key of 'abc') {
      const start = performance.now();
      await user.keyboard(key);
      // Until the deferred suggestion render and the frame after it are done.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - start);
    }
    expect(tagInput()).toHaveValue('abc');
    console.info(`typing after 5,000 tags: ${times.map((time) => Math.round(time)).join(', ')} ms per keystroke`);
  }, 30_000);
});

describe('a long suggestion list', () => {
  const suggestions = Array.from({ length: 60 }, (_, index) => `tag ${String(index + 1).padStart(2, '0')}`);

  /** The part of the element not clipped by any scrolling ancestor nor the viewport. */
  function visibleRect(element: Element) {
    let { top, bottom, left, right } = element.getBoundingClientRect();
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowY === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      top = Math.max(top, clip.top + parent.clientTop);
      bottom = Math.min(bottom, clip.top + parent.clientTop + parent.clientHeight);
      left = Math.max(left, clip.left + parent.clientLeft);
      right = Math.min(right, clip.left + parent.clientLeft + parent.clientWidth);
    }
    return { top: Math.max(top, 0), bottom: Math.min(bottom, innerHeight), left: Math.max(left, 0), right: Math.min(right, innerWidth) };
  }

  function fullyVisible(element: Element) {
    const rect = element.getBoundingClientRect();
    const visible = visibleRect(element);
    const tolerance = 0.5;
    return visible.top <= rect.top + tolerance && visible.bottom >= rect.bottom - tolerance && visible.left <= rect.left + tolerance && visible.right >= rect.right - tolerance;
  }

  it('keeps the active option in view while moving with the arrow keys', async () => {
    const { user } = await openDialog({ tagSuggestions: suggestions });
    await user.click(tagInput());
    for (let step = 0; step < 30; step += 1) await user.keyboard('{ArrowDown}');
    const active = within(screen.getByRole('listbox', { name: 'Tag suggestions' })).getByRole('option', { selected: true });
    expect(active).toHaveTextContent('tag 30');
    expect(fullyVisible(active)).toBe(true);
  });

  it('shows at least 8 options, unclipped, in a 1024×768 window', async () => {
    await page.viewport(1024, 768);
    const { user, dialog } = await openDialog({ tagSuggestions: suggestions });
    await user.click(tagInput());
    await user.keyboard('{ArrowDown}');
    const options = within(screen.getByRole('listbox', { name: 'Tag suggestions' })).getAllByRole('option');
    // The dialog's own visible area counts too, not only the window.
    const panel = dialog.getBoundingClientRect();
    const shown = options.filter((option) => {
      const rect = option.getBoundingClientRect();
      return fullyVisible(option) && rect.top >= panel.top && rect.bottom <= panel.bottom;
    });
    expect(shown.length).toBeGreaterThanOrEqual(8);
  });
});

// The tag input alone, its tags held in state as a form would.
function Tags({ initial = [], onTags, ...props }: Partial<TagInputProps> & { initial?: string[]; onTags?: (tags: string[]) => void }) {
  const [tags, setTags] = useState(initial);
  return (
    <div className="rcou-root">
      <label htmlFor="tags">Tags</label>
      <TagInput
        id="tags"
        value={tags}
        onChange={(next) => {
          setTags(next);
          onTags?.(next);
        }}
        messages={enMessages}
        {...props}
      />
    </div>
  );
}

const chipNames = () => within(screen.getByRole('list', { name: 'Selected tags' })).getAllByRole('listitem').map((chip) => chip.textContent?.replace('×', ''));

describe('a read-only tag input', () => {
  it('changes no tag by any means, and leaves focus where it is', async () => {
    const user = userEvent.setup();
    const onTags = vi.fn();
    const props = { initial: ['vip', 'billing'], suggestions: ['refund', 'urgent'], onTags };
    const { rerender } = render(<Tags {...props} readOnly />);
    const input = tagInput();
    expect(input).toHaveAttribute('readonly');
    await user.click(input);
    await user.keyboard('{Backspace}{Backspace}{Backspace}');
    await user.keyboard('{ArrowDown}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.paste('a,b\nc');
    await user.paste('\u200B,');
    expect(input).toHaveValue('');
    expect(input).toHaveFocus();

    // The remove buttons stay in the tab order, named, and do nothing.
    const remove = screen.getByRole('button', { name: 'Remove tag billing' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    expect(remove).toBeEnabled();
    await user.click(remove);
    expect(remove).toHaveFocus();
    await user.keyboard('{Enter}{ }');
    expect(remove).toHaveFocus();
    expect(chipNames()).toEqual(['vip', 'billing']);

    // A close is sent while the agent is typing, the suggestions open.
    rerender(<Tags {...props} />);
    expect(remove).not.toHaveAttribute('aria-disabled');
    await user.click(input);
    await user.keyboard('re');
    expect(screen.getByRole('listbox', { name: 'Tag suggestions' })).toBeInTheDocument();
    rerender(<Tags {...props} readOnly />);
    expect(input).toHaveFocus();
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(input).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.keyboard(',x');
    expect(input).toHaveValue('re');
    expect(input).toHaveFocus();

    expect(chipNames()).toEqual(['vip', 'billing']);
    expect(onTags).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('');

    // Editable again: the text typed before is still there to add.
    rerender(<Tags {...props} />);
    // Comma adds exactly what was typed (Enter would take the highlighted "refund").
    await user.keyboard(',');
    expect(chipNames()).toEqual(['vip', 'billing', 're']);
  });
});

describe('a paste into the tag input', () => {
  it('replaces the selected text', async () => {
    const user = userEvent.setup();
    render(<Tags />);
    await user.click(tagInput());
    await user.keyboard('hello');
    (tagInput() as HTMLInputElement).setSelectionRange(0, 5);
    await user.paste('x,y');
    expect(chipNames()).toEqual(['x', 'y']);
    expect(tagInput()).toHaveValue('');
  });

  it('goes in at the cursor', async () => {
    const user = userEvent.setup();
    render(<Tags />);
    await user.click(tagInput());
    await user.keyboard('billingurgent');
    (tagInput() as HTMLInputElement).setSelectionRange(7, 7);
    await user.paste(',vip,');
    expect(chipNames()).toEqual(['billing', 'vip', 'urgent']);
  });

  it.each([
    ['into an empty input', ''],
    ['after blank-looking text', '  '],
  ])('of only blank pieces is refused as blank (%s), keeping the typed text', async (_kind, typed) => {
    const user = userEvent.setup();
    const onTags = vi.fn();
    render(<Tags onTags={onTags} />);
    await user.click(tagInput());
    if (typed) await user.keyboard(typed);
    await user.paste('\u200B,\u3164\n , ');
    expect(tagInput()).toHaveAccessibleDescription('A tag cannot be blank.');
    expect(screen.getByText('A tag cannot be blank.', { ignore: '[role=status]' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('A tag cannot be blank.');
    expect(tagInput()).toHaveValue(typed);
    expect(onTags).not.toHaveBeenCalled();
    expect(screen.queryByRole('list', { name: 'Selected tags' })).not.toBeInTheDocument();
  });
});

describe('typing beside many tags', () => {
  it('does not re-render the chips as the text, the list or the active option changes', async () => {
    // Each chip reads the remove button's text as it renders: the reads count chip renders.
    let reads = 0;
    const messages = { ...enMessages };
    Object.defineProperty(messages, 'tagRemove', {
      get: () => {
        reads += 1;
        return enMessages.tagRemove;
      },
    });
    const user = userEvent.setup();
    render(<Tags initial={Array.from({ length: 2_000 }, (_, index) => `tag-${index}`)} suggestions={['abc one', 'abc two']} messages={messages} />);
    expect(screen.getAllByRole('button', { name: /^Remove tag / })).toHaveLength(2_000);
    await user.click(tagInput());
    reads = 0;
    // The first match is highlighted as the agent types; one ArrowDown moves to the second.
    await user.keyboard('abc{ArrowDown}');
    expect(screen.getByRole('option', { name: 'abc two', selected: true })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    // A handful of reads by the input itself, never one per chip.
    expect(reads).toBeLessThan(50);
  });
});

describe('the suggestion list under the pointer', () => {
  it('shows the highlighted option unlike a hovered one: one option looks selected, not two', async () => {
    const user = userEvent.setup();
    render(<Tags suggestions={['refund', 'urgent', 'vip']} />);
    await user.click(tagInput());
    await user.keyboard('{ArrowDown}');
    const [highlighted, , hovered] = screen.getAllByRole('option');
    if (!highlighted || !hovered) throw new Error('three options expected');
    expect(highlighted).toHaveAttribute('aria-selected', 'true');
    await page.elementLocator(hovered).hover();
    expect(hovered.matches(':hover')).toBe(true);
    expect(hovered).toHaveAttribute('aria-selected', 'false');
    const style = (element: Element, pseudo?: string) => getComputedStyle(element, pseudo);
    expect(style(hovered).backgroundColor).not.toBe(style(highlighted).backgroundColor);
    expect(style(hovered).backgroundColor).not.toBe(style(screen.getByRole('option', { name: 'urgent' })).backgroundColor);
    // The highlighted one alone has the outline and the inline-start bar.
    expect(style(highlighted).boxShadow).not.toBe('none');
    expect(style(hovered).boxShadow).toBe('none');
    expect(style(highlighted, '::before').content).not.toBe('none');
    expect(style(hovered, '::before').content).toBe('none');
  });
});

describe('typing part of a suggested tag (#14.6)', () => {
  it('highlights the first match as the agent types; Enter takes it, comma adds the text as typed', async () => {
    const user = userEvent.setup();
    render(<Tags initial={[]} suggestions={['refund', 'referral', 'billing']} />);
    await user.type(tagInput(), 'ref');
    const refund = screen.getByRole('option', { name: 'refund' });
    expect(refund).toHaveAttribute('aria-selected', 'true');
    expect(tagInput()).toHaveAttribute('aria-activedescendant', refund.id);
    await user.keyboard('{Enter}');
    expect(chipNames()).toEqual(['refund']);
    await user.type(tagInput(), 'ref,');
    expect(chipNames()).toEqual(['refund', 'ref']);
  });

  it('highlights the suggestion equal to the text, ignoring case, over an earlier partial match', async () => {
    const user = userEvent.setup();
    render(<Tags initial={[]} suggestions={['bug report', 'bug']} />);
    await user.type(tagInput(), 'BUG');
    expect(screen.getByRole('option', { name: 'bug' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('option', { name: 'bug report' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(chipNames()).toEqual(['bug report']);
  });

  it('adds free text when nothing matches', async () => {
    const user = userEvent.setup();
    render(<Tags initial={[]} suggestions={['refund']} />);
    await user.type(tagInput(), 'warranty{Enter}');
    expect(chipNames()).toEqual(['warranty']);
  });
});

describe('the tag input against review findings (#14.6)', () => {
  it('highlights a suggestion starting with the text over an earlier one containing it', async () => {
    const user = userEvent.setup();
    render(<Tags initial={[]} suggestions={['bill-dispute', 'sales', 'Billing issue', 'support']} />);
    await user.type(tagInput(), 's');
    expect(screen.getByRole('option', { name: 'sales' })).toHaveAttribute('aria-selected', 'true');
    await user.type(tagInput(), 'u');
    expect(screen.getByRole('option', { name: 'support' })).toHaveAttribute('aria-selected', 'true');
  });

  it('adds nothing on the Enter that confirms an input method composition', async () => {
    const user = userEvent.setup();
    render(<Tags initial={[]} suggestions={['billing']} />);
    await user.type(tagInput(), 'bil');
    tagInput().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
    expect(screen.queryByRole('list', { name: 'Selected tags' })).toBeNull();
    expect(tagInput()).toHaveValue('bil');
  });
});
