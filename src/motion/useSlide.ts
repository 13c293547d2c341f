import { useRef, type RefObject } from 'react'
import type { Transition } from 'framer-motion'
import type { Running } from './animations'
import { useBrowserLayoutEffect } from './browserLayoutEffect'
import { withAnimations } from './loadAnimations'

/** Where an element is now, as a `translateX` in px: mid-animation, the frame on screen (computed styles are in px). */
function offsetNow(element: HTMLElement): string {
  const transform = getComputedStyle(element).transform
  if (!transform || transform === 'none') return 'translateX(0px)'
  const matrix = /^matrix\(([^)]*)\)$/.exec(transform)
  return matrix ? `translateX(${matrix[1]!.split(',')[4]!.trim()}px)` : transform
}

/**
 * Keeps the element translated by `x` along its width (the carousel's
 * track: `-50%` shows the slides from halfway on) and, when `x` changes,
 * moves it there with `transition`, or at once without one (reduced motion).
 * The hook owns the element's transform: it is set here, never rendered,
 * so the server's markup has none (every carousel starts at its first
 * slide). A change mid-way starts from where the element is on screen.
 *
 * The animation code loads on the first move (see loadAnimations); until it
 * arrives the element holds where it was, and if it cannot load, or takes
 * longer than ANIMATION_WAIT_MS, the move is instant.
 */
export function useSlide(ref: RefObject<HTMLElement | null>, x: string, transition: Transition | null): void {
  const shown = useRef<string | null>(null)
  const running = useRef<Running | null>(null)
  // The move waiting for the animation code, if any: a newer move, or unmounting, cancels it.
  const pending = useRef<(() => void) | null>(null)
  useBrowserLayoutEffect(() => {
    const element = ref.current
    if (!element || shown.current === x) return
    const first = shown.current === null
    shown.current = x
    const to = `translateX(${x})`
    const from = first || !transition ? to : offsetNow(element)
    pending.current?.()
    running.current?.stop()
    running.current = null
    element.style.transform = from
    if (from === to) return
    pending.current = withAnimations(
      ({ move }) => {
        running.current = move(element, from, to, transition ?? undefined)
      },
      () => {
        element.style.transform = to
      },
    )
  }, [ref, x, transition])
  useBrowserLayoutEffect(
    () => () => {
      pending.current?.()
      running.current?.stop()
    },
    [],
  )
}
