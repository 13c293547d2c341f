/**
 * The behavior simulator: pushes signals into the story's live profile
 * (dwell, scroll depth, visits, idle, custom events) and shows each segment
 * of the example rules with the `explain` trace of why it matches or not.
 */
import { useId, useState, useSyncExternalStore } from 'react'
import { NEW_VISIT_MS, SegmentTrace } from './SegmentTrace'
import { useWorkshop } from './workshop'

/** Each press of "Read the reviews" adds this much time on them: two make a reader (the example rule asks 20 s). */
const DWELL_STEP_MS = 10_000

export function Simulator() {
  const { attune, advance, overridden } = useWorkshop()
  const id = useId()
  // Re-rendered by every commit and segment change: the panel shows the live state.
  const version = useSyncExternalStore(
    attune.watchDecisions,
    () => attune.getProfile(),
    () => attune.getProfile(),
  )
  const [depth, setDepth] = useState(0)
  const [event, setEvent] = useState('add_to_cart')
  const active = attune.activeSegments()
  const explanations = attune.explain()
  const idle = version.idle.idle
  const button = { type: 'button' as const, 'data-attune': 'button', 'data-tone': 'neutral' }

  return (
    <aside aria-label="Behavior simulator" style={{ display: 'grid', gap: 12, padding: 12, border: '1px solid var(--attune-border)', borderRadius: 8, fontSize: 14, minWidth: 300 }}>
      <h2 style={{ margin: 0, fontSize: 16 }}>Behavior simulator</h2>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <button {...button} onClick={() => attune.record({ type: 'dwell', id: 'reviews', ms: DWELL_STEP_MS, ratio: 1 })}>
          Read the reviews 10 s
        </button>
        <button
          {...button}
          onClick={() => {
            advance(NEW_VISIT_MS)
            attune.record({ type: 'pageview', path: '/' })
          }}
        >
          New visit
        </button>
        <button {...button} aria-pressed={idle} onClick={() => attune.record({ type: 'idle', idle: !idle })}>
          Idle
        </button>
      </div>
      <div style={{ display: 'grid', gap: 4 }}>
        {/* A fixed name, the value apart: a label that changes with each step would be announced anew every time. */}
        <div>
          <label htmlFor={`${id}-depth`}>Scroll depth</label> <output htmlFor={`${id}-depth`}>{depth}%</output>
        </div>
        <input
          id={`${id}-depth`}
          type="range"
          min={0}
          max={100}
          step={10}
          value={depth}
          aria-valuetext={`${depth}%`}
          onChange={(e) => {
            const value = Number(e.target.value)
            setDepth(value)
            attune.record({ type: 'scroll', y: value * 10, depth: value / 100 })
          }}
        />
      </div>
      <form
        style={{ display: 'flex', gap: 8, alignItems: 'end' }}
        onSubmit={(e) => {
          e.preventDefault()
          if (event.trim()) attune.track(event.trim())
        }}
      >
        <div style={{ display: 'grid', gap: 4 }}>
          <label htmlFor={`${id}-event`}>Custom event</label>
          <input id={`${id}-event`} value={event} onChange={(e) => setEvent(e.target.value)} />
        </div>
        <button {...button} type="submit">
          Track
        </button>
      </form>
      {/* A live region: a screen reader hears the segments change after each signal. */}
      <p role="status" style={{ margin: 0 }}>
        Visits: {version.visitor.visits} · Active segments: <strong data-testid="active-segments">{active.length ? active.join(', ') : 'none'}</strong>
        {overridden && ' (forced by the toolbar)'}
      </p>
      {explanations.map((segment) => (
        <SegmentTrace key={segment.id} segment={segment} caption={`${segment.id}: ${segment.matched ? 'matches' : 'does not match'}`} />
      ))}
    </aside>
  )
}
