import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import type { MockAgent } from '../src/testing';
import { StoryProviders } from '../stories/support';
import '../src/styles.css';
import '../stories/stories.css';

declare module '@storybook/react-vite' {
  interface Parameters {
    /** Who the story's client signs in as (a mock agent), or a token the server refuses. */
    agent?: Pick<MockAgent, 'userId' | 'authToken'>;
    /** The client's timeout, for the timeout story. */
    timeoutMs?: number;
  }
}

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    layout: 'centered',
    // A violation fails the story's test in `npm test`.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  decorators: [
    (Story, { parameters }) => (
      <StoryProviders agent={parameters.agent} timeoutMs={parameters.timeoutMs}>
        <Story />
      </StoryProviders>
    ),
  ],
};

export default preview;
