import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  version,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type RefObject,
} from 'react'
import type { CarouselLabels } from './labels'

/**
 * A swipe must travel this far sideways (and more sideways than down) to
 * change slides: shorter moves are taps, jitter, or the start of a vertical
 * scroll. About the width of a fingertip, as in most touch carousels.
 */
export const SWIPE_THRESHOLD_PX = 40

/**
 * Elements inside a slide for which the arrow keys, Home and End already mean
 * something (text editing, sliders, composite widgets): the carousel leaves
 * those keys to them.
 */
const OWN_ARROW_KEYS =
  'input, textarea, select, audio, video, [contenteditable]:not([contenteditable="false"]), ' +
  '[role="slider"], [role="spinbutton"], [role="tablist"], [role="listbox"], [role="menu"], [role="menubar"], ' +
  '[role="radiogroup"], [role="grid"], [role="treegrid"], [role="tree"], [role="toolbar"]'

/** Layout effects run in the browser only; on the server (React 18 warns there) a plain effect, which never runs, stands in. */
const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/**
 * React 19 takes `inert` as a boolean; React 18 passes unknown attributes
 * through as strings, where an empty string turns it on.
 */
const INERT_IS_BOOLEAN = Number.parseInt(version, 10) >= 19
const inert = (on: boolean): object => (INERT_IS_BOOLEAN ? { inert: on } : on ? { inert: '' } : {})

/** Whether rotation is on: `auto` until the visitor decides, then what they chose. */
type Rotation = 'auto' | 'stopped' | 'started'

export interface CarouselOptions {
  /** Number of slides. */
  count: number
  /** Slides shown at once. */
  perView: number
  /** Whether the variant rotates the slides by themselves. */
  autoplay: boolean
  /** Time each slide shows while rotating, in ms. */
  interval: number
  /** Reduced motion: rotation starts stopped (the rotation control can still start it, as in the APG example). */
  reduced: boolean
  labels: CarouselLabels
}

/** The behavior and ARIA of a carousel, as props to spread (react-aria style). */
export interface CarouselState {
  /** Position of the first slide in view. */
  index: number
  /** Whether the slides are rotating right now (rotation on, and no hover or press pausing it). */
  playing: boolean
  /** Whether rotation is on (what the rotation control shows), paused or not. */
  rotating: boolean
  /** Whether there is a rotation control: the variant autoplays and there is somewhere to go. */
  hasRotation: boolean
  /** Whether there is more than fits in view, so the previous and next buttons are shown. */
  navigable: boolean
  /** Hover, focus within or a pointer pressed: the visitor is using the carousel, so nothing may move under them. */
  interacting: boolean
  /** Whether the slide at this position is out of view (hidden from assistive technology, out of the tab order). */
  isHidden: (position: number) => boolean
  /** For the carousel's region (`section`): hover, focus and key handling. */
  regionProps: {
    ref: (node: HTMLElement | null) => void
    onPointerEnter: (event: PointerEvent<HTMLElement>) => void
    onPointerLeave: (event: PointerEvent<HTMLElement>) => void
    onPointerDownCapture: (event: PointerEvent<HTMLElement>) => void
    onFocus: (event: FocusEvent<HTMLElement>) => void
    onBlur: (event: FocusEvent<HTMLElement>) => void
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
  }
  /** For the element that clips the track: swipe and drag. */
  viewportProps: {
    style: CSSProperties
    onPointerDown: (event: PointerEvent<HTMLElement>) => void
    onPointerMove: (event: PointerEvent<HTMLElement>) => void
    onPointerUp: (event: PointerEvent<HTMLElement>) => void
    onPointerCancel: () => void
    onClickCapture: (event: MouseEvent<HTMLElement>) => void
    onDragStart: (event: { preventDefault: () => void }) => void
  }
  /** For the slides' container: the live region the buttons control. */
  trackProps: { id: string; 'aria-live': 'off' | 'polite'; style: CSSProperties }
  /** For each slide, by position: its group role, name, and whether it is in view. */
  slideProps: (position: number, label?: string) => Record<string, unknown>
  previousProps: { type: 'button'; 'aria-controls': string; onClick: () => void }
  nextProps: { type: 'button'; 'aria-controls': string; onClick: () => void }
  /** The rotation control (APG). */
  rotationProps: { type: 'button'; 'aria-controls': string; onClick: () => void; ref: RefObject<HTMLButtonElement | null> }
  /** The rotation control's label: what activating it does (APG), "Stop…" while rotation is on. */
  rotationLabel: string
}

