import { useMemo } from 'react'
import { useAttune } from '../providers/AttuneContext'
import type { FailSafe } from './useFailSafe'

/** What a component records of the visitor's actions. */
export interface Track {
  /** Records a click on `id` (`clicks[id]`) and, given, tracks `conversion`: a conversion for the experiments that count it. */
  click: (id: string, conversion?: string) => void
  /** Tracks the custom event `name` (`events[name]`; a conversion for the experiments that count it). */
  event: (name: string) => void
}

/** Records clicks and tracks events from a component's handlers, through `safe`: a failing engine costs the record, never the handler. */
export function useTrack(safe: FailSafe): Track {
  const attune = useAttune('useTrack')
  return useMemo(
    () => ({
      click: (id, conversion) =>
        safe.call(() => {
          attune.record({ type: 'click', id })
          if (conversion !== undefined) attune.track(conversion)
        }, undefined),
      event: (name) => safe.call(() => attune.track(name), undefined),
    }),
    [attune, safe],
  )
}
