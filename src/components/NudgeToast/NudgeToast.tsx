import { useCallback, useContext, useEffect, useId, useRef, useState } from 'react'
import type { NudgeCaps } from '../../engine/fatigue'
import { renderTemplate } from '../../engine/templates'
import type { Decision, Variants } from '../../engine/variants'
import type { DecisionAttune } from '../../engine/with-decisions'
import { useNudge, type Nudge } from '../../hooks/useNudge'
import { HostsContext, SettingsContext, useDecisions } from '../../providers/AttuneContext'
import { Isolation } from '../shared/Isolation'
import { useAdaptive } from '../shared/useAdaptive'
import { VIEWPORT_KEY, ViewportHost } from './NudgeViewport'
import { toastStore, type CloseCause, type ToastContent, type ToastStore } from './store'
import { checkToastVariant, type ToastVariant } from './variant'

export interface NudgeToastProps {
  /** The nudge's id in the engine: its caps, history, variant and message rotation. */
  id: string
  /** What to show, by `default`, segment, arm or `segment+arm`. */
  variants: Variants<ToastVariant>
  /** The segment the visitor must be in; without `trigger`, entering it opens the toast. */
  when?: string
  /** A custom event (such as `exit_intent`) that opens the toast when tracked. */
  trigger?: string
  /** Caps for this nudge, over the configured ones. */
  cap?: NudgeCaps
  /** The experiment whose arm picks the variant. */
  experiment?: string
  /** Values for the templates, over the visitor's traits. */
  values?: Record<string, unknown>
  /** How long it stays, in ms, paused while hovered or focused; at least (and by default) 5000. `Infinity` keeps it until closed. */
  duration?: number
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

const durationOf = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? MIN_DURATION_MS : Math.max(MIN_DURATION_MS, ms))

interface Opened {
  content: ToastContent
  /** The message's index in its rotation; -1 without the engine. */
  index: number
  /** Why the engine could not fill it, when it could not. */
  failure: { error: unknown } | null
}

type Fill = (template: string) => string

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

/** The texts of an opening, as plain text: through the engine, or, when it throws, the default variant filled from `values` alone. */
function compose(attune: DecisionAttune, id: string, decision: Decision<ToastVariant>, fallback: ToastVariant, values: Record<string, unknown> = {}): Opened {
  try {
    const traits = attune.getProfile().visitor.traits
    const { text, index } = attune.message(id, decision.variant.message, values)
    return { content: contentOf(decision.variant, decision, text, (t) => renderTemplate(t, { ...traits, ...values })), index, failure: null }
  } catch (error) {
    const fill: Fill = (t) => renderTemplate(t, values)
    const first = typeof fallback.message === 'string' ? fallback.message : fallback.message[0]
    return { content: contentOf(fallback, { key: 'default', segment: null, arm: null }, fill(first ?? ''), fill), index: -1, failure: { error } }
  }
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
  const attune = useDecisions('NudgeToast')
  const { report } = useContext(SettingsContext)
  const decision = useAdaptive('NudgeToast', id, variants, checkToastVariant, experiment)
  const { name } = decision
  // Fixed for this opening: after messageShown, message() gives the next one,
  // and a re-render must not change the text under the reader's eyes.
  const [opened] = useState(() => compose(attune, id, decision, variants.default, values))

  useEffect(() => {
    try {
      if (opened.failure) throw opened.failure.error
      attune.messageShown(id, opened.index)
    } catch (error) {
      report(name, error)
    }
  }, [attune, id, name, opened, report])

  const action = useRef(onAction)
  useEffect(() => {
    action.current = onAction
  })
  const { dismiss, feedback: giveFeedback } = nudge
  const onClose = useCallback(
    (cause: CloseCause) => {
      try {
        if (cause === 'dismiss') dismiss()
        else if (cause === 'helpful' || cause === 'not-helpful') giveFeedback(cause)
        else {
          settle()
          if (cause === 'action') attune.track(`${id}:action`)
        }
      } catch (error) {
        report(name, error)
      }
      if (cause === 'action') action.current?.()
    },
    [attune, dismiss, giveFeedback, id, name, report, settle],
  )

  useEffect(() => {
    store.publish({
      ...opened.content,
      key: toastKey,
      open: true,
      duration: durationOf(duration),
      feedback,
      labels: { close: closeLabel, feedback: feedbackLabel, helpful: helpfulLabel, notHelpful: notHelpfulLabel },
      onClose,
    })
  }, [store, toastKey, opened, duration, feedback, closeLabel, feedbackLabel, helpfulLabel, notHelpfulLabel, onClose])
  // Closing keeps the content in the store, for the exit.
  useEffect(() => () => store.close(toastKey), [store, toastKey])
  return null
}

function LiveToast(props: NudgeToastProps & { toastKey: string; store: ToastStore }) {
  const { id, when, trigger, cap } = props
  const nudge = useNudge(id, { when, trigger, cap })
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
  const hosts = useContext(HostsContext)
  const { report } = useContext(SettingsContext)
  const toastKey = useId()
  const store = toastStore(hosts)
  // On mount, not on opening: the viewport's live region must be in place before the first toast.
  useEffect(() => hosts?.need(VIEWPORT_KEY, <ViewportHost />), [hosts])
  useEffect(() => () => store.remove(toastKey), [store, toastKey])
  return (
    // Without the engine nothing can say when, or whether, to show it: the fallback is a closed toast, which shows nothing.
    <Isolation component={`<NudgeToast id="${props.id}">`} report={report} fallback={null}>
      <LiveToast {...props} toastKey={toastKey} store={store} />
    </Isolation>
  )
}
