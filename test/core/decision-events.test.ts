import { describe, expect, it, vi } from 'vitest'
import { createDecisionChannel } from '../../src/engine/decision-events'

const EVENT = { type: 'nudge', nudge: 'n', action: 'shown', visitor: 'v', at: 1 } as const

describe('the decision channel', () => {
  it('tells its listeners only while open, and forgets a removed one', () => {
    let open = false
    const channel = createDecisionChannel(() => open)
    const heard = vi.fn()
    const stop = channel.listen(heard)
    channel.emit(EVENT)
    expect(heard).not.toHaveBeenCalled()
    open = true
    channel.emit(EVENT)
    expect(heard).toHaveBeenCalledWith(EVENT)
    stop()
    channel.emit(EVENT)
    expect(heard).toHaveBeenCalledTimes(1)
  })
})
