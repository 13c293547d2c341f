/**
 * What the engine reports for analytics, and the channel it goes through:
 * nothing leaves the page without consent, nor from a forced visit.
 */

/** Exposures and conversions per arm, nudge outcomes. */
export type DecisionEvent =
  | { type: 'exposure'; experiment: string; arm: string; visitor: string; at: number }
  | { type: 'conversion'; experiment: string; arm: string; event: string; visitor: string; at: number }
  | { type: 'nudge'; nudge: string; action: 'shown' | 'dismissed' | 'helpful' | 'not-helpful'; visitor: string; at: number }

export interface DecisionChannel {
  /** Tells the listeners, when `open()` says events may go out. */
  emit: (event: DecisionEvent) => void
  /** Adds a listener; returns the function that removes it. */
  listen: (listener: (event: DecisionEvent) => void) => () => void
}

/** `open` is asked at each event: consent granted, and no forced segments or arms. */
export function createDecisionChannel(open: () => boolean): DecisionChannel {
  const listeners = new Set<(event: DecisionEvent) => void>()
  return {
    emit(event) {
      if (open()) listeners.forEach((listener) => listener(event))
    },
    listen(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}
