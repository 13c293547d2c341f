/**
 * Motion checks for play functions: wait for an entrance to end, and sample
 * an entrance frame by frame (framer-motion runs transforms on the Web
 * Animations API: only the computed style shows them).
 */
import { expect, waitFor } from 'storybook/test'

/**
 * Waits for an element's entrance to end: axe measures contrast on what it
 * sees, and a fading element is faint. Opacity, not running animations:
 * until framer-motion's features arrive (lazily), an entering element waits
 * at opacity 0 with nothing running.
 */
export const settled = (element: Element) => waitFor(() => expect(getComputedStyle(element).opacity).toBe('1'), { timeout: 3000 })

/** Resolves on the next animation frame. */
export const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

export interface Frame {
  transform: string
  opacity: number
}

/**
 * The computed transform and opacity of an element on every frame for `ms`,
 * from the frame `find` first returns it: its entrance, as the visitor sees it.
 */
export async function entranceFrames(find: () => Element | null, ms = 400): Promise<Frame[]> {
  const deadline = performance.now() + 2000
  let element: Element | null = null
  while (!(element = find())) {
    if (performance.now() > deadline) throw new Error('nothing appeared to sample within 2 s')
    await frame()
  }
  const samples: Frame[] = []
  const end = performance.now() + ms
  while (performance.now() < end) {
    const style = getComputedStyle(element)
    samples.push({ transform: style.transform, opacity: Number(style.opacity) })
    await frame()
  }
  return samples
}
