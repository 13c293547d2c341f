import type { ReactElement } from 'react'
import { AdaptiveButton, createAttune, createProfile, PersonalizationProvider, withDecisions, type ButtonVariant, type DecisionAttune, type Profile, type Variants } from '../../src'

/**
 * AdaptiveButtons as a server renders them, with the HTML expected: the
 * server renders them without a window (test/ssr), the browser's first
 * render (hydration) with one (test/dom). Both must give this very HTML,
 * or hydration would not match.
 */
const RULES = {
  segments: [
    { id: 'shopper', priority: 10, when: { event: 'add_to_cart', count: { gte: 1 } } },
    { id: 'returning', when: { signal: 'visitor.visits', gte: 2 } },
  ],
}
const EXPERIMENTS = [{ id: 'cta', arms: { control: 50, bold: 50 } }]

const start = createProfile(Date.UTC(2026, 0, 1))
/** A returning visitor with a name and a fixed id (so a fixed arm), as the server has them from a cookie. */
const RETURNING: Profile = { ...start, visitor: { ...start.visitor, id: 'visitor-1', visits: 3, traits: { name: 'Ada' } } }

const VARIANTS: Variants<ButtonVariant> = {
  default: { label: 'Buy now' },
  returning: { label: 'Welcome back, {{name | friend}}', tone: 'success', animation: 'shimmer', icon: '★', iconPosition: 'end' },
  bold: { label: 'Get it today', tone: 'warning' },
}

export interface ButtonPage {
  name: string
  /** A new instance each time: the server's, or the client's that hydrates. */
  attune: () => DecisionAttune
  page: (attune: DecisionAttune) => ReactElement
  html: string
}

const make = (initialProfile?: Profile) => withDecisions(createAttune({ storage: 'memory', consent: 'granted', ...(initialProfile ? { initialProfile } : {}) }), { hold: 0, rules: RULES, experiments: EXPERIMENTS })

export const BUTTON_PAGES: ButtonPage[] = [
  {
    name: 'default, without an initial profile',
    attune: () => make(),
    page: (attune) => (
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="cta" variants={VARIANTS} className="buy" />
      </PersonalizationProvider>
    ),
    html: '<button type="button" class="buy" data-attune="button" data-variant="default" data-tone="primary"><span data-attune-part="label">Buy now</span></button>',
  },
  {
    name: 'the segment variant, its template filled from the traits, its icon at the end and its shimmer',
    attune: () => make(RETURNING),
    page: (attune) => (
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="cta" variants={VARIANTS} style={{ color: 'red' }} />
      </PersonalizationProvider>
    ),
    html: '<button type="button" data-attune="button" data-variant="returning" data-segment="returning" data-tone="success" style="position:relative;overflow:hidden;color:red"><span data-attune-part="label">Welcome back, Ada</span><span aria-hidden="true" data-attune-part="icon">★</span><span aria-hidden="true" data-attune-part="sheen" style="position:absolute;inset:0;pointer-events:none;transform:translateX(-100%);background:linear-gradient(100deg, transparent 20%, var(--attune-sheen, rgb(255 255 255 / 0.35)) 50%, transparent 80%)"></span></button>',
  },
  {
    name: 'no shimmer under motion="reduce"; values win over traits',
    attune: () => make(RETURNING),
    page: (attune) => (
      <PersonalizationProvider attune={attune} motion="reduce">
        <AdaptiveButton id="cta" variants={VARIANTS} values={{ name: 'Grace' }} />
      </PersonalizationProvider>
    ),
    html: '<button type="button" data-attune="button" data-variant="returning" data-segment="returning" data-tone="success"><span data-attune-part="label">Welcome back, Grace</span><span aria-hidden="true" data-attune-part="icon">★</span></button>',
  },
  {
    name: 'an experiment arm',
    attune: () => make(RETURNING),
    page: (attune) => (
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="cta" experiment="cta" variants={{ default: { label: 'Buy now' }, control: { label: 'Buy' }, bold: { label: 'Get it today', tone: 'warning' } }} />
      </PersonalizationProvider>
    ),
    html: '<button type="button" data-attune="button" data-variant="bold" data-arm="bold" data-tone="warning"><span data-attune-part="label">Get it today</span></button>',
  },
  {
    name: 'asChild: a link',
    attune: () => make(RETURNING),
    page: (attune) => (
      <PersonalizationProvider attune={attune}>
        <AdaptiveButton id="cta" variants={{ default: { label: 'Buy now' }, returning: { label: 'Back again', icon: '→' } }} asChild>
          <a href="/cart">cart</a>
        </AdaptiveButton>
      </PersonalizationProvider>
    ),
    html: '<a href="/cart" data-attune="button" data-variant="returning" data-segment="returning" data-tone="primary"><span aria-hidden="true" data-attune-part="icon">→</span><span data-attune-part="label">Back again</span></a>',
  },
  {
    name: 'an invalid variant: default instead',
    attune: () => make(RETURNING),
    page: (attune) => (
      <PersonalizationProvider attune={attune} onError={() => {}}>
        <AdaptiveButton id="cta" variants={{ default: { label: 'Buy now' }, returning: { label: '' } }} />
      </PersonalizationProvider>
    ),
    html: '<button type="button" data-attune="button" data-variant="default" data-tone="primary"><span data-attune-part="label">Buy now</span></button>',
  },
]
