import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import styles from '../../src/styles.css?raw';
import { CloseRoomDialog } from '../../src/components/CloseRoomDialog';
import { contrastProblems, rocketChatTheme } from '../../scripts/rocketchat-theme.mjs';
import { expectNoAxeViolations, renderWithClient, setupBrowserRocketChat } from '../helpers/browser';

// Issue #13: themes/rocketchat.css, our custom properties on Rocket.Chat's design tokens, drawn on
// the real dialog in Chromium, light and dark, after the package's own stylesheet.

setupBrowserRocketChat();
const theme = rocketChatTheme('test');
let style: HTMLStyleElement;

beforeEach(() => {
  style = document.createElement('style');
  style.textContent = theme;
  document.head.append(style);
});
afterEach(() => {
  style.remove();
  document.documentElement.removeAttribute('data-theme');
});

/** The custom properties a block of CSS sets on `.rcou-root`. */
const propertiesOf = (css: string) => [...(/\.rcou-root \{([^}]*)\}/.exec(css)?.[1] ?? '').matchAll(/(--rcou-[a-z-]+):/g)].map((match) => match[1]);

async function openDialog() {
  const user = userEvent.setup();
  renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen requireComment onOpenChange={() => undefined} />);
  const dialog = await screen.findByRole('dialog', { name: 'Wrap up conversation' });
  // A refused close shows an error text, the alert and the required marks.
  await user.click(screen.getByRole('button', { name: 'Close conversation' }));
  await screen.findByText('Enter a closing comment.');
  return dialog;
}

describe('themes/rocketchat.css', () => {
  it('maps every colour, the font and the radius of styles.css; only the spacing unit stays ours', () => {
    const ours = propertiesOf(styles);
    const mapped = propertiesOf(theme);
    expect(ours.filter((name) => !mapped.includes(name))).toEqual(['--rcou-space']);
    expect(mapped.filter((name) => !ours.includes(name))).toEqual([]);
  });

  it('meets WCAG AA contrast for every pair the stylesheet draws, light and dark', () => {
    expect(contrastProblems()).toEqual([]);
  });

  it.each([
    ['light', 'rgb(255, 255, 255)', 'rgb(21, 111, 245)', 'rgb(212, 12, 38)'],
    ['dark', 'rgb(38, 41, 49)', 'rgb(98, 146, 218)', 'rgb(216, 136, 146)'],
  ])('%s: the dialog takes Rocket.Chat’s surface, primary blue and danger red, and axe finds nothing', async (scheme, surface, primary, danger) => {
    document.documentElement.setAttribute('data-theme', scheme);
    const dialog = await openDialog();
    await waitFor(() => expect(getComputedStyle(dialog).backgroundColor).toBe(surface));
    expect(getComputedStyle(dialog).fontFamily).toMatch(/^Inter,/);
    expect(getComputedStyle(screen.getByRole('button', { name: 'Close conversation' })).backgroundColor).toBe(primary);
    expect(getComputedStyle(screen.getByText('Enter a closing comment.')).color).toBe(danger);
    await expectNoAxeViolations();
  });
});
