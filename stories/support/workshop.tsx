/**
 * The designers' workshop: the example rules every story runs on, and the
 * decorator that wraps each story in a PersonalizationProvider honoring the
 * toolbar (segment, arm, motion, consent, locale, theme).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import './workshop.css'
import { prefersReducedMotion } from '../../src/motion/policy'
import { createAttune, PersonalizationProvider, withDecisions, type Consent, type DecisionAttune, type MotionSetting, type Overrides } from '../../src'

/** The example rules: what the toolbar's segment menu lists, and what the simulator's signals feed. */
export const RULES = {
  segments: [
    { id: 'shopper', priority: 30, description: 'Added something to the cart in the last 30 minutes', when: { event: 'add_to_cart', count: { gte: 1 }, within: '30m' } },
    {
      id: 'reader',
      priority: 20,
      description: 'Reads closely: scrolled past 60% of the page, or spent 20 s on the reviews',
      when: { any: [{ signal: 'scroll.depth', gte: 0.6 }, { signal: 'sections.reviews.dwellMs', gte: 20000 }] },
    },
    { id: 'returning', priority: 10, description: 'On a second visit or later', when: { signal: 'visitor.visits', gte: 2 } },
    { id: 'idle', priority: 5, description: 'Away from the keyboard right now', when: { signal: 'idle.idle', eq: true } },
  ],
}

export const SEGMENTS = RULES.segments.map((segment) => segment.id)

/** The example experiment: its arms are the toolbar's arm menu. */
export const EXPERIMENTS = [{ id: 'cta-copy', arms: { control: 50, bold: 50 } }]
export const EXPERIMENT = 'cta-copy'
export const ARMS = Object.keys(EXPERIMENTS[0]!.arms)

export type Locale = 'en' | 'de'

/** What the toolbar sets. `live`: whatever the visitor's behavior decides. */
export interface WorkshopGlobals {
  segment?: string
  arm?: string
  motion?: MotionSetting
  consent?: Consent
  locale?: Locale
  theme?: 'light' | 'dark'
  /** Shows the behavior simulator beside the story. */
  simulator?: 'show' | 'hide'
}

interface Workshop {
  attune: DecisionAttune
  /** Moves the instance's clock forward (a new visit is 30 minutes of absence). */
  advance: (ms: number) => void
  locale: Locale
  /** Whether the toolbar forces a segment or an arm. */
  overridden: boolean
}

const WorkshopContext = createContext<Workshop | null>(null)

/** The story's instance, clock and locale; throws outside the workshop decorator. */
export function useWorkshop(): Workshop {
  const workshop = useContext(WorkshopContext)
  if (!workshop) throw new Error('useWorkshop() needs the workshop decorator (.storybook/preview.tsx)')
  return workshop
}

/**
 * A template as a visitor with no traits reads it: each slot shows its
 * fallback. Written apart from the library's own `renderTemplate`, so a
 * story checks the component's text against an independent reading.
 */
export const withFallbacks = (template: string) => template.replace(/\{\{[^|}]*\|\s*([^}]*?)\s*\}\}/g, '$1')

/** Whether a story runs under reduced motion: the toolbar's motion setting, and under `user` the OS's. */
export const isReducedMotion = (globals: WorkshopGlobals | Record<string, unknown>) => globals.motion === 'reduce' || (globals.motion !== 'full' && prefersReducedMotion())

export function overridesOf({ segment = 'live', arm = 'live' }: WorkshopGlobals): Overrides | null {
  if (segment === 'live' && arm === 'live') return null
  return { ...(segment === 'live' ? {} : { segments: segment === 'none' ? [] : [segment] }), ...(arm === 'live' ? {} : { arms: { [EXPERIMENT]: arm } }) }
}

/** A fresh instance for each story: in memory, with a clock the simulator can move. */
function makeWorkshop(globals: WorkshopGlobals): Omit<Workshop, 'locale' | 'overridden'> {
  let offset = 0
  const attune = withDecisions(createAttune({ storage: 'memory', schedule: 'sync', now: () => Date.now() + offset }), {
    rules: RULES,
    experiments: EXPERIMENTS,
    hold: 0,
    // The workshop shows nudges again and again.
    budget: 1000,
    maxVariantChanges: 1000,
  })
  attune.override(overridesOf(globals))
  return { attune, advance: (ms) => void (offset += ms) }
}

/**
 * The page a story sits on: the toolbar's theme and locale, set on the root
 * too, as an app sets them: what renders in a portal at the end of the body
 * (AdaptiveHint's hint) is outside the story's wrapper.
 */
export function WorkshopPage({ theme = 'light', locale = 'en', children }: { theme?: 'light' | 'dark'; locale?: Locale; children: ReactNode }) {
  useEffect(() => {
    const root = document.documentElement
    const previous = root.getAttribute('data-attune-theme')
    root.setAttribute('data-attune-theme', theme)
    return () => (previous === null ? root.removeAttribute('data-attune-theme') : root.setAttribute('data-attune-theme', previous))
  }, [theme])
  return (
    <div
      data-workshop
      lang={locale}
      data-attune-theme={theme}
      style={{ display: 'flex', gap: 24, alignItems: 'flex-start', padding: 16, background: 'var(--attune-surface-bg)', color: 'var(--attune-surface-fg)', fontFamily: 'system-ui, sans-serif' }}
    >
      {children}
    </div>
  )
}

export function WorkshopProvider({ globals, children, simulator }: { globals: WorkshopGlobals; children: ReactNode; simulator?: ReactNode }) {
  const [workshop] = useState(() => makeWorkshop(globals))
  const { attune } = workshop
  const { segment, arm, motion = 'user', consent = 'granted', locale = 'en', theme = 'light' } = globals
  useEffect(() => attune.override(overridesOf({ segment, arm })), [attune, segment, arm])
  return (
    <WorkshopContext.Provider value={{ ...workshop, locale, overridden: overridesOf({ segment, arm }) !== null }}>
      <PersonalizationProvider attune={attune} consent={consent} motion={motion}>
        <WorkshopPage theme={theme} locale={locale}>
          <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
          {simulator}
        </WorkshopPage>
      </PersonalizationProvider>
    </WorkshopContext.Provider>
  )
}

/** The strings the components add, by locale: every one is a prop. */
export const STRINGS = {
  en: {
    carousel: { label: 'Recommended for you' },
    toast: { closeLabel: 'Dismiss', feedbackLabel: 'Was this helpful?', helpfulLabel: 'Helpful', notHelpfulLabel: 'Not helpful' },
    viewport: { label: 'Notifications ({hotkey})', toastLabel: 'Notification' },
  },
  de: {
    carousel: {
      label: 'Für Sie empfohlen',
      labels: {
        carousel: 'Karussell',
        slideRole: 'Folie',
        slide: (n: number, total: number, label?: string) => (label ? `${n} von ${total}: ${label}` : `${n} von ${total}`),
        previous: 'Vorherige Folie',
        next: 'Nächste Folie',
        start: 'Automatische Wiedergabe starten',
        stop: 'Automatische Wiedergabe anhalten',
        reason: 'Passend zu Ihren letzten Interessen',
      },
    },
    toast: { closeLabel: 'Schließen', feedbackLabel: 'War das hilfreich?', helpfulLabel: 'Hilfreich', notHelpfulLabel: 'Nicht hilfreich' },
    viewport: { label: 'Benachrichtigungen ({hotkey})', toastLabel: 'Hinweis' },
  },
} as const
