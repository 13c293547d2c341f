import { describe, expect, it, vi } from 'vitest'
import { createAttune } from '../../src/core'
import { createMessageRotation } from '../../src/engine/message-rotation'

function setup() {
  const attune = createAttune({ storage: 'memory', schedule: 'sync' })
  return { attune, rotation: createMessageRotation(attune) }
}

describe('message rotation', () => {
  it('takes turns, from the first, and fills templates from traits and values', () => {
    const { attune, rotation } = setup()
    attune.identify({ name: 'Ada' })
    const messages = ['Hi {{name}}', 'Hello {{name}}, {{offer | welcome}}']
    expect(rotation.message('hint', messages)).toEqual({ text: 'Hi Ada', index: 0 })
    rotation.shown('hint', 0)
    expect(rotation.message('hint', messages, { offer: '10% off' })).toEqual({ text: 'Hello Ada, 10% off', index: 1 })
    rotation.shown('hint', 1)
    expect(rotation.message('hint', messages).index).toBe(0)
    expect(attune.getProfile().state.rotation).toEqual({ hint: 1 })
  })

  it('commits nothing when the index shown is the one kept', () => {
    const { attune, rotation } = setup()
    rotation.shown('hint', 2)
    const heard = vi.fn()
    attune.subscribe(heard)
    rotation.shown('hint', 2)
    expect(heard).not.toHaveBeenCalled()
    // An index past the list (it shrank) starts over.
    expect(rotation.message('hint', ['only']).index).toBe(0)
  })
})
