import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { useDecisions } from '../providers/AttuneContext'

export interface ExperimentOptions {
  /** Log the exposure once the caller has rendered with the arm. Default true; pass false and call `expose` yourself when the arm only shows later. */
  expose?: boolean
}

/**
 * The visitor's arm in an experiment, or null (unknown experiment, or not in
 * its segment). Re-renders only when the arm changes. Server rendering and
 * hydration read the arm of the instance's `initialProfile`, or null without one.
 */
export function useExperiment(id: string, { expose = true }: ExperimentOptions = {}): string | null {
  const attune = useDecisions('useExperiment')
  // The arm depends on the segments and on the visitor (forget() makes a new one).
  const getSnapshot = useCallback(() => attune.arm(id, { refresh: false }), [attune, id])
  const getServerSnapshot = useCallback(() => attune.arm(id, { initial: true }), [attune, id])
  const arm = useSyncExternalStore(attune.watchDecisions, getSnapshot, getServerSnapshot)
  useEffect(() => {
    if (expose && arm !== null) attune.expose(id)
  }, [attune, id, arm, expose])
  return arm
}
