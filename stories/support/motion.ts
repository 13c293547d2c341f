/**
 * Motion checks for play functions: wait for an entrance to end, and sample
 * an entrance frame by frame (framer-motion runs transforms on the Web
 * Animations API: only the computed style shows them).
 */
import { expect, waitFor } from 'storybook/test'

/**
 * Waits for an element's entrance to end: axe measures contrast on what it
 * sees, and a fading element is faint. Opacity, not running animations:
 * until the animation code arrives (lazily), an entering element waits
 * at opacity 0 with nothing running.
 */
export const settled = (element: Element) => waitFor(() => expect(getComputedStyle(element).opacity).toBe('1'))

/** Resolves on the next animation frame. */
export const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

export interface Frame {
  transform: string
  opacity: number
}

/** How long an entrance may take to end, from the element's first frame: the animation code loads lazily, and a busy machine runs frames late. */
const ENTRANCE_TIMEOUT_MS = 3000

/** Whether a frame shows the element moved: translated, scaled or rotated (an identity matrix is not a move). */
export const moved = ({ transform }: Frame) => transform !== 'none' && !new DOMMatrixReadOnly(transform).isIdentity

/** Whether a frame shows the element at rest: fully opaque, not moved. */
const atRest = (frame: Frame) => frame.opacity === 1 && !moved(frame)

/**
 * The computed transform and opacity of an element on every frame of its
 * entrance: from the frame `find` first returns it to the first frame it is
 * at rest (fully opaque, not moved). Sampling to the end, not for a fixed
 * time, so a late start or a slow frame cannot hide part of it.
 */
export async function entranceFrames(find: () => Element | null): Promise<Frame[]> {
  let deadline = performance.now() + 2000
  let element: Element | null = null
  while (!(element = find())) {
    if (performance.now() > deadline) throw new Error('nothing appeared to sample within 2 s')
    await frame()
  }
  const samples: Frame[] = []
  deadline = performance.now() + ENTRANCE_TIMEOUT_MS
  for (;;) {
    const style = getComputedStyle(element)
    const sample = { transform: style.transform, opacity: Number(style.opacity) }
    samples.push(sample)
    if (atRest(sample)) return samples
    if (performance.now() > deadline) throw new Error(`the entrance did not end within ${ENTRANCE_TIMEOUT_MS / 1000} s: last frame ${JSON.stringify(sample)}`)
    await frame()
  }
}
