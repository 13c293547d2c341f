import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import {
  checkToastVariant,
  NudgeToast,
  NudgeViewport,
  TOAST_ANIMATIONS,
  TOAST_TONES,
  useAttune,
  useScrollDepth,
  type NudgeToastProps,
  type ToastVariant,
  type Variants,
} from '../src'
import { loadToastLayer } from '../src/components/NudgeToast/loadToastLayer'
import { loadAnimations } from '../src/motion/loadAnimations'
import { entranceFrames, frame, moved, settled } from './support/motion'
import { roundTripStory } from './support/round-trip-story'
import { tuneStory } from './support/tune-story'
import type { FieldControl } from './support/variant-controls'
import { cellLabel, MATRIX_MOTIONS, VariantMatrix } from './support/variant-matrix'
import { EXPERIMENT, STRINGS, useWorkshop } from './support/workshop'

/** The custom event the "Show the nudge" button tracks. */
const TRIGGER = 'demo_nudge'

/** The workshop shows the nudge again and again: the default caps (once a session, then 10 minutes apart) would hide it after the first time. */
const CAP = { perSession: 1000, cooldown: 0 }

/**
 * One variant per segment of the workshop's rules, and one for the `bold`
 * arm of its experiment. Every variant names its tone and animation: the
 * Controls show exactly what the JSON says.
 */
const VARIANTS: Variants<ToastVariant> = {
  default: { title: 'Free shipping', message: 'Orders over {{min | 50 €}} ship free this week.', tone: 'neutral', animation: 'slide-in' },
  shopper: {
    title: 'Your cart is waiting',
    message: 'Complete your order today: your items are saved.',
    action: { label: 'View cart', altText: 'Open the cart from the header to complete your order' },
    tone: 'primary',
    animation: 'pop',
  },
  reader: { title: 'Enjoying the guide?', message: 'Save it for later with the bookmark in the header.', tone: 'success', animation: 'fade' },
  returning: { title: 'Welcome back', message: 'New arrivals since your last visit are on the home page.', tone: 'neutral', animation: 'slide-in' },
  idle: { title: 'Still there?', message: 'Your place on the page is kept.', tone: 'neutral', animation: 'none' },
  bold: { title: 'Free shipping, today only', message: 'Order by midnight and it ships free.', tone: 'warning', animation: 'pop' },
}

/** The Controls of each variant: its copy, tone and animation (the action is edited in the JSON). */
const FIELDS: Record<string, FieldControl> = { title: 'text', message: 'text', tone: TOAST_TONES, animation: TOAST_ANIMATIONS }

/**
 * The nudge in the workshop: a button that tracks its trigger, the toast
 * with the toolbar's locale, and the viewport it appears in (placed here so
 * its labels follow the locale too).
 */
function ToastStory(props: Partial<NudgeToastProps>) {
  const { attune, locale } = useWorkshop()
  const strings = STRINGS[locale]
  return (
    <>
      <button type="button" data-attune="button" data-tone="neutral" onClick={() => attune.track(TRIGGER)}>
        Show the nudge
      </button>
      <NudgeToast id="offer" trigger={TRIGGER} variants={VARIANTS} experiment={EXPERIMENT} cap={CAP} {...strings.toast} {...props} />
      <NudgeViewport {...strings.viewport} />
    </>
  )
}

const meta = {
  title: 'Components/NudgeToast',
  component: NudgeToast,
  args: { id: 'offer', trigger: TRIGGER, variants: VARIANTS, experiment: EXPERIMENT, cap: CAP },
  render: (args) => <ToastStory {...args} />,
  parameters: { layout: 'padded' },
  // Radix Toast's part of the viewport and the animation code load with a
  // page's first toast; loaded before each story, so a story shows (and its
  // play function samples) a toast as every one after the first.
  // test/dom/toast-layer.test.tsx covers the first.
  loaders: [async () => ({ toastLayer: await loadToastLayer(), animations: await loadAnimations() })],
} satisfies Meta<typeof NudgeToast>

export default meta
type Story = StoryObj<typeof meta>

