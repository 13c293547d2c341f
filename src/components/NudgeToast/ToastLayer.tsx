/**
 * The Radix Toast part of the viewport: its labelled region (F8), and the
 * toasts in it. Loaded with the first toast (see loadToastLayer.ts), not with
 * the page: a page whose nudges have not opened carries none of Radix Toast
 * nor of the animation code.
 */
import * as Toast from '@radix-ui/react-toast'
import { useRef, type CSSProperties, type ReactNode } from 'react'
import { motionPreset, type PresetProps } from '../../motion/presets'
import { useEntrance } from '../../motion/useEntrance'
import { useReducedMotion } from '../../motion/useReducedMotion'
import type { NudgeViewportProps } from './NudgeViewport'
import type { CloseCause, PublishedToast } from './store'

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

export interface ToastLayerProps extends NudgeViewportProps {
  toasts: readonly PublishedToast[]
  /** Where Radix's own announcer goes (see ViewportHost); toasts render only once it exists. */
  sink: HTMLDivElement | null
}

/** Radix's provider and viewport, and the toasts in it. */
export function ToastLayer({ label = 'Notifications ({hotkey})', toastLabel = 'Notification', hotkey, swipeDirection = 'right', style, toasts, sink, ...rest }: ToastLayerProps) {
  return (
    <Toast.Provider label={toastLabel} swipeDirection={swipeDirection} announcerContainer={sink ?? undefined}>
      <Toast.Viewport data-attune="toast-viewport" label={label} hotkey={hotkey} style={{ ...VIEWPORT_STYLE, ...style }} {...rest} />
      {/* Toasts render only once the sink exists: before, Radix would announce into document.body. */}
      {sink && toasts.map((toast) => <ToastItem key={toast.key} toast={toast} />)}
    </Toast.Provider>
  )
}
