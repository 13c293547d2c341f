import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { Duration } from '../../core/duration'
import type { NudgeCaps } from '../../engine/fatigue'
import type { Decision, Variants } from '../../engine/variants'
import { useDuration } from '../../hooks/useDuration'
import { useFailSafe, type FailSafe } from '../../hooks/useFailSafe'
import { useHosts } from '../../hooks/useHosts'
import { useNudge, type Nudge } from '../../hooks/useNudge'
import { useNudgeMessage } from '../../hooks/useNudgeMessage'
import { useTemplate, type Fill } from '../../hooks/useTemplate'
import { useTrack } from '../../hooks/useTrack'
import { Isolation } from '../shared/Isolation'
import { componentName, useAdaptive } from '../shared/useAdaptive'
import { VIEWPORT_KEY, ViewportHost } from './NudgeViewport'
import { toastStore, type CloseCause, type ToastContent, type ToastStore } from './store'
import { checkToastVariant, type ToastVariant } from './variant'

export interface NudgeToastProps {
  /** The nudge's id in the engine: its caps, history, variant and message rotation. */
  id: string
  /** What to show, by `default`, segment, arm or `segment+arm`. */
  variants: Variants<ToastVariant>
  /** The id of the segment the visitor must be in; without `trigger`, entering it opens the toast. */
  segment?: string
  /** A custom event (such as `exit_intent`) that opens the toast when tracked. */
  trigger?: string
  /** Caps for this nudge, over the configured ones. */
  cap?: NudgeCaps
  /** The experiment whose arm picks the variant. */
  experiment?: string
  /** Values for the templates, over the visitor's traits. */
  values?: Record<string, unknown>
  /** How long it stays (`8000`, `"8s"`), paused while hovered or focused; at least (and by default) 5 s. `Infinity` keeps it until closed. */
  duration?: Duration
  /** Shows "Helpful" and "Not helpful" buttons; not helpful stops this nudge for the visitor. */
  feedback?: boolean
  /** Called when the visitor takes the variant's action (which also tracks `"<id>:action"`). */
  onAction?: () => void
  /** The close button's accessible name. Default `"Dismiss"`. */
  closeLabel?: string
  /** The feedback group's name. Default `"Was this helpful?"`. */
  feedbackLabel?: string
  /** Default `"Helpful"`. */
  helpfulLabel?: string
  /** Default `"Not helpful"`. */
  notHelpfulLabel?: string
}

/**
 * The shortest time a toast stays: WCAG 2.2.1 (Timing Adjustable) asks that
 * content not vanish before people can read it; 5 s is Radix's default.
 */
export const MIN_DURATION_MS = 5000

function contentOf(variant: ToastVariant, decision: Omit<Decision<unknown>, 'variant'>, message: string, fill: Fill): ToastContent {
  return {
    title: variant.title ? fill(variant.title) : null,
    message,
    action: variant.action ? { label: fill(variant.action.label), altText: fill(variant.action.altText) } : null,
    tone: variant.tone ?? 'neutral',
    animation: variant.animation ?? 'slide-in',
    variant: decision.key,
    segment: decision.segment,
    arm: decision.arm,
  }
}

/** The default variant's texts, filled from `values` alone: what shows when the engine cannot give the message. */
function fallbackContent(fallback: ToastVariant, fill: Fill): ToastContent {
  const first = typeof fallback.message === 'string' ? fallback.message : fallback.message[0]
  return contentOf(fallback, { key: 'default', segment: null, arm: null }, fill(first ?? ''), fill)
}

/** The time a toast stays: `Infinity`, or the duration given, never under the minimum. */
function useShownFor(id: string, duration: Duration | undefined): number {
  const ms = useDuration(duration === Infinity ? undefined : duration, MIN_DURATION_MS, __DEV__ ? `<NudgeToast id="${id}"> duration` : '')
  return duration === Infinity ? Infinity : Math.max(MIN_DURATION_MS, ms)
}

interface OpenProps extends NudgeToastProps {
  toastKey: string
  store: ToastStore
  nudge: Nudge
  settle: () => void
}

