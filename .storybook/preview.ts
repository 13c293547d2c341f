import type { Preview } from '@storybook/react-vite'

const preview: Preview = {
  parameters: {
    // Every story is a test (addon-vitest): an axe violation fails it.
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
}

export default preview
