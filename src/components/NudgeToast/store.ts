/**
 * The toasts of one provider, outside React (as sonner's `state.ts`): each
 * NudgeToast publishes its toast here and the one viewport renders them, so
 * the viewport can sit anywhere (the provider's default, or a NudgeViewport).
 */
import type { Tone } from '../shared/tone'
import type { ToastAnimation } from './variant'

/** Why a toast closed: the viewport knows, the NudgeToast tells the engine. */
export type CloseCause = 'dismiss' | 'action' | 'helpful' | 'not-helpful' | 'timeout'

/** Localisable texts of one toast. */
export interface ToastLabels {
  close: string
  feedback: string
  helpful: string
  notHelpful: string
}

/** What a toast shows, fixed when it opens: rendered text, never markup. */
export interface ToastContent {
  title: string | null
  message: string
  action: { label: string; altText: string } | null
  tone: Tone
  animation: ToastAnimation
  /** The variant's key, segment and arm, for `data-*` attributes. */
  variant: string
  segment: string | null
  arm: string | null
}

export interface PublishedToast extends ToastContent {
  /** The NudgeToast's own key (useId): stable across its openings. */
  key: string
  open: boolean
  duration: number
  feedback: boolean
  labels: ToastLabels
  onClose: (cause: CloseCause) => void
}

export interface ToastSnapshot {
  /** In the order they were first published. */
  toasts: readonly PublishedToast[]
  /** What the live region says: the texts of the toast opened last, while it is open. */
  announcement: { key: string; texts: readonly string[] } | null
}

export interface ToastStore {
  snapshot: () => ToastSnapshot
  subscribe: (listener: () => void) => () => void
  /** Adds or replaces a toast; opening it (closed before, or new) announces it. */
  publish: (toast: PublishedToast) => void
  /** Closes a toast, keeping its content for its exit. */
  close: (key: string) => void
  remove: (key: string) => void
}

/** The texts a screen reader hears: title, message, and the action's alternative (the button itself is not announced). */
const spoken = (toast: ToastContent) => [toast.title, toast.message, toast.action?.altText].filter((text): text is string => !!text)

export function createToastStore(): ToastStore {
  let state: ToastSnapshot = { toasts: [], announcement: null }
  const listeners = new Set<() => void>()
  const set = (toasts: readonly PublishedToast[], announcement: ToastSnapshot['announcement']) => {
    state = { toasts, announcement }
    for (const listener of listeners) listener()
  }
  const quiet = (key: string) => (state.announcement?.key === key ? null : state.announcement)
  return {
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    publish(toast) {
      const known = state.toasts.find((t) => t.key === toast.key)
      const opening = toast.open && !known?.open
      const toasts = known ? state.toasts.map((t) => (t === known ? toast : t)) : [...state.toasts, toast]
      set(toasts, opening ? { key: toast.key, texts: spoken(toast) } : toast.open ? state.announcement : quiet(toast.key))
    },
    close(key) {
      if (!state.toasts.some((t) => t.key === key && t.open)) return
      set(
        state.toasts.map((t) => (t.key === key ? { ...t, open: false } : t)),
        quiet(key),
      )
    },
    remove(key) {
      if (!state.toasts.some((t) => t.key === key)) return
      set(
        state.toasts.filter((t) => t.key !== key),
        quiet(key),
      )
    },
  }
}

const stores = new WeakMap<object, ToastStore>()
const NO_PROVIDER = {}

/** The store of a provider, keyed by its HostsContext value (one per provider). */
export function toastStore(owner: object | null): ToastStore {
  const key = owner ?? NO_PROVIDER
  let store = stores.get(key)
  if (!store) stores.set(key, (store = createToastStore()))
  return store
}