/** One opening: decides the variant (its exposure counts now, when it shows), fixes the texts, publishes the toast. Renders nothing in place. */
function OpenToast({ toastKey, store, nudge, settle, ...props }: OpenProps) {
  const { id, variants, experiment, values, duration, feedback = false, onAction } = props
  const { closeLabel = 'Dismiss', feedbackLabel = 'Was this helpful?', helpfulLabel = 'Helpful', notHelpfulLabel = 'Not helpful' } = props
  const decision = useAdaptive('NudgeToast', id, variants, checkToastVariant, experiment)
  const fill = useTemplate(values)
  const fillDefault = useTemplate(values, { traits: false })
  const message = useNudgeMessage(id, decision.variant.message, { values, safe: decision.safe })
  // Fixed for this opening: a re-render must not change the text under the reader's eyes.
  const [content] = useState(() => (message ? contentOf(decision.variant, decision, message.text, fill) : fallbackContent(variants.default, fillDefault)))
  const track = useTrack(decision.safe)
  const shownFor = useShownFor(id, duration)

  const action = useRef(onAction)
  useEffect(() => {
    action.current = onAction
  })
  const { dismiss, feedback: giveFeedback } = nudge
  const onClose = useCallback(
    (cause: CloseCause) => {
      if (cause === 'dismiss') dismiss()
      else if (cause === 'helpful' || cause === 'not-helpful') giveFeedback(cause)
      else {
        settle()
        if (cause === 'action') track.event(`${id}:action`)
      }
      if (cause === 'action') action.current?.()
    },
    [dismiss, giveFeedback, id, settle, track],
  )

  useEffect(() => {
    store.publish({
      ...content,
      key: toastKey,
      open: true,
      duration: shownFor,
      feedback,
      labels: { close: closeLabel, feedback: feedbackLabel, helpful: helpfulLabel, notHelpful: notHelpfulLabel },
      onClose,
    })
  }, [store, toastKey, content, shownFor, feedback, closeLabel, feedbackLabel, helpfulLabel, notHelpfulLabel, onClose])
  // Closing keeps the content in the store, for the exit.
  useEffect(() => () => store.close(toastKey), [store, toastKey])
  return null
}

function LiveToast(props: NudgeToastProps & { toastKey: string; store: ToastStore; safe: FailSafe }) {
  const { id, segment, trigger, cap, safe } = props
  const nudge = useNudge(id, { segment, trigger, cap, safe })
  // Taking the action, or letting it time out, is not a dismissal: it must
  // not double the cooldown, so it closes without recording anything.
  return nudge.open ? <OpenToast {...props} nudge={nudge} settle={nudge.close} /> : null
}

/**
 * A nudge as a toast (Radix Toast): it opens when its trigger fires or its
 * segment is entered and the caps allow (`useNudge`), with the message of
 * the visitor's variant, an optional action, optional "helpful / not
 * helpful" feedback and a close button. Swipe, Escape and the F8 hotkey work
 * as Radix provides; it stays at least 5 s, paused on hover and focus.
 *
 * It renders nothing in place: it appears in the one NudgeViewport (the
 * provider's default, or the one you place), whose live region exists from
 * the start so that screen readers announce the first toast too.
 *
 * When personalization fails it shows its `default` variant, and the
 * provider's `onError` hears of it once.
 */
export function NudgeToast(props: NudgeToastProps) {
  const hosts = useHosts()
  const safe = useFailSafe(componentName('NudgeToast', props.id))
  const toastKey = useId()
  const store = toastStore(hosts)
  // On mount, not on opening: the viewport's live region must be in place before the first toast.
  useEffect(() => hosts?.need(VIEWPORT_KEY, <ViewportHost />), [hosts])
  useEffect(() => () => store.remove(toastKey), [store, toastKey])
  return (
    // Without the engine nothing can say when, or whether, to show it: the fallback is a closed toast, which shows nothing.
    <Isolation safe={safe} fallback={null}>
      <LiveToast {...props} toastKey={toastKey} store={store} safe={safe} />
    </Isolation>
  )
}
