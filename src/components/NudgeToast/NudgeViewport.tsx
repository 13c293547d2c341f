import * as Toast from '@radix-ui/react-toast'
import { useEffect, useRef, useState, useSyncExternalStore, type ComponentPropsWithoutRef, type CSSProperties, type ReactNode } from 'react'
import { motionPreset, type PresetProps } from '../../motion/presets'
import { useEntrance } from '../../motion/useEntrance'
import { useReducedMotion } from '../../motion/useReducedMotion'
import { useHosts } from '../../hooks/useHosts'
import { toastStore, type CloseCause, type PublishedToast } from './store'

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

// Only what it takes to work without a stylesheet: the toasts float over
// the page, in a corner the theme can move (CSS variables).
const VIEWPORT_STYLE: CSSProperties = {
  position: 'fixed',
  top: 'var(--attune-toast-top, auto)',
  right: 'var(--attune-toast-right, 0px)',
  bottom: 'var(--attune-toast-bottom, 0px)',
  left: 'var(--attune-toast-left, auto)',
  zIndex: 'var(--attune-toast-z, 2147483647)',
  maxWidth: '100vw',
  boxSizing: 'border-box',
  margin: 0,
  padding: 'var(--attune-toast-viewport-padding, 16px)',
  listStyle: 'none',
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
 * The part of a toast that enters: the root's transform is Radix's swipe
 * (--radix-toast-swipe-move-x under [data-swipe]), which an inline transform
 * would override. Inside the root, so that it mounts, and enters, at each
 * opening (Radix unmounts the root's content once it has closed).
 */
function ToastBody({ preset, children }: { preset: PresetProps | null; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEntrance(ref, preset)
  return (
    <div ref={ref} data-attune="toast-body">
      {children}
    </div>
  )
}

function ToastItem({ toast }: { toast: PublishedToast }) {
  const reduced = useReducedMotion()
  // Radix closes the same way for every cause: the handlers below say which one it was.
  const cause = useRef<CloseCause>('timeout')
  const mark = (value: CloseCause) => {
    cause.current = value
  }
  const preset = motionPreset(toast.animation, reduced)
  const { labels, action } = toast
  return (
    <Toast.Root
      open={toast.open}
      duration={toast.duration}
      onOpenChange={(open) => {
        if (open) return
        toast.onClose(cause.current)
        cause.current = 'timeout'
      }}
      onEscapeKeyDown={() => mark('dismiss')}
      onSwipeEnd={() => mark('dismiss')}
      data-attune="toast"
      data-variant={toast.variant}
      data-segment={toast.segment ?? undefined}
      data-arm={toast.arm ?? undefined}
      data-tone={toast.tone}
      // The motion in effect, the provider's setting included, for a theme's exit and swipe animations.
      data-motion={reduced ? 'reduce' : 'full'}
    >
      <ToastBody preset={preset}>
        {toast.title && <Toast.Title data-attune="toast-title">{toast.title}</Toast.Title>}
        <Toast.Description data-attune="toast-message">{toast.message}</Toast.Description>
        {action && (
          <Toast.Action data-attune="toast-action" altText={action.altText} onClick={() => mark('action')}>
            {action.label}
          </Toast.Action>
        )}
        {toast.feedback && (
          <div role="group" aria-label={labels.feedback} data-attune="toast-feedback">
            <Toast.Close data-attune="toast-feedback-button" data-value="helpful" onClick={() => mark('helpful')}>
              {labels.helpful}
            </Toast.Close>
            <Toast.Close data-attune="toast-feedback-button" data-value="not-helpful" onClick={() => mark('not-helpful')}>
              {labels.notHelpful}
            </Toast.Close>
          </div>
        )}
        <Toast.Close data-attune="toast-close" aria-label={labels.close} onClick={() => mark('dismiss')}>
          <span aria-hidden="true">×</span>
        </Toast.Close>
      </ToastBody>
    </Toast.Root>
  )
}

/** The viewport and its live region, without claiming the key: the provider's default, and NudgeViewport's inside. */
export function ViewportHost({ label = 'Notifications ({hotkey})', toastLabel = 'Notification', hotkey, swipeDirection = 'right', style, ...rest }: NudgeViewportProps) {
  const store = toastStore(useHosts())
  const { toasts, announcement } = useSyncExternalStore(store.subscribe, store.snapshot, store.snapshot)
  const ready = useRegionReady()
  // Where Radix's own announcer goes: a hidden element, so it says nothing.
  // Radix's ToastAnnounce inserts a new assertive live region with each toast
  // and fills it two frames later; some screen readers miss a region that
  // new (sonner#306), and next to ours every toast would be read twice.
  // Marking the content announce-exclude would not do: with nothing left to
  // read, Radix still renders its announcer, and says its label alone.
  const [sink, setSink] = useState<HTMLDivElement | null>(null)
  return (
    <Toast.Provider label={toastLabel} swipeDirection={swipeDirection} announcerContainer={sink ?? undefined}>
      <Toast.Viewport data-attune="toast-viewport" label={label} hotkey={hotkey} style={{ ...VIEWPORT_STYLE, ...style }} {...rest} />
      {/* The one live region, mounted from the start so the first toast is announced too (sonner#306). Polite: a nudge never interrupts speech. */}
      <div role="status" aria-live="polite" aria-atomic="true" data-attune="toast-live" style={VISUALLY_HIDDEN}>
        {ready && announcement && [toastLabel, ...announcement.texts].map((text, i) => <div key={i}>{text}</div>)}
      </div>
      <div hidden ref={setSink} />
      {/* Toasts render only once the sink exists: before, Radix would announce into document.body. */}
      {sink && toasts.map((toast) => <ToastItem key={toast.key} toast={toast} />)}
    </Toast.Provider>
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
