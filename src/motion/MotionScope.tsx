import { LazyMotion } from 'framer-motion'
import type { ReactNode } from 'react'

// Dynamic imports: a bundler splits the features into chunks fetched when
// the first component mounts, so the first load carries only `m` and
// LazyMotion (framer-motion whole is about 50 KB gzip).
const animation = () => import('./features').then((module) => module.default)
const layout = () => import('./layout-features').then((module) => module.default)

/**
 * Lets the `m` components below animate: `layout` adds layout animation
 * (reordering), a larger set of features.
 */
export function MotionScope({ layout: withLayout = false, children }: { layout?: boolean; children: ReactNode }) {
  return <LazyMotion features={withLayout ? layout : animation}>{children}</LazyMotion>
}