/**
 * A carousel's behavior, following the WAI-ARIA APG carousel pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/carousel/): previous and next
 * buttons, a rotation control, rotation that pauses on hover and stops when
 * focus enters, a live region that is polite only while not rotating, and
 * slides out of view hidden from assistive technology and the tab order.
 * Beyond the pattern: arrow keys, Home and End, and swipe or drag.
 *
 * One hook past the house's 80 lines, on purpose: its states decide each
 * other as the pattern says (hover pauses, focus stops, a press pauses, a
 * navigation stops rotation and moves focus into view), and every handler
 * it returns reads several of them; cut into hooks, they would pass that
 * state back and forth. Issue 13 reworks the carousel (reflow, the item in
 * view kept in view); split it along those lines then.
 */
export function useCarousel({ count, perView, autoplay, interval, reduced, labels }: CarouselOptions): CarouselState {
  const trackId = useId()
  const last = Math.max(0, count - perView)
  const [rawIndex, setIndex] = useState(0)
  // Fewer items later (or more per view) must not leave the view past the end.
  const index = Math.min(rawIndex, last)
  const navigable = count > perView
  const hasRotation = autoplay && navigable

  const [rotation, setRotation] = useState<Rotation>('auto')
  // Reduced motion never starts rotation by itself; the visitor still may (APG example).
  const rotating = hasRotation && (rotation === 'started' || (rotation === 'auto' && !reduced))
  const [hovered, setHovered] = useState(false)
  const [focusWithin, setFocusWithin] = useState(false)
  const [pressed, setPressed] = useState(false)
  const playing = rotating && !hovered && !pressed
  const interacting = hovered || focusWithin || pressed

  const region = useRef<HTMLElement | null>(null)
  const slides = useRef<(HTMLElement | null)[]>([])
  const rotationButton = useRef<HTMLButtonElement | null>(null)
  /** Set while a pointer is down on the rotation control: the focus it gives is not a reason to stop (its click decides). */
  const pressingRotation = useRef(false)
  const releasePointer = useRef<(() => void) | null>(null)
  /** Set when a navigation started with focus inside a slide: focus must follow into view. */
  const refocus = useRef(false)
  const swipe = useRef<{ id: number; x: number; y: number } | null>(null)
  const swallowClick = useRef(false)

  const go = useCallback(
    (to: (current: number) => number) => {
      // Whoever navigates takes over: rotation stops until the rotation control restarts it.
      setRotation('stopped')
      const active = typeof document === 'undefined' ? null : document.activeElement
      refocus.current = !!active && slides.current.some((slide) => slide?.contains(active))
      setIndex((current) => Math.max(0, Math.min(last, to(Math.min(current, last)))))
    },
    [last],
  )
  // Previous and next wrap around, as in the APG example.
  const previous = useCallback(() => go((i) => (i <= 0 ? last : i - 1)), [go, last])
  const next = useCallback(() => go((i) => (i >= last ? 0 : i + 1)), [go, last])

  // Focus never stays in a slide that left the view: it moves to the slide now first in view.
  useBrowserLayoutEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    const active = document.activeElement
    // Only focus still in a slide (or just lost to the body) is moved: never focus the visitor took elsewhere.
    const lost = !active || active === document.body
    if (!lost && !slides.current.some((slide) => slide?.contains(active))) return
    if (active && slides.current.slice(index, index + perView).some((slide) => slide?.contains(active))) return
    slides.current[index]?.focus({ preventScroll: true })
  }, [index, perView])

  // Rotation: one slide on every interval, wrapping, restarted by any move.
  useEffect(() => {
    if (!playing) return
    const timer = setTimeout(() => setIndex((current) => (Math.min(current, last) >= last ? 0 : Math.min(current, last) + 1)), interval)
    return () => clearTimeout(timer)
  }, [playing, index, interval, last])

  useEffect(() => () => releasePointer.current?.(), [])

  const regionProps: CarouselState['regionProps'] = {
    ref: (node) => {
      region.current = node
    },
    // Hover pauses, and leaving resumes (APG). Touch has no hover: its press counts instead.
    onPointerEnter: (event) => {
      if (event.pointerType !== 'touch') setHovered(true)
    },
    onPointerLeave: (event) => {
      if (event.pointerType !== 'touch') setHovered(false)
    },
    onPointerDownCapture: (event) => {
      setPressed(true)
      pressingRotation.current = !!rotationButton.current?.contains(event.target as Node)
      releasePointer.current?.()
      // The press may end anywhere on the page.
      const release = () => {
        setPressed(false)
        pressingRotation.current = false
        window.removeEventListener('pointerup', release, true)
        window.removeEventListener('pointercancel', release, true)
        releasePointer.current = null
      }
      window.addEventListener('pointerup', release, true)
      window.addEventListener('pointercancel', release, true)
      releasePointer.current = release
    },
    // APG: rotation stops when any element in the carousel receives focus, and
    // does not resume until the visitor activates the rotation control.
    onFocus: (event) => {
      setFocusWithin(true)
      if (!(pressingRotation.current && rotationButton.current?.contains(event.target))) setRotation('stopped')
    },
    onBlur: (event) => {
      const to = event.relatedTarget as Node | null
      if (!to || !region.current?.contains(to)) setFocusWithin(false)
    },
    onKeyDown: (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !navigable) return
      const owner = (event.target as Element).closest?.(OWN_ARROW_KEYS)
      if (owner && region.current?.contains(owner)) return
      const move = { ArrowLeft: previous, ArrowRight: next, Home: () => go(() => 0), End: () => go(() => last) }[event.key]
      if (!move) return
      event.preventDefault()
      move()
    },
  }

  const viewportProps: CarouselState['viewportProps'] = {
    // Only what the layout needs to work without a stylesheet: the track is
    // clipped to the view, and vertical panning stays with the browser while
    // horizontal moves are ours.
    style: { overflow: 'hidden', touchAction: 'pan-y' },
    onPointerDown: (event) => {
      if (!event.isPrimary || (event.pointerType === 'mouse' && event.button !== 0) || !navigable) return
      swipe.current = { id: event.pointerId, x: event.clientX, y: event.clientY }
    },
    onPointerMove: (event) => {
      const start = swipe.current
      if (!start || start.id !== event.pointerId) return
      // A drag that became a swipe keeps receiving the pointer, even past the carousel's edge.
      if (Math.abs(event.clientX - start.x) >= SWIPE_THRESHOLD_PX && !event.currentTarget.hasPointerCapture?.(event.pointerId)) {
        event.currentTarget.setPointerCapture?.(event.pointerId)
      }
    },
    onPointerUp: (event) => {
      const start = swipe.current
      swipe.current = null
      if (!start || start.id !== event.pointerId) return
      const dx = event.clientX - start.x
      const dy = event.clientY - start.y
      if (Math.abs(dx) < SWIPE_THRESHOLD_PX || Math.abs(dx) <= Math.abs(dy)) return
      // The click that ends a drag is not a click on the slide's content.
      swallowClick.current = true
      setTimeout(() => (swallowClick.current = false), 0)
      if (dx < 0) next()
      else previous()
    },
    onPointerCancel: () => {
      swipe.current = null
    },
    onClickCapture: (event) => {
      if (!swallowClick.current) return
      swallowClick.current = false
      event.preventDefault()
      event.stopPropagation()
    },
    // The browser's own drag of images and links would cancel the swipe.
    onDragStart: (event) => event.preventDefault(),
  }

  const hidden = (position: number) => position < index || position >= index + perView

  return {
    index,
    playing,
    rotating,
    hasRotation,
    navigable,
    interacting,
    isHidden: hidden,
    regionProps,
    viewportProps,
    // APG: the slides' container is a live region, off while rotating (every
    // change would be read), polite otherwise (the slide a button brings in is read).
    trackProps: { id: trackId, 'aria-live': playing ? 'off' : 'polite', style: { display: 'flex' } },
    slideProps: (position, label) => ({
      ref: (node: HTMLElement | null) => {
        slides.current[position] = node
      },
      role: 'group',
      'aria-roledescription': labels.slideRole,
      'aria-label': labels.slide(position + 1, count, label),
      // Out of view: hidden from assistive technology and out of the tab
      // order (inert), while it stays laid out so the track can slide.
      'aria-hidden': hidden(position) || undefined,
      ...inert(hidden(position)),
      // Focus can be moved here when the slide it was in leaves the view.
      tabIndex: -1,
      style: { flex: `0 0 ${100 / perView}%`, minWidth: 0, boxSizing: 'border-box' },
    }),
    previousProps: { type: 'button', 'aria-controls': trackId, onClick: previous },
    nextProps: { type: 'button', 'aria-controls': trackId, onClick: next },
    rotationProps: { type: 'button', 'aria-controls': trackId, onClick: () => setRotation(rotating ? 'stopped' : 'started'), ref: rotationButton },
    rotationLabel: rotating ? labels.stop : labels.start,
  }
}
