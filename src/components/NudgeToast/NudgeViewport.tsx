import type * as Toast from '@radix-ui/react-toast'
import { useEffect, useState, useSyncExternalStore, type ComponentPropsWithoutRef, type CSSProperties } from 'react'
import { useHosts } from '../../hooks/useHosts'
import { toastStore } from './store'
import { useToastLayer } from './loadToastLayer'

/** The hosts' key of the one viewport: NudgeToast needs it, NudgeViewport claims it. */
export const VIEWPORT_KEY = 'attune-nudge-viewport'

export interface NudgeViewportProps extends Omit<ComponentPropsWithoutRef<typeof Toast.Viewport>, 'children' | 'label'> {
  /** The name of the viewport's region; `{hotkey}` is replaced by the hotkey. Default `"Notifications ({hotkey})"`. */
  label?: string
  /** Said before each toast's text, so that screen reader users know what interrupts them. Default `"Notification"`. */
  toastLabel?: string
  /** Keys that move focus to the toasts (Radix; default `['F8']`). */
  hotkey?: string[]
  /** The direction a swipe dismisses a toast; default `right`. */
  swipeDirection?: 'up' | 'down' | 'left' | 'right'
}

/** Read by screen readers, not shown (the usual visually-hidden pattern, as Radix's VisuallyHidden). */
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
}

/**
 * True two frames after mounting. A live region must be in the
 * accessibility tree before its text changes, or screen readers miss the
 * change (sonner#306); Radix's ToastAnnounce waits two frames for the same
 * reason. This covers a toast open from the start (a segment entered at mount).
 */
function useRegionReady(): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let second = 0
    const first = requestAnimationFrame(() => (second = requestAnimationFrame(() => setReady(true))))
    return () => {
      cancelAnimationFrame(first)
      cancelAnimationFrame(second)
    }
  }, [])
  return ready
}

/**
 * The viewport and its live region, without claiming the key: the
 * provider's default, and NudgeViewport's inside. The live region is here
 * from the start; Radix Toast's part (the labelled region, F8, the toasts)
 * loads with the first toast and stays from then on (see loadToastLayer.ts).
 */
export function ViewportHost(props: NudgeViewportProps) {
  const { toastLabel = 'Notification' } = props
  const store = toastStore(useHosts())
  const { toasts, announcement } = useSyncExternalStore(store.subscribe, store.snapshot, store.snapshot)
  const ready = useRegionReady()
  const layer = useToastLayer(toasts)
  // Where Radix's own announcer goes: a hidden element, so it says nothing.
  // Radix's ToastAnnounce inserts a new assertive live region with each toast
  // and fills it two frames later; some screen readers miss a region that
  // new (sonner#306), and next to ours every toast would be read twice.
  // Marking the content announce-exclude would not do: with nothing left to
  // read, Radix still renders its announcer, and says its label alone.
  const [sink, setSink] = useState<HTMLDivElement | null>(null)
  return (
    <>
      {layer && <layer.ToastLayer {...props} toasts={toasts} sink={sink} />}
      {/* The one live region, mounted from the start so the first toast is announced too (sonner#306). Polite: a nudge never interrupts speech. */}
      <div role="status" aria-live="polite" aria-atomic="true" data-attune="toast-live" style={VISUALLY_HIDDEN}>
        {ready && announcement && [toastLabel, ...announcement.texts].map((text, i) => <div key={i}>{text}</div>)}
      </div>
      <div hidden ref={setSink} />
    </>
  )
}

/**
 * The one place where NudgeToasts appear: a labelled region (F8 moves focus
 * to it) over Radix Toast's viewport, with a live region that screen readers
 * know from the start. The provider renders one by default; place this to
 * choose where it sits in the tree or to localise its labels; the default
 * then steps aside.
 */
export function NudgeViewport(props: NudgeViewportProps) {
  const hosts = useHosts()
  useEffect(() => hosts?.claim(VIEWPORT_KEY), [hosts])
  return <ViewportHost {...props} />
}
