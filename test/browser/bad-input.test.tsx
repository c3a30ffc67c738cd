import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeRoom } from '../../src/client';
import { CloseRoomDialog } from '../../src/components/CloseRoomDialog';
import type { CloseRoomDialogProps } from '../../src/components/CloseRoomDialog';
import { validateCloseBody } from '../../src/testing';
import { browserClient, renderWithClient, setupBrowserRocketChat } from '../helpers/browser';
import type { Queries } from '../helpers/browser';

// Issue #7: bad input, table-driven. Each case is typed into the real dialog; it is either
// refused with a specific message (nothing sent, nothing lost) or sent, and every body that
// leaves the client is one the server's schema accepts.

const { mock } = setupBrowserRocketChat({ requireComment: false });

afterEach(() => {
  for (const { body } of mock.closeRequests) expect(validateCloseBody(body)).toBeUndefined();
});

type Dialog = Queries;

interface Case {
  name: string;
  props?: Partial<CloseRoomDialogProps>;
  /** Left out when the props alone make the case. */
  enter?: (user: UserEvent, dialog: Dialog) => Promise<void>;
  /** Refused: this text is shown and no request leaves. */
  refused?: string | RegExp;
  /** Sent: the body the server received. */
  sent?: (body: Record<string, unknown>) => void;
}

async function email(user: UserEvent, dialog: Dialog, address: string) {
  await user.click(dialog.getByRole('checkbox', { name: 'Send transcript to visitor' }));
  const field = dialog.getByRole('textbox', { name: 'Visitor email' });
  await user.clear(field);
  // Paste rather than type: a 255-character address typed key by key is slow and proves nothing more.
  await user.click(field);
  await user.paste(address);
}

const invalidEmails = [
  'plainaddress',
  '@no-local-part.com',
  'no-at-sign.example.com',
  'two@@example.com',
  'a@b@example.com',
  'space in@example.com',
  'dot..dot@example.com',
  '.leading@example.com',
  'trailing.@example.com',
  'no-tld@example',
  'x@-hyphen-start.com',
  'x@hyphen-end-.com',
  'x@example.c',
  'x@exa mple.com',
  'emoji😀@example.com',
  '<script>@example.com',
  `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`,
  // Invisible characters: the address would not be the one the agent sees.
  'zero\u200Bwidth@example.com',
  'soft@hy\u00ADphen.com',
  'bidi\u202E@example.com',
  'isolate@\u2066example.com',
  'nbsp\u00A0in@example.com',
  'filler\u3164@example.com',
  'tab\tinside@example.com',
];

const validEmails = [
  'maria+orders@example.com',
  'first.last@sub.example.co.uk',
  'x@example.museum',
  'x@example.technology',
  "o'neil@example.ie",
  'UPPER@EXAMPLE.COM',
  // Internationalised addresses (RFC 6531): letters of any script, punycode domains.
  'josé@exemplo.com.br',
  '用户@例子.广告',
  'info@bücher.de',
  'test@xn--bcher-kva.de',
  'θσερ@εχαμπλε.ψομ',
  'δοκιμή@παράδειγμα.δοκιμή',
];

