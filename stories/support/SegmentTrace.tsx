/**
 * A segment's `explain()` trace as a table: every condition of its rule by
 * JSON path, the test, the value read and whether it passed. Shared by the
 * behavior simulator and the Rules page's playground.
 */
import type { CSSProperties } from 'react'
import type { SegmentExplanation } from '../../src'

/** A new visit: longer than the 30-minute session timeout. */
export const NEW_VISIT_MS = 31 * 60 * 1000

/** A value read by a condition, briefly. */
export const showValue = (value: unknown) => (value === undefined ? '—' : typeof value === 'number' ? String(Math.round(value * 100) / 100) : JSON.stringify(value))

const CELL: CSSProperties = { textAlign: 'left', padding: '4px 12px 4px 0', borderBottom: '1px solid var(--attune-border)', verticalAlign: 'top' }

/** The table of one segment's trace; `caption` names it (what a screen reader announces for the table). */
export function SegmentTrace({ segment, caption }: { segment: SegmentExplanation; caption: string }) {
  return (
    <table data-segment={segment.id} style={{ borderCollapse: 'collapse', width: '100%' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" style={CELL}>
            Condition
          </th>
          <th scope="col" style={CELL}>
            Test
          </th>
          <th scope="col" style={CELL}>
            Value read
          </th>
          <th scope="col" style={CELL}>
            Result
          </th>
        </tr>
      </thead>
      <tbody>
        {segment.trace.map((step) => (
          <tr key={step.at}>
            <th scope="row" style={{ ...CELL, fontWeight: 400 }}>
              <code>{step.at}</code>
            </th>
            <td style={CELL}>{step.test ?? step.kind}</td>
            <td style={CELL}>{showValue(step.value)}</td>
            <td style={CELL}>{step.pass ? 'passes' : 'fails'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
