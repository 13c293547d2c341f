/**
 * The variant history: what each component last showed this session, and
 * how many times its variant changed (`profile.state.variants`). Past the
 * cap of changes, the variant last shown stays until the next session, so
 * nothing flickers whatever the signals do.
 */
import { stateEntries } from './state-entries'
import type { Attune } from '../core/attune'
import { isFiniteNumber, isObject } from '../core/guards'
import type { Json } from '../core/profile'

export interface VariantHistoryOptions {
  attune: Pick<Attune, 'getProfile' | 'writeState'>
  /** Changes allowed per component and session. */
  maxChanges: number
}

/** What a component showed: its variant's key and the segment it was chosen for. */
export interface Shown {
  key: string
  segment: string | null
}

export interface VariantHistory {
  /** The variant to keep when the component may change no more this session (and `keys` still has it); else null. */
  locked: (componentId: string, keys: Readonly<Record<string, unknown>>) => Shown | null
  /** Records what a component showed: a change of key counts toward the cap. */
  shown: (componentId: string, shown: Shown) => void
}

interface Kept {
  key: unknown
  segment: unknown
  session: unknown
  changes: unknown
}

export function createVariantHistory({ attune, maxChanges }: VariantHistoryOptions): VariantHistory {
  const session = () => attune.getProfile().visitor.sessionId
  const read = (raw: Json | undefined): Kept | null => (isObject(raw) ? (raw as unknown as Kept) : null)
  const entryOf = (componentId: string): Json | undefined => stateEntries(attune.getProfile(), 'variants')[componentId]
  const isLocked = (entry: Kept | null, current: string): boolean =>
    entry !== null && entry.session === current && isFiniteNumber(entry.changes) && entry.changes >= maxChanges

  /** The entry after showing `shown`, or `raw` itself when nothing changes. */
  const after = (raw: Json | undefined, shown: Shown, current: string): Json | undefined => {
    const entry = read(raw)
    const same = entry !== null && entry.session === current
    if (isLocked(entry, current) || (same && entry.key === shown.key)) return raw
    const changes = same && isFiniteNumber(entry.changes) ? entry.changes + 1 : 0
    return { key: shown.key, segment: shown.segment, session: current, changes }
  }

  return {
    locked(componentId, keys) {
      const entry = read(entryOf(componentId))
      if (!entry || !isLocked(entry, session()) || typeof entry.key !== 'string' || !Object.hasOwn(keys, entry.key)) return null
      return { key: entry.key, segment: typeof entry.segment === 'string' ? entry.segment : null }
    },
    shown(componentId, shown) {
      const current = session()
      const raw = entryOf(componentId)
      // Nothing to write is nothing committed: shown() runs after every render.
      if (after(raw, shown, current) === raw) return
      // Returning the entry unchanged (it changed meanwhile) commits nothing.
      attune.writeState('variants', componentId, (now) => after(now, shown, current) ?? null)
    },
  }
}