const cases: Case[] = [
  ...invalidEmails.map(
    (address): Case => ({
      name: `refuses the email ${JSON.stringify(address.length > 40 ? `${address.slice(0, 20)}… (${address.length} chars)` : address)}`,
      enter: (user, dialog) => email(user, dialog, address),
      refused: 'Enter a valid email address, such as name@example.com.',
    }),
  ),
  ...validEmails.map(
    (address): Case => ({
      name: `accepts the email ${JSON.stringify(address)}`,
      enter: (user, dialog) => email(user, dialog, address),
      sent: (body) => expect(body.transcriptEmail).toEqual({ sendToVisitor: true, requestData: { email: address, subject: 'Transcript of your livechat conversation' } }),
    }),
  ),
  {
    name: 'trims spaces around an email',
    enter: (user, dialog) => email(user, dialog, '  padded@example.com  '),
    sent: (body) => expect(body.transcriptEmail).toMatchObject({ requestData: { email: 'padded@example.com' } }),
  },
  {
    name: 'sends a subject with line breaks from defaultValues on one line',
    props: { defaultValues: { sendTranscript: true, transcriptEmail: 'maria@example.com', transcriptSubject: 'Hi\r\nBcc: x@evil.com\u2028\u2029\u0085x\n' } },
    sent: (body) => expect(body.transcriptEmail).toEqual({ sendToVisitor: true, requestData: { email: 'maria@example.com', subject: 'Hi Bcc: x@evil.com x' } }),
  },
  {
    name: 'refuses an email with a line break from defaultValues',
    props: { defaultValues: { sendTranscript: true, transcriptEmail: 'maria@example.com\r\nBcc: x@evil.com', transcriptSubject: 'Hi' } },
    refused: 'Enter a valid email address, such as name@example.com.',
  },
  {
    name: 'refuses tags of only invisible characters as blank, and closes without them',
    enter: async (user, dialog) => {
      await user.click(dialog.getByRole('combobox', { name: /Tags/ }));
      await user.paste('\u200B\u2060\uFEFF\u00A0');
      await user.keyboard('{Enter}');
      expect(dialog.getByRole('combobox', { name: /Tags/ })).toHaveAccessibleDescription(/A tag cannot be blank\./);
      await user.clear(dialog.getByRole('combobox', { name: /Tags/ }));
      await user.paste('\u202A\u202E,\u2066\u2069,\u3164\u115F,\u2800');
      expect(dialog.queryByRole('list', { name: 'Selected tags' })).not.toBeInTheDocument();
    },
    sent: (body) => expect(body).toEqual({ rid: 'room-1' }),
  },
  {
    name: 'refuses required tags that are only invisible characters',
    props: { requireTags: true, defaultValues: { tags: ['\u200B', '\u2066\u2069\u200D'] } },
    refused: 'Add at least one tag.',
  },
  {
    name: 'keeps one of tags that differ only in invisible characters, without bidi controls',
    enter: async (user, dialog) => {
      await user.click(dialog.getByRole('combobox', { name: /Tags/ }));
      await user.paste('vip,v\u200Bip,\u202EVIP\u202C,\u2067فواتير\u2069,فواتير\u2060');
    },
    sent: (body) => expect(body.tags).toEqual(['vip', 'فواتير']),
  },
  {
    name: 'refuses an empty email when sending',
    enter: (user, dialog) => email(user, dialog, '   '),
    refused: 'Enter the visitor’s email address.',
  },
  {
    name: 'refuses a blank subject when sending',
    enter: async (user, dialog) => {
      await email(user, dialog, 'maria@example.com');
      await user.clear(dialog.getByRole('textbox', { name: 'Email subject' }));
      await user.type(dialog.getByRole('textbox', { name: 'Email subject' }), '   ');
    },
    refused: 'Enter a subject for the email.',
  },
  {
    name: 'refuses a whitespace-only required comment',
    props: { requireComment: true },
    enter: (user, dialog) => user.type(dialog.getByRole('textbox', { name: /Comment/ }), '  \n\t  '),
    refused: 'Enter a closing comment.',
  },
  {
    name: 'sends a 10,000-character comment whole',
    enter: async (user, dialog) => {
      await user.click(dialog.getByRole('textbox', { name: /Comment/ }));
      await user.paste('x'.repeat(10_000));
    },
    sent: (body) => expect(body.comment).toHaveLength(10_000),
  },
  {
    name: 'sends 200 tags pasted at once',
    enter: async (user, dialog) => {
      await user.click(dialog.getByRole('combobox', { name: /Tags/ }));
      await user.paste(Array.from({ length: 200 }, (_, index) => `tag-${index}`).join(','));
    },
    sent: (body) => expect(body.tags).toHaveLength(200),
  },
  {
    name: 'keeps one of tags that differ only in case or spaces',
    enter: async (user, dialog) => {
      await user.click(dialog.getByRole('combobox', { name: /Tags/ }));
      await user.paste('VIP, vip ,  Vip,follow  up,Follow up');
    },
    sent: (body) => expect(body.tags).toEqual(['VIP', 'follow up']),
  },
  {
    name: 'splits commas and line breaks pasted into the tag input',
    enter: async (user, dialog) => {
      await user.click(dialog.getByRole('combobox', { name: /Tags/ }));
      await user.paste('billing\r\nrefund,\n\n, ,urgent');
    },
    sent: (body) => expect(body.tags).toEqual(['billing', 'refund', 'urgent']),
  },
  {
    name: 'refuses a blank tag with a message, and closes without it',
    enter: async (user, dialog) => {
      await user.type(dialog.getByRole('combobox', { name: /Tags/ }), '    {Enter}');
      expect(dialog.getByRole('combobox', { name: /Tags/ })).toHaveAccessibleDescription(/A tag cannot be blank\./);
      expect(dialog.queryByRole('list', { name: 'Selected tags' })).not.toBeInTheDocument();
    },
    sent: (body) => expect(body).toEqual({ rid: 'room-1' }),
  },
  {
    name: 'sends emoji intact',
    enter: async (user, dialog) => {
      await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Fixed 🎉👍🏽');
      await user.type(dialog.getByRole('combobox', { name: /Tags/ }), '🚀 launch{Enter}');
    },
    sent: (body) => expect(body).toMatchObject({ comment: 'Fixed 🎉👍🏽', tags: ['🚀 launch'] }),
  },
  {
    name: 'sends right-to-left text intact',
    enter: async (user, dialog) => {
      await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'تم حل المشكلة');
      await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'فواتير{Enter}');
    },
    sent: (body) => expect(body).toMatchObject({ comment: 'تم حل المشكلة', tags: ['فواتير'] }),
  },
];

