import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  // mockServiceWorker.js: the mock Rocket.Chat runs in the browser, offline.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // react-docgen-typescript follows the props CloseRoomDialog takes from CloseRoomForm, so the
  // prop table lists them all with their JSDoc and defaults.
  typescript: {
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  viteFinal(config) {
    // The package's vite.config.ts is in library mode; Storybook builds an app.
    if (config.build) delete config.build.lib;
    return config;
  },
};

export default config;
