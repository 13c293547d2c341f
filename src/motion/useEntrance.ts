import { useLayoutEffect, useState, type RefObject } from 'react'
import type { Running } from './animations'
import { withAnimations } from './loadAnimations'
import type { PresetProps } from './presets'
import { entranceStyles } from './style'

/**
 * Plays the preset's entrance on the element once, when it mounts (a toast
 * opening, a hint appearing). Its start is written on the element before
 * the first paint, and the animation code loads now, on this first
 * animation, not with the page (see loadAnimations); if it cannot load, or
 * takes longer than ANIMATION_WAIT_MS, the element is shown at rest. The preset is the one at mount: a change of the
 * motion setting while it is shown does not play the entrance again.
 * Client only: nothing that renders on the server calls it.
 */
export function useEntrance(ref: RefObject<HTMLElement | null>, preset: PresetProps | null): void {
  const [atMount] = useState(preset)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element || !atMount?.initial) return
    const styles = entranceStyles(atMount.initial, atMount.animate ?? {})
    const start = Object.entries(styles)
    if (!start.length) return
    for (const [property, [from]] of start) element.style.setProperty(property, from)
    const rest = () => start.forEach(([property]) => element.style.removeProperty(property))
    let running: Running | null = null
    const cancel = withAnimations(({ enter }) => {
      running = enter(element, atMount)
    }, rest)
    return () => {
      cancel()
      running?.stop()
    }
  }, [ref, atMount])
}
