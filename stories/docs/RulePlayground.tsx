/**
 * The live example of the Rules docs page: a rules document to edit, buttons
 * that push signals into a visitor's profile, the errors `validateRules`
 * finds, and each segment's `explain()` trace.
 *
 * Docs pages get no story decorator, so the playground makes its own
 * instance (in memory, committed at once) and never needs the workshop.
 */
import { useId, useState, useSyncExternalStore, type CSSProperties } from 'react'
import { Adaptive, createAttune, PersonalizationProvider, withDecisions, type Diagnostic } from '../../src'
import { NEW_VISIT_MS, SegmentTrace } from '../support/SegmentTrace'
import { RULES } from '../support/workshop'

/** Enough time on the reviews for the example `reader` rule (20 s). */
const REVIEWS_DWELL_MS = 20_000

/** What the visitor sees, by segment: the rules at work in a component. */
const HEADLINES = {
  default: 'Shoes for every day',
  shopper: 'Your cart is waiting: free returns for 60 days',
  reader: 'Rated 4.6 of 5 by 1,200 runners',
  returning: 'Welcome back: new arrivals in your size',
  idle: 'Still there? Your selection is saved',
}

/** The playground's instance, with a clock that "New visit" moves forward. */
function makePlayground(rules: unknown) {
  let offset = 0
  const attune = withDecisions(createAttune({ storage: 'memory', consent: 'granted', schedule: 'sync', now: () => Date.now() + offset }), {
    // Segments change the moment their rule does: a playground shows cause and effect.
    hold: 0,
    maxVariantChanges: 1000,
  })
  // Loaded here rather than in the config: the errors are shown, not warned.
  const { errors } = attune.setRules(rules)
  return { attune, advance: (ms: number) => void (offset += ms), errors }
}

// Colors from attune/styles.css (imported by the preview), so the text meets AA contrast in light and dark.
const SURFACE: CSSProperties = { display: 'grid', gap: 16, padding: 16, border: '1px solid var(--attune-border)', borderRadius: 8, background: 'var(--attune-surface-bg)', color: 'var(--attune-surface-fg)', fontFamily: 'system-ui, sans-serif', fontSize: 14 }

export interface RulePlaygroundProps {
  /** The rules document to start from; default the workshop's example rules. */
  rules?: unknown
}

export function RulePlayground({ rules = RULES }: RulePlaygroundProps) {
  const id = useId()
  const [{ attune, advance, errors: initialErrors }] = useState(() => makePlayground(rules))
  const [text, setText] = useState(() => JSON.stringify(rules, null, 2))
  const [errors, setErrors] = useState<Diagnostic[]>(initialErrors)
  const [syntax, setSyntax] = useState<string | null>(null)
  // Re-rendered by every commit and segment change: the tables show the live state.
  const profile = useSyncExternalStore(attune.watchDecisions, attune.getProfile, attune.getProfile)

  const edit = (next: string) => {
    setText(next)
    let doc: unknown
    try {
      doc = JSON.parse(next)
    } catch (error) {
      // Not JSON at all: the rules last loaded stay in effect.
      setSyntax((error as Error).message)
      return
    }
    setSyntax(null)
    setErrors(attune.setRules(doc).errors)
  }

  const active = attune.segments()
  const explanations = attune.explain()
  const idle = profile.idle.idle
  const button = { type: 'button' as const, 'data-attune': 'button', 'data-tone': 'neutral' }
  const invalid = syntax !== null || errors.length > 0
  const summary =
    syntax !== null
      ? `Not valid JSON (${syntax}): the rules last loaded stay in effect.`
      : errors.length
        ? `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}: segments with errors are left out, the others apply.`
        : 'No errors: every segment applies.'

  return (
    <PersonalizationProvider attune={attune}>
      <section aria-label="Rule playground" data-attune-playground="" style={SURFACE}>
        <div style={{ display: 'grid', gap: 4 }}>
          <label htmlFor={`${id}-rules`} style={{ fontWeight: 600 }}>
            Rules (JSON)
          </label>
          <textarea
            id={`${id}-rules`}
            value={text}
            onChange={(e) => edit(e.target.value)}
            rows={18}
            spellCheck={false}
            aria-invalid={invalid}
            aria-describedby={`${id}-problems`}
            style={{ width: '100%', boxSizing: 'border-box', fontFamily: 'ui-monospace, monospace', fontSize: 13, color: 'inherit', background: 'inherit', border: '1px solid var(--attune-border)', borderRadius: 4, padding: 8 }}
          />
        </div>
        <div id={`${id}-problems`}>
          <p role="status" style={{ margin: 0 }} data-testid="rules-status">
            {summary}
          </p>
          {syntax === null && errors.length > 0 && (
            <ul aria-label="Rule errors" style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {errors.map((error) => (
                <li key={`${error.path}:${error.message}`}>
                  <code>{error.path || '/'}</code>: {error.message}
                </li>
              ))}
            </ul>
          )}
        </div>

        <fieldset style={{ display: 'flex', flexWrap: 'wrap', gap: 8, border: '1px solid var(--attune-border)', borderRadius: 4, margin: 0 }}>
          <legend>Push a signal</legend>
          <button {...button} onClick={() => attune.track('add_to_cart')}>
            Add to cart
          </button>
          <button {...button} onClick={() => attune.record({ type: 'scroll', y: 700, depth: 0.7 })}>
            Scroll to 70%
          </button>
          <button {...button} onClick={() => attune.record({ type: 'dwell', id: 'reviews', ms: REVIEWS_DWELL_MS, ratio: 1 })}>
            Read the reviews 20 s
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
          <button {...button} onClick={() => attune.forget()}>
            New visitor
          </button>
        </fieldset>

        <p role="status" style={{ margin: 0 }}>
          Active segments: <strong data-testid="active-segments">{active.length ? active.join(', ') : 'none'}</strong>
        </p>
        <p style={{ margin: 0 }}>
          {/* The rules at work in a component: its variants are keyed by segment. */}
          What this visitor sees:{' '}
          <Adaptive id="playground-headline" variants={HEADLINES}>
            {(headline, { key }) => (
              <strong data-testid="headline" data-variant={key}>
                {headline}
              </strong>
            )}
          </Adaptive>
        </p>

        {explanations.map((segment) => (
          <SegmentTrace key={segment.id} segment={segment} caption={`${segment.id}: ${segment.matched ? 'matches' : 'does not match'}, ${segment.active ? 'active' : 'inactive'} (priority ${segment.priority})`} />
        ))}
      </section>
    </PersonalizationProvider>
  )
}
