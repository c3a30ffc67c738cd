import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { CloseRoomDialog, CloseRoomForm, createOmnichannelClient, OmnichannelProvider } from '../src';
import '../src/styles.css';
import { afterPaint, focusOf, install, until } from './harness';
import { benchTags } from './tags';

window.reactCommits.watch = { CloseRoomDialog, CloseRoomForm };

const client = createOmnichannelClient({ baseUrl: location.origin, credentials: { userId: 'bench', authToken: 'bench' } });
const queryClient = new QueryClient();
const tags = benchTags();

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed querySelector
const within = <T extends Element>(selector: string) => {
  const found = dialog()?.querySelector<T>(selector);
  if (!found) throw new Error(`bench: ${selector} not found`);
  return found;
};

const root = createRoot(document.getElementById('root') as HTMLElement);
let room = 1;
const render = () =>
  root.render(
    <QueryClientProvider client={queryClient}>
      <OmnichannelProvider client={client}>
        <CloseRoomDialog key={room} rid={`room-${room}`} tagSuggestions={tags} trigger={<button type="button">Close chat</button>} />
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
    within<HTMLButtonElement>('button[type="button"]').click();
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
