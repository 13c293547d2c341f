import { useCallback, useSyncExternalStore } from 'react'
import { useDecisions } from '../providers/AttuneContext'

/**
 * The visitor's highest-priority active segment, or null. Re-renders only
 * when it changes. Server rendering and hydration read null.
 */
export function useSegment(): string | null {
  const attune = useDecisions('useSegment')
  const getSnapshot = useCallback(() => attune.activeSegments()[0] ?? null, [attune])
  return useSyncExternalStore(attune.watchSegments, getSnapshot, () => null)
}
