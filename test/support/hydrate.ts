import { act } from '@testing-library/react'
import type { ReactNode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { expect, onTestFinished, vi } from 'vitest'

/**
 * Hydrates server HTML in a fresh container and expects no mismatch: no
 * recoverable error and nothing logged by React. Waits for the effects and
 * the re-render that follow hydration; returns the container. The root is
 * unmounted and the container removed when the test ends.
 */
export async function hydrateWithoutWarnings(html: string, app: ReactNode): Promise<HTMLElement> {
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  const recoverable = vi.fn()
  // eslint-disable-next-line @typescript-eslint/require-await -- async act waits for the effects and the re-render after hydration
  const root = await act(async () => hydrateRoot(container, app, { onRecoverableError: recoverable }))
  onTestFinished(() => {
    act(() => root.unmount())
    container.remove()
  })
  expect(recoverable).not.toHaveBeenCalled()
  expect(errors).not.toHaveBeenCalled()
  errors.mockRestore()
  return container
}
