import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/styles.css';
import { App } from './App';

declare const __RC_MODE__: 'mock' | 'server';

async function start() {
  if (__RC_MODE__ === 'mock') {
    // The package's own mock Rocket.Chat, in a service worker.
    const { setupWorker } = await import('msw/browser');
    const { createRocketChatMock } = await import('../../src/testing');
    const worker = setupWorker(...createRocketChatMock({ delayMs: 300 }).handlers);
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App mode={__RC_MODE__} />
    </StrictMode>,
  );
}

void start();
