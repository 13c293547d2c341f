import { listenTo, pageDocument, pageWindow, refCounted, sharedSource } from './shared'

export interface ScrollSample {
  /** Scroll position of the page, px. */
  y: number
  /** Share of the page seen so far down to the bottom of the viewport: (y + viewport height) / page height, 0–1. */
  depth: number
}

/** The page's current scroll position and depth, or null where there is no page (any more). */
export function readScroll(): ScrollSample | null {
  const window = pageWindow()
  const document = pageDocument()
  if (!window || !document?.documentElement) return null
  const height = document.documentElement.scrollHeight
  const y = Math.max(0, window.scrollY)
  return { y, depth: height > 0 ? Math.min(1, (y + window.innerHeight) / height) : 1 }
}

/**
 * The page's scroll position, from one passive listener on `window`, when it
 * moved. A sample is taken in the scroll event itself: browsers fire it once
 * per frame, in the frame's rendering steps before its animation frame
 * callbacks (HTML's "update the rendering": the scroll steps, then the
 * animation frame callbacks), so what a sample leads to (the tracker's
 * commit, the variant it changes) lands before that very frame is painted.
 * Nothing else runs per frame: an animation frame callback that caught a
 * second event in the same frame cost as much as the sample itself, on
 * every frame of a scroll (issue #11); such events (older browsers,
 * synthetic ones) are sampled too, and one that finds the page where the
 * last one left it emits nothing.
 */
export const subscribeScroll = sharedSource<ScrollSample>((emit) => {
  let last: ScrollSample | null = null
  const onScroll = () => {
    const scroll = readScroll()
    if (!scroll || (last && scroll.y === last.y && scroll.depth === last.depth)) return
    last = scroll
    emit(scroll)
  }
  return listenTo(pageWindow(), 'scroll', onScroll, { passive: true })
})

export const isPageHidden = (): boolean => pageDocument()?.visibilityState === 'hidden'

/** Page visibility changes: the tab goes to the background or comes back. */
export const subscribeVisibility = sharedSource<boolean>((emit) => {
  const onChange = () => emit(isPageHidden())
  return listenTo(pageDocument(), 'visibilitychange', onChange)
})

/** How often visible time is committed while it runs, so the profile stays live. */
export const DWELL_TICK_MS = 1000

/** One interval for every running dwell clock. */
export const subscribeTick = sharedSource((emit) => {
  const id = setInterval(emit, DWELL_TICK_MS)
  return () => clearInterval(id)
})

/** Input that means the visitor is there. Capture phase, so nothing stops it on the way. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const

/** Any sign of the visitor's presence: pointer, keyboard, wheel, touch or scroll. */
export const subscribeActivity = sharedSource((emit) => {
  const options = { passive: true, capture: true }
  const onActivity = () => emit()
  const stops = ACTIVITY_EVENTS.map((type) => listenTo(pageWindow(), type, onActivity, options))
  return () => stops.forEach((stop) => stop())
})

let lastInput = -Infinity

/**
 * Stamps the time of the last input (see {@link subscribeActivity}) while
 * held, with one set of listeners however many hold it: what an idle timer
 * reads when it fires, instead of every timer hearing every pointer move.
 * The listeners stay for as long as it is held: removing them after each
 * input and adding them back a quarter second later cost a timer and six
 * listener changes (wheel and touch ones update the page's input handler
 * regions) four times a second of scrolling, several times the cost of the
 * listener calls it saved (issue #11).
 */
export const retainActivityStamp = refCounted<null>(() => {
  // Input heard before (by an earlier holder) is not this one's to read.
  lastInput = -Infinity
  return subscribeActivity(() => {
    lastInput = performance.now()
  })
})

/** `performance.now()` of the last input seen while {@link retainActivityStamp} was held; -Infinity before any. */
export const lastActivity = (): number => lastInput

/** The mouse leaving the page through its top edge (toward the tabs and the address bar). */
export const subscribePageLeaveTop = sharedSource((emit) => {
  const onOut = (event: Event) => {
    const { relatedTarget, clientY } = event as MouseEvent
    if (relatedTarget === null && clientY <= 0) emit()
  }
  return listenTo(pageDocument(), 'mouseout', onOut)
})
