import { Component, type ReactNode } from 'react'

interface IsolationProps {
  /** The component's name in reports, such as `<AdaptiveButton id="cta">`. */
  component: string
  report: (component: string, error: unknown) => void
  /** What to render instead: the component with its default variant, and no engine. */
  fallback: ReactNode
  children: ReactNode
}

/**
 * An error boundary around one adaptive component: when personalization
 * fails while rendering (the engine throws, a template breaks), the component
 * shows its default variant and the host app goes on.
 */
export class Isolation extends Component<IsolationProps, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  override componentDidCatch(error: unknown) {
    this.props.report(this.props.component, error)
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
