import { useCallback, useRef, useSyncExternalStore } from 'react'
import { EMPTY_PROFILE, type Profile } from '../core'
import { useAttune } from '../providers/AttuneContext'

interface Selection<T> {
  profile: Profile
  selector: unknown
  value: T
}

/**
 * Reads from the live profile. The component re-renders only when the
 * selected value changes, as judged by `equality` (default `Object.is`), so
 * select narrowly: `useBehavior((p) => p.scroll.depth > 0.5)`.
 *
 * Server rendering and hydration read the instance's `initialProfile` (or
 * `EMPTY_PROFILE` without one), so the server's HTML and the client's first
 * render agree; the live profile follows at once.
 */
export function useBehavior<T>(selector: (profile: Profile) => T, equality: (a: T, b: T) => boolean = Object.is): T {
  const attune = useAttune('useBehavior')
  // The last selection outlives renders, so an inline selector (a new
  // function each render) that returns an equal value keeps returning the
  // very same one, and React sees no change.
  const memo = useRef<Selection<T> | null>(null)
  const select = useCallback(
    (profile: Profile) => {
      const previous = memo.current
      if (previous && previous.profile === profile && previous.selector === selector) return previous.value
      const selected = selector(profile)
      const value = previous && equality(previous.value, selected) ? previous.value : selected
      memo.current = { profile, selector, value }
      return value
    },
    [selector, equality],
  )
  const getSnapshot = useCallback(() => select(attune.getProfile()), [attune, select])
  const getServerSnapshot = useCallback(() => select(attune.initialProfile ?? EMPTY_PROFILE), [attune, select])
  return useSyncExternalStore(attune.subscribe, getSnapshot, getServerSnapshot)
}
