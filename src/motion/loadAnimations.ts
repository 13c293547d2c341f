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
