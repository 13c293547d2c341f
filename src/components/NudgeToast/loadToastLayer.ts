/**
 * Loads the viewport's Radix Toast part (ToastLayer.tsx) with the first
 * toast: a dynamic import, so a bundler splits Radix Toast, the toasts and
 * their entrance into a chunk that a page fetches only when a nudge opens.
 * Once loaded, every viewport renders it at once.
 */
import { useEffect, useSyncExternalStore } from 'react'
import type { PublishedToast } from './store'

type Layer = typeof import('./ToastLayer')

let layer: Layer | null = null
let loading: Promise<Layer> | null = null
const listeners = new Set<() => void>()

/** Starts loading the layer (once; a failed load is tried again on the next call). */
export function loadToastLayer(): Promise<Layer> {
  loading ??= import('./ToastLayer').then(
    (module) => {
      layer = module
      for (const listener of listeners) listener()
      return module
    },
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}
const current = () => layer
// The server, and hydration, render without it: the layer appears after, as on a first toast.
const none = () => null

/** The layer once loaded; with toasts to show, loads it (and tries again with each new publication if a load failed). */
export function useToastLayer(toasts: readonly PublishedToast[]): Layer | null {
  const loaded = useSyncExternalStore(subscribe, current, none)
  useEffect(() => {
    // A chunk that fails to load costs the toasts' display, nothing else: the live region has announced them.
    if (!loaded && toasts.length) loadToastLayer().catch(() => {})
  }, [loaded, toasts])
  return loaded
}
