import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import type { BrowserCommand } from 'vitest/node'
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs'
import { devFlag } from './scripts/dev-flag.mjs'
import { WAIT_MS } from './test/support/waits'

const chromium = findChromium()
if (!chromium) {
  // Browser tests are never skipped silently: fail before any of them run.
  throw new Error(
    'No Chromium found for the browser tests. Install it (Debian: `apt-get install -y chromium`) ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run `npm test` again.',
  )
}

/** Real mouse-wheel scrolling, through Playwright: `await commands.wheel(0, 400)`. */
const wheel: BrowserCommand<[deltaX: number, deltaY: number]> = async (context, deltaX, deltaY) => {
  if (!('page' in context)) throw new Error('the wheel command needs the Playwright provider')
  const page = context.page
  const frame = await context.frame()
  const box = await (await frame.frameElement()).boundingBox()
  // Put the pointer over the test frame, so the wheel scrolls its document.
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.wheel(deltaX, deltaY)
}

/**
 * Emulates the OS reduced-motion setting, as `prefers-reduced-motion` sees
 * it: `await commands.reducedMotion('reduce')`. framer-motion and Attune hear
 * the media query's change event; wait two frames before mounting.
 */
const reducedMotion: BrowserCommand<[value: 'reduce' | 'no-preference']> = async (context, value) => {
  if (!('page' in context)) throw new Error('the reducedMotion command needs the Playwright provider')
  await context.page.emulateMedia({ reducedMotion: value })
}

/**
 * Browser waits wait on the state they check (`expect.poll`, `expect.element`,
 * `vi.waitFor`, Testing Library's `waitFor` in play functions), for as long
 * as a loaded 2-core machine may need (test/support/waits.ts); a test may take
 * twice that. Issue 10: a fixed 10 s wait failed a clean run on a busy machine.
 */
const BROWSER_WAITS = { testTimeout: 2 * WAIT_MS, expect: { poll: { timeout: WAIT_MS, interval: 50 } } }

const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS } }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
  commands: { wheel, reducedMotion },
})

/**
 * The projects run in groups, one group after another (`sequence.groupOrder`).
 * All at once on a 2-core machine, the browser tests that time real scrolling,
 * dwell and animation frames, and the test that counts garbage collections,
 * failed now and then: they measure the machine as much as the code. The two
 * story runs share a group: they assert on outcomes, not on timings. The
 * designer's path comes last, alone: it builds (or is given) the static
 * Storybook and drives its UI in a Chromium of its own.
 */
const GROUP = { core: 0, dom: 1, browser: 2, stories: 3, designer: 4 } as const

export default defineConfig({
  plugins: [devFlag(), react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          // One group at a time (see GROUP): the allocation test counts
          // garbage collections, which a busy machine adds to.
          sequence: { groupOrder: GROUP.core },
          include: ['test/core/**/*.test.ts', 'test/ssr/**/*.test.tsx'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          sequence: { groupOrder: GROUP.dom },
          include: ['test/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['test/dom/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          sequence: { groupOrder: GROUP.browser },
          ...BROWSER_WAITS,
          browser: browser(),
        },
      },
      {
        extends: true,
        test: {
          name: 'designer',
          environment: 'node',
          include: ['test/storybook/**/*.test.ts'],
          sequence: { groupOrder: GROUP.designer },
          // Each step waits on the state it checks, for up to 45 s on a
          // loaded machine (see the test); the whole step may take that long.
          testTimeout: 120_000,
        },
      },
      // Every story, twice: as the OS would have it (no reduced motion in
      // headless Chromium) in the light theme, and with the toolbar's motion
      // set to 'reduce' in the dark theme (axe checks contrast in both).
      // The globals are pinned per project with the plugin's `initialGlobals`
      // (a story's own `globals` still win). An `import.meta.env` define did
      // not work for this: Vitest turns such defines into runtime env, and on
      // a cold cache one project's value reached the other's stories.
      ...[
        { name: 'storybook', globals: { motion: 'user', theme: 'light' } },
        { name: 'storybook (reduced motion, dark)', globals: { motion: 'reduce', theme: 'dark' } },
      ].map(({ name, globals }) => ({
        extends: true as const,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('.storybook', import.meta.url)), initialGlobals: globals })],
        test: { name, ...BROWSER_WAITS, browser: browser(), sequence: { groupOrder: GROUP.stories } },
      })),
    ],
  },
})
