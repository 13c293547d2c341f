import type { Decorator, Preview } from '@storybook/react-vite'
import { configure } from 'storybook/test'
import '../src/styles.css'
import { Simulator } from '../stories/support/Simulator'
import { ARMS, SEGMENTS, WorkshopPage, WorkshopProvider, type WorkshopGlobals } from '../stories/support/workshop'
import { WAIT_MS } from '../test/support/waits'

/**
 * Every story runs in the workshop: a provider honoring the toolbar. A story
 * can opt out of the provider with `parameters: { workshop: false }` (one that
 * makes its own instance); it still sits on the workshop's page, in the
 * toolbar's theme and locale.
 */
// Play functions wait on the state they check (waitFor, findBy…) for as long
// as a loaded 2-core machine may need, not Testing Library's 1 s default; a
// wait ends as soon as its state shows (issue 10).
configure({ asyncUtilTimeout: WAIT_MS })

const workshop: Decorator = (Story, { globals, parameters }) =>
  parameters.workshop === false ? (
    <WorkshopPage theme={globals.theme as WorkshopGlobals['theme']} locale={globals.locale as WorkshopGlobals['locale']}>
      <Story />
    </WorkshopPage>
  ) : (
    // A new instance when the story changes, so stories never share a visitor.
    <WorkshopProvider globals={globals} simulator={globals.simulator === 'show' ? <Simulator /> : null}>
      <Story />
    </WorkshopProvider>
  )

const menu = (title: string, icon: 'user' | 'branch' | 'play' | 'lock' | 'globe' | 'contrast' | 'lightning', items: { value: string; title: string }[]) => ({ toolbar: { title, icon, items, dynamicTitle: true } })

const preview: Preview = {
  decorators: [workshop],
  globalTypes: {
    segment: {
      description: 'The segment the visitor is in: forced, or "live" from the behavior (the simulator)',
      ...menu('Segment', 'user', [{ value: 'live', title: 'Live (from behavior)' }, { value: 'none', title: 'No segment' }, ...SEGMENTS.map((id) => ({ value: id, title: id }))]),
    },
    arm: {
      description: 'The arm of the example experiment (cta-copy)',
      ...menu('Arm', 'branch', [{ value: 'live', title: 'Live (hashed)' }, ...ARMS.map((arm) => ({ value: arm, title: arm }))]),
    },
    motion: {
      description: "The provider's motion setting",
      ...menu('Motion', 'play', [
        { value: 'user', title: 'Motion: follow the OS' },
        { value: 'reduce', title: 'Motion: reduce' },
        { value: 'full', title: 'Motion: full' },
      ]),
    },
    consent: {
      description: 'Consent: until granted, nothing is stored or sent',
      ...menu('Consent', 'lock', [
        { value: 'granted', title: 'Consent: granted' },
        { value: 'pending', title: 'Consent: pending' },
        { value: 'denied', title: 'Consent: denied' },
      ]),
    },
    locale: { description: 'Language of the strings the components add', ...menu('Locale', 'globe', [{ value: 'en', title: 'English' }, { value: 'de', title: 'Deutsch' }]) },
    simulator: {
      description: 'The behavior simulator beside the story: push signals, watch segments change, read why',
      ...menu('Simulator', 'lightning', [{ value: 'hide', title: 'Simulator: hidden' }, { value: 'show', title: 'Simulator: shown' }]),
    },
    theme: { description: 'Light or dark theme of attune/styles.css', ...menu('Theme', 'contrast', [{ value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }]) },
  },
  // The story tests run once more with motion 'reduce' and the dark theme (vitest.config.ts).
  initialGlobals: { segment: 'live', arm: 'live', motion: 'user', consent: 'granted', locale: 'en', theme: 'light', simulator: 'hide' },
  parameters: {
    // Every story is a test (addon-vitest): an axe violation fails it.
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
}

export default preview
