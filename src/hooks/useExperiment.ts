import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { useDecisions } from '../providers/AttuneContext'
import { watchChoices } from './shared-watch'
import { unguarded, type FailSafe } from './useFailSafe'

export interface ExperimentOptions {
  /** Log the exposure once the caller has rendered with the arm. Default true; pass false and call `expose` yourself when the arm only shows later. */
  expose?: boolean
  /**
   * Given (from `useFailSafe`), an error of the engine does not throw: the
   * hook returns null (no arm), the exposure is skipped, and the fail-safe
   * reports the error once.
   */
  safe?: FailSafe
}

/**
 * The visitor's arm in an experiment, or null (unknown experiment, or not in
 * its segment). Re-renders only when the arm changes. Server rendering and
 * hydration read the arm of the instance's `initialProfile`, or null without one.
 */
export function useExperiment(id: string, { expose = true, safe }: ExperimentOptions = {}): string | null {
  const attune = useDecisions('useExperiment')
  const guard = safe ?? unguarded
  // The arm depends on the segments and on the visitor (forget() makes a new one).
  const getSnapshot = useCallback(() => guard.read(() => attune.arm(id, { refresh: false }), null), [attune, id, guard])
  const getServerSnapshot = useCallback(() => guard.read(() => attune.arm(id, { initial: true }), null), [attune, id, guard])
  // Told of segment and visitor changes, not of every commit (see watchChoices).
  const arm = useSyncExternalStore(watchChoices(attune), getSnapshot, getServerSnapshot)
  useEffect(() => {
    if (expose && arm !== null) guard.call(() => attune.expose(id), undefined)
  }, [attune, id, arm, expose, guard])
  return arm
}
