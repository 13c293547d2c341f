/**
 * The visitor's arms: which experiments a visitor takes part in, and their
 * arm, hashed once per visitor and experiment rather than on every render.
 */
import { assignArm, type ExperimentConfig } from './experiments'

export interface ArmRequest {
  /** The visitor to assign. */
  visitor: string
  /** The visitor's active segments, read only when the experiment has a segment. */
  segments: () => readonly string[]
  /** An arm forced by an override; ignored when the experiment has no such arm. */
  pinned?: string | undefined
}

export interface ExperimentArms {
  /** The arm, or null: unknown experiment, visitor not in its segment, no arm with weight. */
  arm: (experimentId: string, request: ArmRequest) => string | null
}

export function createExperimentArms(experiments: ReadonlyMap<string, ExperimentConfig>): ExperimentArms {
  // The last visitor each arm was computed for: a new visitor (forget()) is hashed anew.
  const cache = new Map<string, { visitor: string; arm: string | null }>()
  return {
    arm(experimentId, { visitor, segments, pinned }) {
      const experiment = experiments.get(experimentId)
      if (!experiment) return null
      if (pinned !== undefined && Object.hasOwn(experiment.arms, pinned)) return pinned
      if (experiment.segment !== undefined && !segments().includes(experiment.segment)) return null
      const known = cache.get(experimentId)
      if (known?.visitor === visitor) return known.arm
      const arm = assignArm(experiment.id, experiment.arms, visitor)
      cache.set(experimentId, { visitor, arm })
      return arm
    },
  }
}
