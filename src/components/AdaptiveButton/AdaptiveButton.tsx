import { cloneElement, forwardRef, isValidElement, useMemo, useRef, type ButtonHTMLAttributes, type CSSProperties, type ForwardedRef, type MouseEvent, type ReactElement, type ReactNode, type Ref } from 'react'
import { jsx, jsxs } from 'react/jsx-runtime'
import type { Variants } from '../../engine/variants'
import { useFailureReport } from '../../hooks/useFailSafe'
import { fill, useTemplate } from '../../hooks/useTemplate'
import { useTrack } from '../../hooks/useTrack'
import { useInitialVariant } from '../../hooks/useVariant'
import { usePlay } from '../../motion/usePlay'
import { useInitialReducedMotion, useReducedMotion } from '../../motion/useReducedMotion'
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

/** AdaptiveButton's own props: they choose what to show and are not set on the element. */
const OWN = new Set(['id', 'variants', 'experiment', 'values', 'conversion', 'asChild', 'children', 'onClick', 'style'])

type Shown = { key: string; segment: string | null; arm: string | null } | null

/**
 * The button's element for `variant` (its label filled in), with the host's
 * props. Props are copied key by key, not spread: on Node 20's V8 a spread
 * with extra keys (`{ ...props, ref }`) costs microseconds, the better part
 * of a server render of the button (issue #11).
 */
function buttonElement(props: AdaptiveButtonProps, ref: Ref<HTMLElement>, variant: ButtonVariant, decision: Shown, label: string, shimmer: boolean, sheen?: Ref<HTMLSpanElement>, onTrack?: () => void): ReactElement {
  const { asChild, children, onClick, style } = props
  const icon = variant.icon == null ? null : (
    <span aria-hidden="true" data-attune-part="icon">
      {variant.icon}
    </span>
  )
  const end = variant.iconPosition === 'end'
  const text = <span data-attune-part="label">{label}</span>
  const glint = shimmer && <span ref={sheen} aria-hidden="true" data-attune-part="sheen" style={SHEEN} />
  const element: Record<string, unknown> = asChild ? {} : { type: 'button' }
  for (const name in props) if (!OWN.has(name)) element[name] = props[name as keyof AdaptiveButtonProps]
  element.ref = ref
  element.onClick = (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event)
    // As in Radix: a handler that prevents the default opts out of ours.
    if (!event.defaultPrevented) onTrack?.()
  }
  element['data-attune'] = 'button'
  element['data-variant'] = decision?.key ?? 'default'
  element['data-segment'] = decision?.segment ?? undefined
  element['data-arm'] = decision?.arm ?? undefined
  element['data-tone'] = variant.tone ?? 'primary'
  // The sheen is clipped to the button.
  element.style = shimmer ? { position: 'relative', overflow: 'hidden', ...style } : style
  if (asChild) {
    element.children = isValidElement(children) ? cloneElement(children, undefined, !end && icon, text, end && icon, glint) : children
    return jsx(Slot, element)
  }
  element.children = [!end && icon, text, end && icon, glint]
  // What compiled JSX calls, given the props object as it is: React 19 keeps
  // it as the element's props, where createElement would copy it again.
  return jsxs('button', element)
}

/** buttonElement in the browser: its animation played when the variant appears, its refs composed. */
function useButtonElement(props: AdaptiveButtonProps, ref: ForwardedRef<HTMLButtonElement>, variant: ButtonVariant, decision: Shown, label: string, onTrack?: () => void): ReactElement {
  const reduced = useReducedMotion()
  // Only with a live decision (the fallback does not animate), and never under
  // reduced motion: a button is already on screen, its animations only move it.
  const animation = decision && !reduced ? variant.animation : undefined
  const shimmer = animation === 'shimmer'
  const own = useRef<HTMLElement>(null)
  const sheen = useRef<HTMLSpanElement>(null)
  usePlay(shimmer ? sheen : own, animation, decision?.key ?? 'default')
  // eslint-disable-next-line react-hooks/refs -- composeRefs makes a callback ref; it reads neither ref during render
  const refs = useMemo(() => composeRefs(ref, own), [ref])
  // eslint-disable-next-line react-hooks/refs -- buttonElement sets the sheen ref on its span; it never reads it
  return buttonElement(props, refs, variant, decision, label, shimmer, sheen, onTrack)
}

interface PartProps {
  /** The AdaptiveButton's props, as given. */
  button: AdaptiveButtonProps
  /** Its forwarded ref. */
  buttonRef: ForwardedRef<HTMLButtonElement>
}

function LiveButton({ button, buttonRef }: PartProps) {
  const { id, conversion } = button
  const decision = useAdaptive('AdaptiveButton', id, button.variants, checkButtonVariant, button.experiment)
  const label = useTemplate(button.values)(decision.variant.label)
  const track = useTrack(decision.safe)
  const onTrack = () => track.click(id, conversion ?? `${id}:click`)
  return useButtonElement(button, buttonRef, decision.variant, decision, label, onTrack)
}

/** The default variant without the engine: its label filled from `values` alone. */
function FallbackButton({ button, buttonRef }: PartProps) {
  const fallback = button.variants?.default
  const label = useTemplate(button.values, { traits: false })(typeof fallback?.label === 'string' ? fallback.label : '')
  return useButtonElement(button, buttonRef, fallback, null, label)
}

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
export const AdaptiveButton = forwardRef<HTMLButtonElement, AdaptiveButtonProps>(
  // On the server (no window) the button renders what hydration shows first,
  // in one component with two context reads: no boundary, watch, effect or
  // ref that only the browser uses (issue #11). The choice is made once, so
  // every render of the page calls the same hooks.
  typeof window === 'undefined'
    ? function AdaptiveButton(props, ref) {
        const [found, traits] = useInitialVariant(props.id, props.variants, props.experiment)
        // An invalid variant: `default` instead, as useAdaptive shows (its report waits for a commit the server never makes).
        const decision = checkButtonVariant(found.variant) ? { variant: props.variants.default, key: 'default', segment: null, arm: found.arm } : found
        const { variant } = decision
        return buttonElement(props, ref, variant, decision, fill(variant.label, traits, props.values), !useInitialReducedMotion() && variant.animation === 'shimmer')
      }
    : function AdaptiveButton(props, ref) {
        // The boundary only reports: LiveButton's decision hooks make the fail-safe that guards the engine.
        const safe = useFailureReport(componentName('AdaptiveButton', props.id))
        // The fallback is made only if it is needed, not on every render.
        return (
          <Isolation safe={safe} fallback={() => <FallbackButton button={props} buttonRef={ref} />}>
            <LiveButton button={props} buttonRef={ref} />
          </Isolation>
        )
      },
)
