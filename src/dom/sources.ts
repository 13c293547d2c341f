import { sharedSource } from './shared'

export interface ScrollSample {
  /** Scroll position of the page, px. */
  y: number
  /** Share of the page seen so far down to the bottom of the viewport: (y + viewport height) / page height, 0–1. */
  depth: number
}

/** The page's current scroll position and depth. */
export function readScroll(): ScrollSample {
  const height = document.documentElement.scrollHeight
  const y = Math.max(0, window.scrollY)
  return { y, depth: height > 0 ? Math.min(1, (y + window.innerHeight) / height) : 1 }
}

/**
 * The page's scroll position, at most once per animation frame, from one
 * passive listener on `window`.
 */
export const subscribeScroll = sharedSource<ScrollSample>((emit) => {
  let frame = 0
  const onScroll = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0
      emit(readScroll())
    })
  }
  window.addEventListener('scroll', onScroll, { passive: true })
  return () => {
    window.removeEventListener('scroll', onScroll)
    cancelAnimationFrame(frame)
  }
})

export const isPageHidden = (): boolean => document.visibilityState === 'hidden'

/** Page visibility changes: the tab goes to the background or comes back. */
export const subscribeVisibility = sharedSource<boolean>((emit) => {
  const onChange = () => emit(isPageHidden())
  document.addEventListener('visibilitychange', onChange)
  return () => document.removeEventListener('visibilitychange', onChange)
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
  for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options)
  return () => {
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options)
  }
})

/** The mouse leaving the page through its top edge (toward the tabs and the address bar). */
export const subscribePageLeaveTop = sharedSource((emit) => {
  const onOut = (event: MouseEvent) => {
    if (event.relatedTarget === null && event.clientY <= 0) emit()
  }
  document.addEventListener('mouseout', onOut)
  return () => document.removeEventListener('mouseout', onOut)
})
