import { useEffect, type RefObject } from 'react'

/**
 * Plays the preset `name` on the element, once each time `key` changes (a
 * new variant), and stops it on unmount. Nothing loads or plays without a
 * name: pass none under reduced motion.
 */
export function usePlay(ref: RefObject<Element | null>, name: string | undefined, key: string): void {
  useEffect(() => {
    const element = ref.current
    if (name === undefined || name === 'none' || !element) return
    let stopped = false
    let controls: { stop: () => void } | null = null
    import('./play')
      .then(({ play }) => {
        if (!stopped) controls = play(element, name)
      })
      // A chunk that fails to load costs the animation, nothing else.
      .catch(() => {})
    return () => {
      stopped = true
      controls?.stop()
    }
  }, [ref, name, key])
}
