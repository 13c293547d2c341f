import { cloneElement, forwardRef, isValidElement, type HTMLAttributes, type ReactElement, type ReactNode, type Ref } from 'react'
import { isRecord } from './variant-check'

/** Sets every ref given: the component's own and the child's. */
export function composeRefs<T>(...refs: (Ref<T> | undefined)[]): (node: T | null) => void {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node)
      else if (ref) (ref as { current: T | null }).current = node
    }
  }
}

type Props = Record<string, unknown>

/** The slot's props on the child: the child's handlers run first, classes add up, the child's style wins. */
function mergeProps(slot: Props, child: Props): Props {
  const merged: Props = { ...slot, ...child }
  for (const key of Object.keys(slot)) {
    const ours = slot[key]
    const theirs = child[key]
    if (/^on[A-Z]/.test(key) && typeof ours === 'function' && typeof theirs === 'function') {
      merged[key] = (...args: unknown[]) => {
        ;(theirs as (...args: unknown[]) => void)(...args)
        ;(ours as (...args: unknown[]) => void)(...args)
      }
    } else if (key === 'className' && typeof ours === 'string' && typeof theirs === 'string') merged[key] = `${ours} ${theirs}`
    else if (key === 'style' && isRecord(ours) && isRecord(theirs)) merged[key] = { ...ours, ...theirs }
  }
  return merged
}

/**
 * Renders its only child with its own props merged in (`asChild`): a link
 * styled and tracked as a button keeps its own element and semantics.
 */
export const Slot = forwardRef<HTMLElement, HTMLAttributes<HTMLElement> & { children?: ReactNode }>(function Slot({ children, ...props }, ref) {
  if (!isValidElement(children)) {
    throw new Error('[attune] asChild expects exactly one element as its child' + (__DEV__ ? ', such as <a href="…">…</a>.' : '.'))
  }
  const child = children as ReactElement<Props> & { ref?: Ref<HTMLElement> }
  // React 19 passes ref as a prop; React 18 keeps it on the element.
  const childRef = (child.props.ref as Ref<HTMLElement> | undefined) ?? child.ref
  return cloneElement(child, { ...mergeProps(props, child.props), ref: composeRefs(ref, childRef) })
})