describe('bad input', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name', async ({ props, enter, refused, sent }) => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen {...props} />);
    const dialog = within(await screen.findByRole('dialog'));
    await enter?.(user, dialog);
    const before = new Map(dialog.getAllByRole('textbox').map((field) => [field, (field as HTMLInputElement).value]));
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    if (refused) {
      await waitFor(() => expect(dialog.getByText(refused)).toBeInTheDocument());
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(mock.closeRequests).toHaveLength(0);
      // Nothing the agent typed is lost.
      for (const [field, value] of before) expect(field).toHaveValue(value);
    } else {
      await waitFor(() => expect(mock.closeRequests).toHaveLength(1));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      sent?.(mock.closeRequests[0]?.body as Record<string, unknown>);
    }
  });
});

describe('an empty or whitespace rid: a developer error, no request', () => {
  it.each(['', '   '])('the dialog throws a clear error for %j', (rid) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderWithClient(<CloseRoomDialog rid={rid} defaultOpen />)).toThrow(/rid must be a non-empty string/);
    expect(mock.closeRequests).toHaveLength(0);
  });

  it.each(['', ' \t '])('closeRoom refuses %j before sending', async (rid) => {
    await expect(closeRoom(browserClient(), { rid })).rejects.toMatchObject({ kind: 'invalid-params' });
    expect(mock.closeRequests).toHaveLength(0);
  });
});

/** The dialog open on room-1, with its tag combobox. */
async function openWithTags(props: Partial<CloseRoomDialogProps> = {}) {
  const user = userEvent.setup();
  renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen {...props} />);
  const dialog = within(await screen.findByRole('dialog'));
  return { user, dialog, tags: dialog.getByRole('combobox', { name: /Tags/ }) };
}

