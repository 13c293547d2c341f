import { cloneElement, forwardRef, isValidElement, useMemo, useRef, type ButtonHTMLAttributes, type CSSProperties, type MouseEvent, type ReactNode } from 'react'
import type { Variants } from '../../engine/variants'
import { useFailSafe } from '../../hooks/useFailSafe'
import { useTemplate } from '../../hooks/useTemplate'
import { useTrack } from '../../hooks/useTrack'
import { usePlay } from '../../motion/usePlay'
import { useReducedMotion } from '../../motion/useReducedMotion'
import { Isolation } from '../shared/Isolation'
import { composeRefs, Slot } from '../shared/Slot'
import { componentName, useAdaptive } from '../shared/useAdaptive'
import { checkButtonVariant, type ButtonVariant } from './variant'

export interface AdaptiveButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'id' | 'children'> {
  /** The component's id in the engine: its variant history, and the click event's name. Not set on the element. */
  id: string
  /** What to show, by `default`, segment, arm or `segment+arm`. */
  variants: Variants<ButtonVariant>
  /** The experiment whose arm picks the variant; a click is a conversion for it. */
  experiment?: string
  /** Values for the label's template, over the visitor's traits. */
  values?: Record<string, unknown>
  /** The event a click tracks (a conversion for experiments that count it). Default `"<id>:click"`. */
  conversion?: string
  /** Renders the single child element (such as a link) with the button's props and content instead of a `<button>`. */
  asChild?: boolean
  /** With `asChild`: the element to render. */
  children?: ReactNode
}

/** The sheen of `shimmer`: a band of light that crosses the button (moved by the preset). */
const SHEEN: CSSProperties = {
  position: 'absolute',
  inset: 0,
  pointerEvents: 'none',
  transform: 'translateX(-100%)',
  background: 'linear-gradient(100deg, transparent 20%, var(--attune-sheen, rgb(255 255 255 / 0.35)) 50%, transparent 80%)',
}

interface ViewProps extends AdaptiveButtonProps {
  variant: ButtonVariant
  decision: { key: string; segment: string | null; arm: string | null } | null
  label: string
  onTrack?: () => void
}

const ButtonView = forwardRef<HTMLButtonElement, ViewProps>(function ButtonView(props, ref) {
  const { id: _id, variants: _variants, experiment: _experiment, values: _values, conversion: _conversion, asChild, children, variant, decision, label, onTrack, onClick, style, ...rest } = props
  const reduced = useReducedMotion()
  // Only with a live decision (the fallback does not animate), and never under
  // reduced motion: a button is already on screen, its animations only move it.
  const animation = decision && !reduced ? variant.animation : undefined
  const shimmer = animation === 'shimmer'
  const own = useRef<HTMLElement>(null)
  const sheen = useRef<HTMLSpanElement>(null)
  usePlay(shimmer ? sheen : own, animation, decision?.key ?? 'default')
  const refs = useMemo(() => composeRefs(ref, own), [ref])
  const icon = variant.icon == null ? null : (
    <span aria-hidden="true" data-attune-part="icon">
      {variant.icon}
    </span>
  )
  const content = (
    <>
      {variant.iconPosition !== 'end' && icon}
      <span data-attune-part="label">{label}</span>
      {variant.iconPosition === 'end' && icon}
      {shimmer && <span ref={sheen} aria-hidden="true" data-attune-part="sheen" style={SHEEN} />}
    </>
  )
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event)
    // As in Radix: a handler that prevents the default opts out of ours.
    if (!event.defaultPrevented) onTrack?.()
  }
  const shared = {
    ...rest,
    ref: refs,
    onClick: handleClick,
    'data-attune': 'button',
    'data-variant': decision?.key ?? 'default',
    'data-segment': decision?.segment ?? undefined,
    'data-arm': decision?.arm ?? undefined,
    'data-tone': variant.tone ?? 'primary',
    // The sheen is clipped to the button.
    style: shimmer ? { position: 'relative' as const, overflow: 'hidden' as const, ...style } : style,
  }
  if (asChild) return <Slot {...shared}>{isValidElement(children) ? cloneElement(children, undefined, content) : children}</Slot>
  return (
    <button type="button" {...shared}>
      {content}
    </button>
  )
})

const LiveButton = forwardRef<HTMLButtonElement, AdaptiveButtonProps>(function LiveButton(props, ref) {
  const { id, variants, experiment, values, conversion } = props
  const decision = useAdaptive('AdaptiveButton', id, variants, checkButtonVariant, experiment)
  const label = useTemplate(values)(decision.variant.label)
  const track = useTrack(decision.safe)
  const onTrack = () => track.click(id, conversion ?? `${id}:click`)
  return <ButtonView {...props} ref={ref} variant={decision.variant} decision={decision} label={label} onTrack={onTrack} />
})

/** The default variant without the engine: its label filled from `values` alone. */
const FallbackButton = forwardRef<HTMLButtonElement, AdaptiveButtonProps>(function FallbackButton(props, ref) {
  const fallback = props.variants?.default
  const label = useTemplate(props.values, { traits: false })(typeof fallback?.label === 'string' ? fallback.label : '')
  return <ButtonView {...props} ref={ref} variant={fallback} decision={null} label={label} />
})

/**
 * A button whose label, tone, icon and micro-animation follow the visitor's
 * segment and experiment arm. A real `<button>` (or, with `asChild`, your
 * element) that forwards its ref and props, marked with `data-variant`,
 * `data-segment`, `data-arm` and `data-tone` for styling and analytics. A
 * click is recorded (`clicks[id]`) and tracked as a conversion event.
 *
 * When personalization fails it shows its `default` variant, and the
 * provider's `onError` hears of it once.
 */
export const AdaptiveButton = forwardRef<HTMLButtonElement, AdaptiveButtonProps>(function AdaptiveButton(props, ref) {
  const safe = useFailSafe(componentName('AdaptiveButton', props.id))
  return (
    <Isolation safe={safe} fallback={<FallbackButton {...props} ref={ref} />}>
      <LiveButton {...props} ref={ref} />
    </Isolation>
  )
})
