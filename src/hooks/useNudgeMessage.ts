import { useEffect, useState } from 'react'
import { useDecisions } from '../providers/AttuneContext'
import type { FailSafe } from './useFailSafe'

/** The message a nudge shows this time: its text, filled, and its place in the rotation. */
export interface NudgeMessage {
  text: string
  index: number
}

/**
 * The message of one showing of nudge `id`: the next of `messages` in their
 * rotation (the one shown last never comes twice in a row), filled from the
 * visitor's traits and `values`. Fixed for the component's life, since a
 * re-render must not change the text under the reader's eyes; marked shown
 * after the commit, so the next showing gets the next message. Null when the
 * engine failed (reported through `safe`): show the default text instead.
 */
export function useNudgeMessage(id: string, messages: string | readonly string[], { values, safe }: { values?: Record<string, unknown>; safe: FailSafe }): NudgeMessage | null {
  const attune = useDecisions('useNudgeMessage')
  const [message] = useState(() => safe.read<NudgeMessage | null>(() => attune.message(id, messages, values), null))
  useEffect(() => {
    if (message) safe.call(() => attune.messageShown(id, message.index), undefined)
  }, [attune, id, message, safe])
  return message
}
