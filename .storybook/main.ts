import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: {
    // The machines that run Storybook have no internet: no telemetry, no update checks.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  viteFinal(config) {
    // vite.config.ts is merged in; its declaration plugin must not rewrite dist/ on every Storybook build.
    // vite-plugin-dts 4 named it `vite:dts`; 5 is unplugin-dts, named `unplugin-dts`.
    const declarations = (name: string) => name.startsWith('vite:dts') || name === 'unplugin-dts'
    config.plugins = (config.plugins ?? []).flat().filter((plugin) => !(plugin && typeof plugin === 'object' && 'name' in plugin && declarations(String(plugin.name))))
    return config
  },
}

export default config
