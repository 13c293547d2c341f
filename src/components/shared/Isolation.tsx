import { Component, type ReactNode } from 'react'
import type { FailSafe } from '../../hooks/useFailSafe'

interface IsolationProps {
  /** The component's fail-safe: the boundary reports what it catches there. */
  safe: Pick<FailSafe, 'report'>
  /**
   * What to render instead: the component with its default variant, and no
   * engine. A function is called only when the boundary has caught an error,
   * so a component does not build its fallback on every render.
   */
  fallback: ReactNode | (() => ReactNode)
  children: ReactNode
}

/**
 * An error boundary around one adaptive component, for render errors: a
 * render function or a template that throws, a component used without its
 * provider or engine. The component shows its default variant and the host
 * app goes on. The engine's own errors do not come this far: the component's
 * fail-safe (useFailSafe) catches them at each call.
 */
export class Isolation extends Component<IsolationProps, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  override componentDidCatch(error: unknown) {
    this.props.safe.report(error)
  }

  override render() {
    if (!this.state.failed) return this.props.children
    const { fallback } = this.props
    return typeof fallback === 'function' ? fallback() : fallback
  }
}