const REGION = 'Notifications (F8)'
/** The default variant's message, its template filled. */
const DEFAULT_TEXT = 'Orders over 50 € ship free this week.'

/** The toast showing `text`, once its entrance has ended (axe measures contrast on what it sees: at full opacity, not mid-fade). */
async function shown(canvasElement: HTMLElement, text: string, region = REGION): Promise<HTMLElement> {
  // In the toast, not the live region (which repeats its text for screen readers).
  // The region comes with the page's first toast (Radix Toast's part loads then).
  const toasts = within(await waitFor(() => within(canvasElement).getByRole('region', { name: region })))
  await waitFor(() => expect(toasts.getByText(text)).toBeVisible())
  const toast = toasts.getByText(text).closest<HTMLElement>('[data-attune="toast"]')!
  await entered(toast)
  return toast
}

async function entered(toast: Element): Promise<void> {
  await settled(toast.querySelector('[data-attune="toast-body"]')!)
}

/** The toast body's computed transform and opacity on every frame of its entrance, from the frame it appears. */
const entrance = (canvasElement: HTMLElement) => entranceFrames(() => canvasElement.querySelector('[data-attune="toast-body"]'))

/** A visitor in no segment, in the control arm of `cta-copy`: the default variant, its template filled. */
export const Default: Story = {
  globals: { arm: 'control' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show the nudge' }))
    const toast = await shown(canvasElement, DEFAULT_TEXT)
    await expect(toast).toHaveAttribute('data-variant', 'default')
    await expect(within(toast).getByText('Free shipping')).toBeVisible()
    // The live region says it once, with its label first.
    await expect(canvasElement.querySelector('[data-attune="toast-live"]')).toHaveTextContent('NotificationFree shippingOrders over 50 € ship free this week.')
  },
}

/** The `shopper` segment (forced from the toolbar): its own copy, an action (announced by its alternative text) and the primary tone. */
export const Shopper: Story = {
  globals: { segment: 'shopper' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show the nudge' }))
    const toast = await shown(canvasElement, 'Complete your order today: your items are saved.')
    await expect(toast).toHaveAttribute('data-segment', 'shopper')
    await expect(toast).toHaveAttribute('data-tone', 'primary')
    await expect(within(toast).getByRole('button', { name: 'View cart' })).toBeVisible()
    await expect(canvasElement.querySelector('[data-attune="toast-live"]')).toHaveTextContent('Open the cart from the header to complete your order')
  },
}

/** The `bold` arm of the `cta-copy` experiment, for a visitor in no segment. */
export const BoldArm: Story = {
  globals: { arm: 'bold' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show the nudge' }))
    const toast = await shown(canvasElement, 'Order by midnight and it ships free.')
    await expect(toast).toHaveAttribute('data-arm', 'bold')
    await expect(toast).toHaveAttribute('data-variant', 'bold')
  },
}

/** "Helpful / not helpful" feedback: "Not helpful" closes it, and this visitor never sees it again. */
export const WithFeedback: Story = {
  args: { feedback: true },
  globals: { arm: 'control' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const show = canvas.getByRole('button', { name: 'Show the nudge' })
    await userEvent.click(show)
    const toast = await shown(canvasElement, DEFAULT_TEXT)
    const feedback = within(toast).getByRole('group', { name: 'Was this helpful?' })
    await userEvent.click(within(feedback).getByRole('button', { name: 'Not helpful' }))
    await waitFor(() => expect(canvasElement.querySelector('[data-attune="toast"]')).toBeNull())
    // The trigger fires again; the nudge stays suppressed (two frames is when it would have opened).
    await userEvent.click(show)
    await frame()
    await frame()
    await expect(canvasElement.querySelector('[data-attune="toast"]')).toBeNull()
  },
}