// Text typed in the tag input but not added (no Enter, no comma) used to be dropped without a
// word when the conversation closed: the agent believed the tag was sent.
describe('text left in the tag input when closing', () => {
  it('stops the close with a message naming it, keeps it, and closes with it once added', async () => {
    const { user, dialog, tags } = await openWithTags();
    await user.type(tags, 'follow up');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(tags).toHaveAccessibleDescription(/Press Enter to add “\u2068follow up\u2069” as a tag, or clear it\./));
    expect(tags).toHaveFocus();
    expect(tags).toHaveValue('follow up');
    expect(tags).toHaveAttribute('aria-invalid', 'true');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(mock.closeRequests).toHaveLength(0);
    // Ctrl+Enter from the tag input is the same close: stopped too.
    await user.keyboard('{Control>}{Enter}{/Control}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(mock.closeRequests).toHaveLength(0);
    await user.keyboard('{Enter}');
    expect(within(dialog.getByRole('list', { name: 'Selected tags' })).getByText('follow up')).toBeInTheDocument();
    expect(tags).not.toHaveAccessibleDescription(/Press Enter to add/);
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(mock.closeRequests).toHaveLength(1));
    expect(mock.closeRequests[0]?.body).toEqual({ rid: 'room-1', tags: ['follow up'] });
  });

  it('clearing the text answers the message, and the close goes without it', async () => {
    const { user, dialog, tags } = await openWithTags();
    await user.type(tags, 'sal');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(tags).toHaveAccessibleDescription(/Press Enter to add “\u2068sal\u2069” as a tag/));
    await user.clear(tags);
    expect(tags).not.toHaveAccessibleDescription(/Press Enter to add/);
    expect(tags).not.toHaveAttribute('aria-invalid');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(mock.closeRequests).toHaveLength(1));
    expect(mock.closeRequests[0]?.body).toEqual({ rid: 'room-1' });
  });

  it('text that is a tag already added, or blank, stops nothing', async () => {
    const { user, dialog, tags } = await openWithTags();
    await user.type(tags, 'VIP{Enter}vip{Enter}');
    expect(tags).toHaveAccessibleDescription(/The tag “vip” is already added\./);
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(mock.closeRequests).toHaveLength(1));
    expect(mock.closeRequests[0]?.body).toEqual({ rid: 'room-1', tags: ['VIP'] });
  });

  it('a suggestion picked after the message answers it: no stale "Press Enter" left', async () => {
    const { user, dialog, tags } = await openWithTags({ tagSuggestions: ['billing', 'bug'] });
    await user.type(tags, 'bil');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(tags).toHaveAccessibleDescription(/Press Enter to add “\u2068bil\u2069”/));
    // Typing more reopens the list; the option is clicked, not the typed text entered.
    await user.type(tags, 'l');
    await user.click(dialog.getByRole('option', { name: 'billing' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tags).not.toHaveAccessibleDescription(/Press Enter to add/);
    expect(tags).not.toHaveAttribute('aria-invalid');
    expect(tags).toHaveValue('');
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(mock.closeRequests).toHaveLength(1));
    expect(mock.closeRequests[0]?.body).toEqual({ rid: 'room-1', tags: ['billing'] });
  });

  it('the first field with an error, in the order shown, takes focus: the comment before the tags', async () => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomDialog rid="room-1" defaultOpen requireComment requireTags />);
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('textbox', { name: /Comment/ })).toHaveAccessibleDescription('Enter a closing comment.'));
    expect(dialog.getByRole('combobox', { name: /Tags/ })).toHaveAccessibleDescription(/Add at least one tag\./);
    expect(dialog.getByRole('textbox', { name: /Comment/ })).toHaveFocus();
  });

  it('text left in the tag input is kept with the draft when the dialog is closed and opened again', async () => {
    const user = userEvent.setup();
    renderWithClient(<CloseRoomDialog rid="room-1" trigger={<button type="button">Wrap up</button>} />);
    await user.click(screen.getByRole('button', { name: 'Wrap up' }));
    let dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByRole('textbox', { name: /Comment/ }), 'Done');
    await user.type(dialog.getByRole('combobox', { name: /Tags/ }), 'follow up');
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Wrap up' }));
    dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByRole('textbox', { name: /Comment/ })).toHaveValue('Done');
    expect(dialog.getByRole('combobox', { name: /Tags/ })).toHaveValue('follow up');
    // Still not a tag: closing says so rather than dropping it.
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(dialog.getByRole('combobox', { name: /Tags/ })).toHaveAccessibleDescription(/Press Enter to add “\u2068follow up\u2069”/));
    expect(mock.closeRequests).toHaveLength(0);
  });

  it('a long text is quoted cut at 60 characters; Ctrl+Enter while an input method composes does nothing', async () => {
    const { user, dialog, tags } = await openWithTags();
    await user.click(tags);
    await user.paste('y'.repeat(3000));
    fireEvent.keyDown(tags, { key: 'Enter', ctrlKey: true, isComposing: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tags).not.toHaveAccessibleDescription(/Press Enter to add/);
    await user.click(dialog.getByRole('button', { name: 'Close conversation' }));
    await waitFor(() => expect(tags).toHaveAccessibleDescription(new RegExp(`Press Enter to add “\u2068${'y'.repeat(60)}…\u2069” as a tag`)));
    expect(tags).toHaveValue('y'.repeat(3000));
    expect(mock.closeRequests).toHaveLength(0);
  });
});
