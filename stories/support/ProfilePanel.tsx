import { useBehavior, type Profile } from '../../src'

const round = (n: number) => Math.round(n)
const percent = (n: number) => `${Math.round(n * 100)}%`

function rows<T>(record: Record<string, T>, cell: (entry: T) => string): [string, string][] {
  return Object.entries(record).map(([id, entry]) => [id, cell(entry)])
}

function Table({ caption, data }: { caption: string; data: [string, string][] }) {
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', marginBottom: 12, fontSize: 13 }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{caption}</caption>
      <tbody>
        {data.length === 0 ? (
          <tr>
            <td style={{ color: '#555' }}>nothing yet</td>
          </tr>
        ) : (
          data.map(([key, value]) => (
            <tr key={key} style={{ borderTop: '1px solid #ddd' }}>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 400, padding: '2px 8px 2px 0' }}>
                {key}
              </th>
              <td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{value}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}

/** The live profile, as a designer watches it change. Re-renders on every commit, on purpose. */
export function ProfilePanel() {
  const profile = useBehavior((p: Profile) => p)
  return (
    <aside aria-label="Live profile" style={{ position: 'sticky', top: 16, padding: 16, background: '#f6f7f9', color: '#1a1a1a', borderRadius: 8, width: 300 }}>
      <h2 style={{ fontSize: 16, marginTop: 0 }}>Live profile</h2>
      <Table
        caption="Visit"
        data={[
          ['page', profile.page ?? '—'],
          ['visits', String(profile.visitor.visits)],
          ['device', profile.context.device],
          ['time of day', profile.context.timeOfDay],
          ['idle', profile.idle.idle ? 'yes' : 'no'],
        ]}
      />
      <Table
        caption="Scroll"
        data={[
          ['depth', percent(profile.scroll.depth)],
          ['velocity', `${round(profile.scroll.velocity)} px/s`],
        ]}
      />
      <Table caption="Sections: visible time" data={rows(profile.sections, (s) => `${(s.dwellMs / 1000).toFixed(1)} s · ${s.views} ${s.views === 1 ? 'view' : 'views'}`)} />
      <Table caption="Hover intent" data={rows(profile.hover, (h) => `${h.count} × · ${(h.dwellMs / 1000).toFixed(1)} s`)} />
      <Table caption="Clicks" data={rows(profile.clicks, (c) => String(c.count))} />
    </aside>
  )
}