/** Several messages rotate: the next opening never repeats the one shown last. */
export const RotatingMessages: Story = {
  args: {
    variants: { default: { title: 'Tip', message: ['Press F8 to reach notifications.', 'Swipe a notification away to dismiss it.'], tone: 'neutral', animation: 'fade' } },
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const show = canvas.getByRole('button', { name: 'Show the nudge' })
    await userEvent.click(show)
    const first = await shown(canvasElement, 'Press F8 to reach notifications.')
    await userEvent.click(within(first).getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(canvasElement.querySelector('[data-attune="toast"]')).toBeNull())
    await userEvent.click(show)
    await shown(canvasElement, 'Swipe a notification away to dismiss it.')
  },
}

/** The page: long enough to scroll, with the library's scroll recording on. Past 60 % the visitor becomes a `reader`, which opens the nudge. */
function GuidePage() {
  useScrollDepth()
  const { locale } = useWorkshop()
  const strings = STRINGS[locale]
  return (
    <>
      <article style={{ maxWidth: 560 }}>
        <h2 style={{ marginTop: 0 }}>A guide to trail running</h2>
        <p>Scroll down: past 60 % of the page the visitor counts as a reader, and the reader&apos;s nudge opens.</p>
        <div style={{ minHeight: '250vh', borderInlineStart: '4px solid var(--attune-border)', paddingInlineStart: 12 }}>
          <p>Start on soft ground, shorten your stride on the climbs, and walk the steep parts: everyone does.</p>
        </div>
        <p>The end of the guide.</p>
      </article>
      <NudgeToast id="guide" segment="reader" variants={VARIANTS} cap={CAP} {...strings.toast} />
      <NudgeViewport {...strings.viewport} />
    </>
  )
}

/** The toast opens when the visitor scrolls past 60 % of the page: the `reader` segment of the workshop's rules, fed by `useScrollDepth()`. */
export const ScrollToReveal: Story = {
  render: () => <GuidePage />,
  play: async ({ canvas, canvasElement, step }) => {
    await step('at the top, no toast', async () => {
      await expect(window.scrollY).toBe(0)
      await frame()
      await expect(canvasElement.querySelector('[data-attune="toast"]')).toBeNull()
    })
    await step('scrolled to the end, the reader nudge appears', async () => {
      canvas.getByText('The end of the guide.').scrollIntoView({ block: 'end' })
      const toast = await shown(canvasElement, 'Save it for later with the bookmark in the header.')
      await expect(toast).toHaveAttribute('data-segment', 'reader')
    })
    // Back to the top: the stories after this one start there.
    window.scrollTo(0, 0)
  },
}

/** The toolbar's locale: the strings the toast and its viewport add are German (the copy is the variant's). */
export const German: Story = {
  globals: { locale: 'de', arm: 'control' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show the nudge' }))
    const toast = await shown(canvasElement, DEFAULT_TEXT, 'Benachrichtigungen (F8)')
    await expect(within(toast).getByRole('button', { name: 'Schließen' })).toBeInTheDocument()
    await expect(canvasElement.querySelector('[data-attune="toast-live"]')).toHaveTextContent(/^Hinweis/)
  },
}

/** Full motion: the shopper's toast pops in (it scales up as it fades in). */
export const FullMotion: Story = {
  globals: { segment: 'shopper', motion: 'full' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show the nudge' }))
    const frames = await entrance(canvasElement)
    await expect(frames.some((f) => f.opacity < 1)).toBe(true)
    await expect(frames.some(moved)).toBe(true)
    await shown(canvasElement, 'Complete your order today: your items are saved.')
  },
}

/** Reduced motion (toolbar): the same toast only fades in; nothing moves or scales. */
export const ReducedMotion: Story = {
  globals: { segment: 'shopper', motion: 'reduce' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show the nudge' }))
    const frames = await entrance(canvasElement)
    // The entrance was caught (it fades), and no frame of it moved.
    await expect(frames.some((f) => f.opacity < 1)).toBe(true)
    await expect(frames.filter(moved)).toEqual([])
    const toast = await shown(canvasElement, 'Complete your order today: your items are saved.')
    await expect(toast).toHaveAttribute('data-motion', 'reduce')
  },
}

