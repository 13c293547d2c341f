import { useRef } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import {
  PersonalizationProvider,
  useExperiment,
  useNudge,
  useSegment,
  useVariant,
  useBehavior,
  useClickTracking,
  useDwellTime,
  useExitIntent,
  useHoverIntent,
  useIdle,
  usePageView,
  useScrollDepth,
} from '../../src'

function Page() {
  const ref = useRef<HTMLElement>(null)
  useDwellTime(ref, { id: 'hero' })
  useHoverIntent(ref, { id: 'hero' })
  useClickTracking(ref, { id: 'hero' })
  useScrollDepth()
  useIdle()
  usePageView('/')
  useExitIntent()
  const visits = useBehavior((p) => p.visitor.visits)
  const device = useBehavior((p) => p.context.device)
  return (
    <section ref={ref}>
      visits {visits}, device {device}
    </section>
  )
}

describe('server rendering', () => {
  it('renders the provider and every hook without touching window or document', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(
      <PersonalizationProvider consent="granted">
        <Page />
      </PersonalizationProvider>,
    )
    // The server reads the empty profile: the client's hydration reads the same.
    expect(html).toBe('<section>visits <!-- -->0<!-- -->, device <!-- -->unknown</section>')
  })
})

describe('server rendering of decisions', () => {
  it('renders the default variant, no segment, no arm and a closed nudge, as hydration will', () => {
    function Decisions() {
      const segment = useSegment()
      const { variant } = useVariant('cta', { default: 'Buy', everyone: 'Hello' }, { experiment: 'cta' })
      const arm = useExperiment('cta')
      const nudge = useNudge('offer', { segment: 'everyone' })
      return (
        <p>
          {String(segment)} {variant} {String(arm)} {String(nudge.open)}
        </p>
      )
    }
    const html = renderToString(
      <PersonalizationProvider
        consent="granted"
        rules={{ segments: [{ id: 'everyone', when: { signal: 'visitor.id', exists: true } }] }}
        experiments={[{ id: 'cta', arms: { a: 1, b: 1 } }]}
      >
        <Decisions />
      </PersonalizationProvider>,
    )
    expect(html).toBe('<p>null<!-- --> <!-- -->Buy<!-- --> <!-- -->null<!-- --> <!-- -->false</p>')
  })
})
