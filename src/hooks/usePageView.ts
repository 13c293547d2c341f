import { useEffect } from 'react'
import type { Attune } from '../core'
import { createDwellClock } from '../dom/dwell-clock'
import { refCounted } from '../dom/shared'
import { useAttune } from '../providers/AttuneContext'

/**
 * Two views of the same page closer than this are one: React's StrictMode
 * runs effects twice in development, and a router may re-render a route.
 */
const SAME_VIEW_MS = 1000
const lastViews = new WeakMap<Attune, { path: string; at: number }>()

/** One page clock per instance and path, however many components view the page. */
const pageClocks = new WeakMap<Attune, (path: string) => () => void>()

function retainPageClock(attune: Attune, path: string): () => void {
  let retain = pageClocks.get(attune)
  if (!retain) {
    retain = refCounted((page: string) => {
      const clock = createDwellClock((ms) => attune.record({ type: 'page-dwell', path: page, ms }))
      clock.setActive(true)
      return () => clock.dispose()
    })
    pageClocks.set(attune, retain)
  }
  return retain(path)
}

/**
 * Records a view of `path` and the time spent on it while the tab is in
 * front (`pages[path]`). Pass your router's current path (the default,
 * `location.pathname`, is read when the component mounts and whenever
 * `path` changes). Never re-renders the component that calls it.
 */
export function usePageView(path?: string): void {
  const attune = useAttune('usePageView')
  useEffect(() => {
    const page = path ?? location.pathname
    const now = performance.now()
    const last = lastViews.get(attune)
    if (!last || last.path !== page || now - last.at > SAME_VIEW_MS) attune.record({ type: 'pageview', path: page })
    lastViews.set(attune, { path: page, at: now })
    return retainPageClock(attune, page)
  }, [attune, path])
}
