/**
 * Message rotation: a component's messages take turns, so the one shown
 * last never comes twice in a row (`profile.state.rotation`), filled from
 * the visitor's traits and the values given.
 */
import { stateEntries } from './state-entries'
import type { Attune } from '../core/attune'
import { isFiniteNumber } from '../core/guards'
import { nextMessageIndex, renderTemplate } from './templates'

export interface MessageRotation {
  /** The next message of a component, filled; plain text. */
  message: (componentId: string, messages: string | readonly string[], values?: Record<string, unknown>) => { text: string; index: number }
  /** Records which message was shown, so the next one differs. */
  shown: (componentId: string, index: number) => void
}

export function createMessageRotation(attune: Pick<Attune, 'getProfile' | 'writeState'>): MessageRotation {
  const last = (componentId: string): number | undefined => {
    const index = stateEntries(attune.getProfile(), 'rotation')[componentId]
    return isFiniteNumber(index) ? index : undefined
  }
  return {
    message(componentId, messages, values = {}) {
      const list = typeof messages === 'string' ? [messages] : messages
      const index = nextMessageIndex(list.length, last(componentId))
      return { text: renderTemplate(list[index] ?? '', { ...attune.getProfile().visitor.traits, ...values }), index }
    },
    shown(componentId, index) {
      if (last(componentId) !== index) attune.writeState('rotation', componentId, index)
    },
  }
}
