import { Component, type RefObject } from 'react'
import type { Transition } from 'framer-motion'
import type { Running } from './animations'
import { withAnimations } from './loadAnimations'

interface LayoutFlipProps {
  /** The element whose children are reordered (the carousel's track). */
  container: RefObject<HTMLElement | null>
  /** Changes (by identity) when the children's order may have changed. */
  order: unknown
  /** How a moved child travels to its new place; null moves it at once (reduced motion). */
  transition: Transition | null
}

type Positions = Map<Element, { x: number; y: number }>

/** Each child's place on screen, relative to the container: a transform of the container (the track's slide) cancels out. */
function positions(container: HTMLElement): Positions {
  const origin = container.getBoundingClientRect()
  const places: Positions = new Map()
  for (const child of container.children) {
    const box = child.getBoundingClientRect()
    places.set(child, { x: box.left - origin.left, y: box.top - origin.top })
  }
  return places
}

/** Moves of less than this many px are not animated: rounding, not a reorder. */
const MIN_MOVE_PX = 0.5

/**
 * A layout animation of a reorder (FLIP): each child that moved starts
 * where it was on screen and travels to its new place by a transform, as
 * framer-motion's `layout` does. Renders nothing.
 *
 * A class for `getSnapshotBeforeUpdate`, which React calls after rendering
 * and before it changes the DOM: the one moment the old places can be read
 * (framer-motion's layout measurement uses it for the same reason). The
 * moved children are put back where they were before the first paint, and
 * the animation code loads on the first reorder (see loadAnimations); if it
 * cannot load, or takes longer than ANIMATION_WAIT_MS, they go to their new
 * places at once.
 */
export class LayoutFlip extends Component<LayoutFlipProps> {
  /** Children held at their old place or moving, with their animation once it runs. */
  private moving = new Map<HTMLElement, Running | null>()
  /** The reorder waiting for the animation code, if any: a newer one, or unmounting, cancels it. */
  private pending: (() => void) | null = null

  override getSnapshotBeforeUpdate(previous: LayoutFlipProps): Positions | null {
    const container = this.props.container.current
    if (previous.order === this.props.order || !this.props.transition || !container) return null
    return positions(container)
  }

  override componentDidUpdate(_previous: LayoutFlipProps, _state: unknown, before: Positions | null): void {
    const container = this.props.container.current
    if (!before || !container) return
    // The new places are measured at rest: a reorder mid-way starts again from the old places on screen.
    this.settle()
    const moved: [HTMLElement, string][] = []
    for (const [child, to] of positions(container)) {
      const from = before.get(child)
      if (!from || !(child instanceof HTMLElement)) continue
      const dx = from.x - to.x
      const dy = from.y - to.y
      if (Math.abs(dx) < MIN_MOVE_PX && Math.abs(dy) < MIN_MOVE_PX) continue
      moved.push([child, `translate(${dx}px, ${dy}px)`])
    }
    if (!moved.length) return
    for (const [child, from] of moved) {
      child.style.transform = from
      this.moving.set(child, null)
    }
    const { transition } = this.props
    this.pending = withAnimations(
      ({ move }) => {
        for (const [child, from] of moved) this.moving.set(child, move(child, from, 'none', transition ?? undefined, 'release'))
      },
      () => this.settle(),
    )
  }

  override componentWillUnmount(): void {
    this.settle()
  }

  /** Stops every move (and the one waiting for its code) and puts each child at its place. */
  private settle() {
    this.pending?.()
    this.pending = null
    for (const [child, running] of this.moving) {
      running?.stop()
      child.style.removeProperty('transform')
    }
    this.moving.clear()
  }

  override render() {
    return null
  }
}