/**
 * Tune each variant's copy, tone and animation in Controls, then "Show the
 * nudge" (the toolbar picks the segment and arm); "Export variants" gives the
 * JSON for the code, and "Load variants" takes an edited copy back.
 */
export const Tune: StoryObj = tuneStory({ variants: VARIANTS, fields: FIELDS, check: (variant) => checkToastVariant(variant)?.message ?? null, render: (variants) => <ToastStory variants={variants} /> })

/** Tune's round trip, as a test (hidden from the sidebar). */
export const TuneRoundTrip: StoryObj = {
  ...Tune,
  ...roundTripStory({
    variants: VARIANTS,
    refused: { json: '{ "default": { "title": "No message" } }', reason: 'Variant "default" needs a "message"' },
    // The toast, shown and dismissed: the variant this visitor is shown.
    shownKey: async ({ canvas, canvasElement, userEvent }) => {
      await userEvent.click(canvas.getByRole('button', { name: 'Show the nudge' }))
      await waitFor(() => expect(canvasElement.querySelector('[data-attune="toast"]')).not.toBeNull())
      const toast = canvasElement.querySelector<HTMLElement>('[data-attune="toast"]')!
      const key = toast.dataset.variant!
      await expect(toast).toHaveTextContent(key === 'default' ? DEFAULT_TEXT : (VARIANTS[key]!.message as string))
      await userEvent.click(within(toast).getByRole('button', { name: 'Dismiss' }))
      await waitFor(() => expect(canvasElement.querySelector('[data-attune="toast"]')).toBeNull())
      return key
    },
    edit: (key) => ({ ...VARIANTS, [key]: { ...VARIANTS[key]!, message: 'Loaded from JSON: returns are free all month.', tone: 'success' } }),
    shows: async ({ canvas, canvasElement, userEvent }, key) => {
      await userEvent.click(canvas.getByRole('button', { name: 'Show the nudge' }))
      const toast = await shown(canvasElement, 'Loaded from JSON: returns are free all month.')
      await expect(toast).toHaveAttribute('data-variant', key)
      await expect(toast).toHaveAttribute('data-tone', 'success')
    },
  }),
}

/**
 * One cell of the matrix: the variant's toast, opened at once and kept open,
 * in a viewport of its own placed in the cell (not fixed to the corner of the
 * window), so that every variant shows side by side as the real component.
 */
function MatrixToast({ variants, label }: { variants: Variants<ToastVariant>; label: string }) {
  const attune = useAttune('MatrixToast')
  const { locale } = useWorkshop()
  const strings = STRINGS[locale]
  // The toast (a child) subscribes to its trigger first: child effects run before the parent's.
  useEffect(() => void attune.track(TRIGGER), [attune])
  return (
    <>
      <NudgeToast id="matrix" trigger={TRIGGER} variants={variants} cap={CAP} duration={Infinity} {...strings.toast} />
      {/* A name of its own per cell (landmarks must be told apart), and no hotkey: F8 stays with the page. */}
      <NudgeViewport label={label} toastLabel={strings.viewport.toastLabel} hotkey={[]} style={{ position: 'static', padding: 0 }} />
    </>
  )
}

/**
 * Every variant side by side, in full and in reduced motion. Toasts normally
 * share one viewport in a corner of the window; here each cell has its own
 * visitor and its own viewport inside the cell, with the toast open, so a
 * designer compares the real toasts, entrances included (reload to replay).
 */
export const VariantMatrixStory: Story = {
  name: 'Variant matrix',
  render: () => <VariantMatrix variants={VARIANTS} render={(variants, { label }) => <MatrixToast variants={variants} label={label} />} />,
  play: async ({ canvasElement }) => {
    for (const [key, variant] of Object.entries(VARIANTS)) {
      for (const motion of MATRIX_MOTIONS) {
        const toast = await shown(canvasElement, key === 'default' ? DEFAULT_TEXT : (variant.message as string), cellLabel(key, motion))
        await expect(toast).toHaveAttribute('data-tone', variant.tone)
        await expect(toast).toHaveAttribute('data-motion', motion === 'full' ? 'full' : 'reduce')
      }
    }
  },
}
