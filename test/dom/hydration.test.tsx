import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAttune, PersonalizationProvider, useBehavior } from '../../src'

afterEach(() => {
  vi.restoreAllMocks()
})

function Greeting() {
  const name = useBehavior((p) => p.visitor.traits.name ?? 'there')
  const device = useBehavior((p) => p.context.device)
  return (
    <p>
      Hello {String(name)} on {device}
    </p>
  )
}

describe('hydration', () => {
  it('hydrates server HTML without a mismatch, then shows the live profile', async () => {
    const server = createAttune({ storage: 'memory' })
    const html = renderToString(
      <PersonalizationProvider attune={server}>
        <Greeting />
      </PersonalizationProvider>,
    )
    expect(html).toContain('Hello <!-- -->there<!-- --> on <!-- -->unknown')

    // The client knows more than the server did: a name, a device.
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1280)
    const client = createAttune({ storage: 'memory', schedule: 'sync' })
    client.identify({ name: 'Ada' })
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const recoverable = vi.fn()
    // eslint-disable-next-line @typescript-eslint/require-await -- async act waits for the effects and the re-render after hydration
    await act(async () => {
      hydrateRoot(
        container,
        <PersonalizationProvider attune={client}>
          <Greeting />
        </PersonalizationProvider>,
        { onRecoverableError: recoverable },
      )
    })
    expect(recoverable).not.toHaveBeenCalled()
    expect(errors).not.toHaveBeenCalled()
    expect(container.textContent).toBe('Hello Ada on desktop')
    container.remove()
  })
})
