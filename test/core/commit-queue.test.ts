import { describe, expect, it } from 'vitest'
import { createCommitQueue } from '../../src/core/commit-queue'

describe('the commit queue', () => {
  it('runs an update at once when none is running', () => {
    const serial = createCommitQueue()
    const log: string[] = []
    serial(() => log.push('a'))
    expect(log).toEqual(['a'])
  })

  it('runs an update asked for during another after it, in the order asked, without nesting', () => {
    const serial = createCommitQueue()
    const log: string[] = []
    serial(() => {
      log.push('a start')
      serial(() => {
        log.push('b')
        serial(() => log.push('d'))
      })
      serial(() => log.push('c'))
      log.push('a end')
    })
    expect(log).toEqual(['a start', 'a end', 'b', 'c', 'd'])
  })

  it('runs the updates queued behind one that throws, then throws its error', () => {
    const serial = createCommitQueue()
    const log: string[] = []
    const run = () =>
      serial(() => {
        serial(() => log.push('after'))
        throw new Error('listener failed')
      })
    expect(run).toThrow('listener failed')
    expect(log).toEqual(['after'])
    // And it is usable again.
    serial(() => log.push('next'))
    expect(log).toEqual(['after', 'next'])
  })
})
