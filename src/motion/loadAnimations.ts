/** The components' animations, as the module that plays them. */
export type Animations = typeof import('./animations')

let loading: Promise<Animations> | null = null

/**
 * Loads the components' animations (animations.ts), once: a dynamic import,
 * so a bundler splits them into a chunk fetched on the first animation, not
 * with the page. A failed load is tried again on the next animation.
 */
export function loadAnimations(): Promise<Animations> {
  loading ??= import('./animations').catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}

/**
 * How long a first animation waits for its code, in ms: past this the
 * element shows its end state at once. Once loaded, the code is there in
 * the same frame; on a slow network a toast must not stay invisible for
 * part of the time it is shown. About a dozen frames, under the 250 ms
 * at which a delay starts to be felt as a lag.
 */
export const ANIMATION_WAIT_MS = 200

/**
 * Calls `play` with the animations once they are loaded (in the same frame
 * when they already are), or `atRest` if they cannot load, fail to start, or
 * take longer than ANIMATION_WAIT_MS. Returns a cancel function: after it,
 * neither is called.
 */
export function withAnimations(play: (animations: Animations) => void, atRest: () => void): () => void {
  let settled = false
  const settle = (then: () => void) => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    try {
      then()
    } catch {
      // No Web Animations API (jsdom, old browsers): the end state, at once.
      atRest()
    }
  }
  const timer = setTimeout(() => settle(atRest), ANIMATION_WAIT_MS)
  loadAnimations().then(
    (animations) => settle(() => play(animations)),
    () => settle(atRest),
  )
  return () => {
    settled = true
    clearTimeout(timer)
  }
}
