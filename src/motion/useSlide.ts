import { useRef, type RefObject } from 'react'
import type { Transition } from 'framer-motion'
import type { Running } from './animations'
import { useBrowserLayoutEffect } from './browserLayoutEffect'
import { loadAnimations } from './loadAnimations'

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
 * arrives the element holds where it was, and if it cannot load, the move
 * is instant.
 */
export function useSlide(ref: RefObject<HTMLElement | null>, x: string, transition: Transition | null): void {
  const shown = useRef<string | null>(null)
  const running = useRef<Running | null>(null)
  // Each move; a move that is not the latest by the time the code loads does not start.
  const moves = useRef(0)
  useBrowserLayoutEffect(() => {
    const element = ref.current
    if (!element || shown.current === x) return
    const first = shown.current === null
    shown.current = x
    const to = `translateX(${x})`
    const move = ++moves.current
    if (first || !transition) {
      running.current?.stop()
      running.current = null
      element.style.transform = to
      return
    }
    const from = offsetNow(element)
    running.current?.stop()
    running.current = null
    element.style.transform = from
    loadAnimations()
      .then((animations) => {
        if (move !== moves.current) return
        running.current = animations.move(element, from, to, transition)
      })
      .catch(() => {
        if (move === moves.current) element.style.transform = to
      })
  }, [ref, x, transition])
  useBrowserLayoutEffect(
    () => () => {
      moves.current++
      running.current?.stop()
    },
    [],
  )
}
