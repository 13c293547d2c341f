import { cloneElement, isValidElement, useLayoutEffect, useRef, type CSSProperties, type ReactElement, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import type { Duration } from '../../core/duration'
import type { NudgeCaps } from '../../engine/fatigue'
import type { Decision, Variants } from '../../engine/variants'
import { useDuration } from '../../hooks/useDuration'
import { useFailSafe } from '../../hooks/useFailSafe'
import { useHoverIntent } from '../../hooks/useHoverIntent'
import { useNudgeCaps } from '../../hooks/useNudgeCaps'
import { useTemplate } from '../../hooks/useTemplate'
import { motionPreset } from '../../motion/presets'
import { useEntrance } from '../../motion/useEntrance'
import { useReducedMotion } from '../../motion/useReducedMotion'
import { Isolation } from '../shared/Isolation'
import { Slot } from '../shared/Slot'
import { componentName, useAdaptive } from '../shared/useAdaptive'
import { HINT_DELAY_MS, useHint, type Hint, type HintOptions, type HintState } from './useHint'
import { checkHintVariant, type HintVariant } from './variant'

export interface AdaptiveHintProps {
  /** The hint's id in the engine: its variant history, its caps (as a nudge), and the hover it records (`hover[id]`). */
  id: string
  /** What the hint says, by `default`, segment, arm or `segment+arm`. */
  variants: Variants<HintVariant>
  /** The experiment whose arm picks the variant. */
  experiment?: string
  /** Values for the text's template, over the visitor's traits. */
  values?: Record<string, unknown>
  /** How long the pointer rests on the target before the hint shows (`500`, `"1s"`). Default 500 ms (`HINT_DELAY_MS`, the hover intent threshold). */
  delay?: Duration
  /** Caps, as for a nudge, over the ones configured for `id`: by default once per session, with a 10-minute cooldown that each Escape doubles. */
  cap?: NudgeCaps
  /** The target: one element, which receives focus (a button, a link) and forwards its ref and props, such as `<button>Pricing</button>`. */
  children: ReactElement
}

/** Space between the target and the hint, in px: close enough for the pointer to cross within the grace time. */
const GAP_PX = 4
/** The least space kept between the hint and the viewport's edges, in px. */
const VIEWPORT_MARGIN_PX = 8

/**
 * The hint's inline style: only what it needs to be legible and in place
 * without a stylesheet. It floats (fixed, placed by script) so it never
 * changes the layout around the target; an opaque surface and a border
 * keep it legible over the page. Colors follow the theme (`attune/styles.css`)
 * and, without it, the system colors, readable in light, dark and forced
 * colors modes. Each can be themed through a CSS variable.
 */
const HINT_STYLE: CSSProperties = {
  position: 'fixed',
  zIndex: 'var(--attune-hint-z-index, 1000)',
  background: 'var(--attune-hint-bg, var(--attune-surface-bg, Canvas))',
  color: 'var(--attune-hint-fg, var(--attune-surface-fg, CanvasText))',
  border: 'var(--attune-hint-border, 1px solid var(--attune-border, currentColor))',
}

/**
 * Places the hint below the target, or above when it fits there and not
 * below, kept inside the viewport. Sizes are layout sizes (offsetWidth), not
 * transformed ones: a `pop` entrance scales the hint while it runs.
 */
function place(target: Element, hint: HTMLElement) {
  const anchor = target.getBoundingClientRect()
  const width = hint.offsetWidth
  const height = hint.offsetHeight
  const viewportWidth = document.documentElement.clientWidth
  const viewportHeight = document.documentElement.clientHeight
  const below = anchor.bottom + GAP_PX
  const above = anchor.top - GAP_PX - height
  const side = below + height > viewportHeight && above >= 0 ? 'top' : 'bottom'
  const left = Math.max(VIEWPORT_MARGIN_PX, Math.min(anchor.left, viewportWidth - width - VIEWPORT_MARGIN_PX))
  hint.style.top = `${side === 'bottom' ? below : above}px`
  hint.style.left = `${left}px`
  hint.dataset.side = side
}

interface PopupProps {
  hint: Hint
  target: RefObject<HTMLElement | null>
  text: string
  variant: HintVariant
  decision: Decision<HintVariant> | null
}

/** The hint itself, in a portal: its own layer, whatever clips or transforms the target's ancestors. */
function HintPopup({ hint, target, text, variant, decision }: PopupProps) {
  const ref = useRef<HTMLDivElement>(null)
  const reduced = useReducedMotion()
  // Before the first paint, and again as anything scrolls, the window resizes or the text changes (its size): no frame shows it elsewhere.
  useLayoutEffect(() => {
    const element = ref.current
    const anchor = target.current
    if (!element || !anchor) return
    const update = () => place(anchor, element)
    update()
    window.addEventListener('scroll', update, { capture: true, passive: true })
    window.addEventListener('resize', update, { passive: true })
    return () => {
      window.removeEventListener('scroll', update, { capture: true })
      window.removeEventListener('resize', update)
    }
  }, [target, text])
  // Only with a live decision: the fallback does not animate. Under reduced motion `pop` fades (see presets).
  useEntrance(ref, decision ? motionPreset(variant.animation ?? 'fade', reduced) : null)
  return createPortal(
    <div
      ref={ref}
      {...hint.hintProps}
      data-attune="hint"
      data-variant={decision?.key ?? 'default'}
      data-segment={decision?.segment ?? undefined}
      data-arm={decision?.arm ?? undefined}
      data-state={hint.state}
      style={HINT_STYLE}
    >
      {text}
    </div>,
    document.body,
  )
}

interface ViewProps extends AdaptiveHintProps {
  variant: HintVariant
  decision: Decision<HintVariant> | null
  text: string
  /** The engine's part: caps, showings and dismissals; none in the fallback. */
  controller?: Omit<HintOptions, 'delay'>
  target?: RefObject<HTMLElement | null>
  /** The delay, in ms. */
  delayMs: number
}

function HintView({ children, delayMs, variant, decision, text, controller, target }: ViewProps) {
  const own = useRef<HTMLElement>(null)
  const targetRef = target ?? own
  // A template that fills to nothing describes nothing: no hint then.
  const canShow = () => text.trim() !== '' && (controller?.canShow?.() ?? true)
  const hint = useHint({ ...controller, canShow, delay: delayMs })
  const { 'aria-describedby': describedBy, ...handlers } = hint.targetProps
  // The target keeps a description of its own: the hint's id joins it (the slot would let the child's win).
  const ownDescription = (children.props as { 'aria-describedby'?: string })['aria-describedby']
  const child = describedBy && ownDescription ? cloneElement(children, { 'aria-describedby': `${ownDescription} ${describedBy}` } as object) : children
  return (
    <>
      <Slot ref={targetRef} {...handlers} aria-describedby={describedBy}>
        {child}
      </Slot>
      {hint.state !== 'closed' && <HintPopup hint={hint} target={targetRef} text={text} variant={variant} decision={decision} />}
    </>
  )
}

function LiveHint(props: AdaptiveHintProps) {
  const { id, variants, experiment, values, cap, delay } = props
  const decision = useAdaptive('AdaptiveHint', id, variants, checkHintVariant, experiment)
  const target = useRef<HTMLElement>(null)
  const delayMs = useDuration(delay, HINT_DELAY_MS, __DEV__ ? `<AdaptiveHint id="${id}"> delay` : '')
  // The hover recorded and the hint shown share one threshold.
  useHoverIntent(target, { id, delay: delayMs })
  // The engine runs in event handlers here, out of the boundary's reach: the
  // fail-safe reports its errors, and the hint behaves as without personalization.
  const caps = useNudgeCaps(id, { cap, safe: decision.safe })
  const controller = { canShow: caps.allowed, onShown: caps.shown, onDismiss: caps.dismissed }
  const text = useTemplate(values)(decision.variant.text)
  return <HintView {...props} variant={decision.variant} decision={decision} text={text} controller={controller} target={target} delayMs={delayMs} />
}

/** The default variant without the engine: uncapped, its text filled from `values` alone. */
function FallbackHint(props: AdaptiveHintProps) {
  const fallback = props.variants?.default
  const text = useTemplate(props.values, { traits: false })(typeof fallback?.text === 'string' ? fallback.text : '')
  const delayMs = useDuration(props.delay, HINT_DELAY_MS, __DEV__ ? `<AdaptiveHint id="${props.id}"> delay` : '')
  return <HintView {...props} variant={fallback} decision={null} text={text} delayMs={delayMs} />
}

/**
 * A hint on its target, shown when the pointer hesitates on it (rests for
 * `delay`) or the target gets keyboard focus, if its caps allow (as a
 * nudge's: `nudgeStatus`, counted when shown, Escape counts a dismissal).
 * While shown it is the target's description (`aria-describedby` to a
 * `role="tooltip"` element, as in the WAI-ARIA APG tooltip pattern); it
 * stays while the pointer is on the target or the hint, or focus is on the
 * target, and Escape hides it without moving focus (WCAG 1.4.13).
 *
 * ```tsx
 * <AdaptiveHint id="pricing-hint" variants={{ default: { text: 'Prices include VAT' } }}>
 *   <button type="button">Pricing</button>
 * </AdaptiveHint>
 * ```
 *
 * The target renders as it is, with no wrapper; the hint renders at the end
 * of the document (a portal), placed below the target (above when there is
 * no room), marked `data-attune="hint"` with `data-variant`, `data-segment`,
 * `data-arm`, `data-state` (`delayed-open` or `instant-open`) and `data-side`.
 *
 * When personalization fails it shows its `default` variant, uncapped, and
 * the provider's `onError` hears of it once.
 */
export function AdaptiveHint(props: AdaptiveHintProps) {
  const safe = useFailSafe(componentName('AdaptiveHint', props.id))
  if (!isValidElement(props.children)) {
    throw new Error(`[attune] <AdaptiveHint id="${props.id}"> expects one element as its child: the target the hint describes, such as <button type="button">Pricing</button>.`)
  }
  return (
    <Isolation safe={safe} fallback={<FallbackHint {...props} />}>
      <LiveHint {...props} />
    </Isolation>
  )
}

export type { HintState }
