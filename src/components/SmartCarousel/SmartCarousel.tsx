import type { Transition } from 'framer-motion'
import { forwardRef, useCallback, useId, useMemo, useRef, useState, type HTMLAttributes, type ReactNode, type SyntheticEvent } from 'react'
import type { Variants } from '../../engine/variants'
import { useAffinityOrder } from '../../hooks/useAffinityOrder'
import { useFailSafe } from '../../hooks/useFailSafe'
import { useTrack } from '../../hooks/useTrack'
import { LayoutFlip } from '../../motion/LayoutFlip'
import { motionPreset } from '../../motion/presets'
import { useReducedMotion } from '../../motion/useReducedMotion'
import { useSlide } from '../../motion/useSlide'
import { Isolation } from '../shared/Isolation'
import { composeRefs } from '../shared/Slot'
import { componentName, useAdaptive } from '../shared/useAdaptive'
import { DEFAULT_CAROUSEL_LABEL, DEFAULT_CAROUSEL_LABELS, type CarouselLabels } from './labels'
import { useCarousel } from './useCarousel'
import { checkCarouselVariant, resolveCarouselVariant, type CarouselVariant, type ResolvedCarouselVariant } from './variant'

/** One slide of a SmartCarousel. */
export interface CarouselItem {
  /** Unique among the items: it keys the slide through reorders. */
  id: string
  /**
   * What the visitor's interest is read for: behavior recorded under this
   * key, or `category:anything`, counts toward it (see `orderByAffinity`).
   */
  category: string
  content: ReactNode
  /** A short name of the slide's content, added to the slide's accessible name ("2 of 5: Running shoes"). */
  label?: string
}

export interface SmartCarouselProps extends Omit<HTMLAttributes<HTMLElement>, 'id' | 'children'> {
  /** The component's id in the engine: its variant history. Not set on the element. */
  id: string
  /** The slides, in the order to show when the visitor's behavior says nothing. */
  items: readonly CarouselItem[]
  /** How it behaves, by `default`, segment, arm or `segment+arm`. */
  variants: Variants<CarouselVariant>
  /** The experiment whose arm picks the variant. */
  experiment?: string
  /** The carousel's accessible name (APG: a labelled region). Default "Featured items"; ignored when `aria-labelledby` names it. */
  label?: string
  /** Strings to translate; each has an English default. */
  labels?: Partial<CarouselLabels>
  /** Show "Based on your recent interest" (`labels.reason`) when the order is personal; default true. */
  showReason?: boolean
  /** Record a click in a slide as `clicks["<category>:<id>"]`, so choices feed the order; default true. */
  trackClicks?: boolean
}

/** Long enough to see which way the slides went, short enough not to be waited for. */
const SLIDE_TRANSITION: Transition = { type: 'tween', duration: 0.35, ease: 'easeOut' }

interface ViewProps extends SmartCarouselProps {
  variant: ResolvedCarouselVariant
  decision: { key: string; segment: string | null; arm: string | null } | null
  /** The visitor's order, as item ids; null keeps the given one. */
  personal: readonly string[] | null
  onItemClick?: (item: CarouselItem) => void
}

/** The items in the order of `ids`; items it does not name follow, in the given order. */
function arrange(items: readonly CarouselItem[], ids: readonly string[] | null): readonly CarouselItem[] {
  if (ids === null) return items
  const byId = new Map(items.map((item) => [item.id, item]))
  const ordered: CarouselItem[] = []
  for (const id of ids) {
    const item = byId.get(id)
    if (item) {
      ordered.push(item)
      byId.delete(id)
    }
  }
  for (const item of items) if (byId.has(item.id)) ordered.push(item)
  return ordered
}

