// The peer: the same wrap-up built with Rocket.Chat's @rocket.chat/fuselage on the headless
// useCloseRoomForm (examples/fuselage), what a Rocket.Chat developer would otherwise reach for.
import '@rocket.chat/fuselage/dist/fuselage.css';
import '@rocket.chat/icons/dist/rocketchat.css';
import { Button } from '@rocket.chat/fuselage';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { FuselageCloseRoomModal } from '../examples/fuselage/FuselageCloseRoomModal';
import { FuselageModalRegion } from '../examples/fuselage/FuselageModalRegion';
import { createOmnichannelClient, OmnichannelProvider } from '../src';
import { afterPaint, focusOf, install, until } from './harness';
import { benchTags } from './tags';

window.reactCommits.watch = { FuselageModalRegion, FuselageCloseRoomModal };

const client = createOmnichannelClient({ baseUrl: location.origin, credentials: { userId: 'bench', authToken: 'bench' } });
const queryClient = new QueryClient();
const tags = benchTags();

const dialog = () => document.querySelector<HTMLElement>('dialog[open]');
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed querySelector
const within = <T extends Element>(selector: string) => {
  const found = dialog()?.querySelector<T>(selector);
  if (!found) throw new Error(`bench: ${selector} not found`);
  return found;
};

function Console({ rid }: { rid: string }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Close chat</Button>
      {open && (
        <FuselageModalRegion onDismiss={close}>
          <FuselageCloseRoomModal key={rid} rid={rid} tagSuggestions={tags} onClosed={close} onCancel={close} />
        </FuselageModalRegion>
      )}
    </>
  );
}

const root = createRoot(document.getElementById('root') as HTMLElement);
let room = 1;
const render = () =>
  root.render(
    <QueryClientProvider client={queryClient}>
      <OmnichannelProvider client={client}>
        <Console rid={`room-${room}`} />
      </OmnichannelProvider>
    </QueryClientProvider>,
  );
render();

install({
  async open() {
    const focused = focusOf((element) => element instanceof HTMLTextAreaElement);
    (document.querySelector('button') as HTMLButtonElement).click();
    await focused;
  },
  async close() {
    const cancel = [...(dialog()?.querySelectorAll('button') ?? [])].find((button) => button.textContent === 'Cancel');
    if (!cancel) throw new Error('bench: Cancel not found');
    cancel.click();
    await until(() => dialog() === null);
    await afterPaint();
  },
  comment: () => within<HTMLTextAreaElement>('textarea'),
  tagInput: () => within<HTMLInputElement>('[role="combobox"]'),
  options: () => [...document.querySelectorAll('[role="option"]')].map((option) => option.textContent ?? ''),
  submitButton: () => within<HTMLButtonElement>('button[type="submit"]'),
  newRoom() {
    room += 1;
    flushSync(render);
  },
});