/** Runs the host's handler, then ours unless the host prevented the default (as Radix does). */
function chain<E extends SyntheticEvent>(theirs: ((event: E) => void) | undefined, ours: (event: E) => void): (event: E) => void {
  return (event) => {
    theirs?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}

/**
 * The carousel's markup. Past the house's 80 lines on purpose: one tree
 * (region, live region, track of slides, controls) whose parts share the
 * carousel's state and the host's props; most of its lines are JSX that
 * reads in the order it renders. Issue 13 reworks this view (reflow of the
 * controls, slides per view from a minimum width, the reason as text).
 */
const CarouselView = forwardRef<HTMLElement, ViewProps>(function CarouselView(props, ref) {
  const {
    id: _id,
    variants: _variants,
    experiment: _experiment,
    trackClicks: _trackClicks,
    items,
    label = DEFAULT_CAROUSEL_LABEL,
    labels: custom,
    showReason = true,
    variant,
    decision,
    personal,
    onItemClick,
    onPointerEnter,
    onPointerLeave,
    onPointerDownCapture,
    onFocus,
    onBlur,
    onKeyDown,
    ...rest
  } = props
  const labels = useMemo<CarouselLabels>(() => ({ ...DEFAULT_CAROUSEL_LABELS, ...custom }), [custom])
  const reduced = useReducedMotion()
  const reasonId = useId()
  const carousel = useCarousel({ count: items.length, perView: variant.perView, autoplay: variant.autoplay, interval: variant.interval, reduced, labels })

  // A new order waits while the visitor uses the carousel: nothing moves
  // under their pointer or focus. It applies as soon as they leave.
  const [applied, setApplied] = useState(personal)
  if (!carousel.interacting && applied !== personal) setApplied(personal)
  const order = carousel.interacting ? applied : personal
  const ordered = useMemo(() => arrange(items, order), [items, order])
  const reordered = ordered.some((item, position) => item !== items[position])
  const showsReason = showReason && reordered

  // Under reduced motion a slide change and a reorder are instant.
  const reorder = motionPreset('reorder', reduced)
  const { regionProps, viewportProps, trackProps } = carousel
  const track = useRef<HTMLDivElement>(null)
  // The order as ids: a new items array in the same order is no reorder.
  const orderKey = useMemo(() => JSON.stringify(ordered.map((item) => item.id)), [ordered])
  useSlide(track, `${(-carousel.index * 100) / variant.perView}%`, reduced ? null : SLIDE_TRANSITION)

  return (
    <section
      aria-roledescription={labels.carousel}
      aria-label={rest['aria-labelledby'] ? undefined : label}
      aria-describedby={showsReason ? reasonId : undefined}
      {...rest}
      ref={composeRefs(ref, regionProps.ref)}
      onPointerEnter={chain(onPointerEnter, regionProps.onPointerEnter)}
      onPointerLeave={chain(onPointerLeave, regionProps.onPointerLeave)}
      onPointerDownCapture={chain(onPointerDownCapture, regionProps.onPointerDownCapture)}
      onFocus={chain(onFocus, regionProps.onFocus)}
      onBlur={chain(onBlur, regionProps.onBlur)}
      onKeyDown={chain(onKeyDown, regionProps.onKeyDown)}
      data-attune="carousel"
      data-variant={decision?.key ?? 'default'}
      data-segment={decision?.segment ?? undefined}
      data-arm={decision?.arm ?? undefined}
      data-density={variant.density}
      data-per-view={variant.perView}
      data-playing={carousel.playing}
      data-reordered={reordered}
    >
      {showsReason && (
        <p id={reasonId} data-attune="carousel-reason">
          {labels.reason}
        </p>
      )}
      {/* APG: the rotation control, then previous and next, come before the slides in the tab order. */}
      {carousel.navigable && (
        <div data-attune="carousel-controls">
          {carousel.hasRotation && (
            <button {...carousel.rotationProps} data-attune="carousel-rotation" data-state={carousel.rotating ? 'playing' : 'stopped'}>
              <span aria-hidden="true" data-attune-part="icon">
                {carousel.rotating ? '❚❚' : '▶'}
              </span>{' '}
              <span data-attune-part="label">{carousel.rotationLabel}</span>
            </button>
          )}
          <button {...carousel.previousProps} data-attune="carousel-prev">
            <span aria-hidden="true" data-attune-part="icon">
              ‹
            </span>{' '}
            <span data-attune-part="label">{labels.previous}</span>
          </button>
          <button {...carousel.nextProps} data-attune="carousel-next">
            <span data-attune-part="label">{labels.next}</span>{' '}
            <span aria-hidden="true" data-attune-part="icon">
              ›
            </span>
          </button>
        </div>
      )}
      <div {...viewportProps} data-attune="carousel-viewport">
        <div {...trackProps} ref={track} data-attune="carousel-track">
          {ordered.map((item, position) => (
            <div
              key={item.id}
              {...carousel.slideProps(position, item.label)}
              data-attune="carousel-slide"
              data-state={carousel.isHidden(position) ? 'hidden' : 'visible'}
              data-category={item.category}
              onClick={onItemClick && (() => onItemClick(item))}
            >
              {item.content}
            </div>
          ))}
        </div>
        <LayoutFlip container={track} order={orderKey} transition={reorder?.layout ? (reorder.transition ?? null) : null} />
      </div>
    </section>
  )
})

const LiveCarousel = forwardRef<HTMLElement, SmartCarouselProps>(function LiveCarousel(props, ref) {
  const { id, items, variants, experiment, trackClicks = true } = props
  const decision = useAdaptive('SmartCarousel', id, variants, checkCarouselVariant, experiment)
  const variant = resolveCarouselVariant(decision.variant)
  const { safe } = decision
  // Re-renders only when the order itself changes.
  const personal = useAffinityOrder(items, { enabled: variant.personalize, safe })
  const track = useTrack(safe)
  const onItemClick = useCallback((item: CarouselItem) => track.click(`${item.category}:${item.id}`), [track])
  return <CarouselView {...props} ref={ref} variant={variant} decision={decision} personal={personal} onItemClick={trackClicks ? onItemClick : undefined} />
})

/**
 * A carousel that puts first what the visitor has shown interest in (decayed
 * dwell, hovers, clicks and events per category; see `orderByAffinity`),
 * with "Based on your recent interest" shown when it does. Its variant, per
 * segment or arm, sets slides per view, autoplay, interval, density and
 * whether to personalize.
 *
 * Follows the WAI-ARIA APG carousel pattern: a labelled region, slides as
 * groups named "n of m", previous and next buttons, a rotation control,
 * pause on hover and focus, no autoplay under reduced motion; plus arrow
 * keys, Home and End, swipe and drag. A new order animates as a layout
 * animation (instant under reduced motion), and waits while the visitor
 * hovers, focuses or presses the carousel.
 *
 * Parts for styling: `data-attune="carousel"` (with `data-variant`,
 * `data-segment`, `data-arm`, `data-density`, `data-per-view`,
 * `data-playing`, `data-reordered`), `carousel-reason`, `carousel-controls`,
 * `carousel-rotation`, `carousel-prev`, `carousel-next`, `carousel-viewport`,
 * `carousel-track`, `carousel-slide` (`data-state` visible or hidden).
 *
 * When personalization fails it shows its `default` variant in the given
 * order, and the provider's `onError` hears of it once.
 */
export const SmartCarousel = forwardRef<HTMLElement, SmartCarouselProps>(function SmartCarousel(props, ref) {
  const safe = useFailSafe(componentName('SmartCarousel', props.id))
  return (
    <Isolation
      safe={safe}
      fallback={<CarouselView {...props} ref={ref} variant={resolveCarouselVariant(props.variants?.default)} decision={null} personal={null} />}
    >
      <LiveCarousel {...props} ref={ref} />
    </Isolation>
  )
})
