import { describe, expect, it } from 'vitest'
import { resolveSignal } from '../../src/engine/rules/signals'

/**
 * What resolveSignal answered before the signal tree was derived from the
 * profile schema (captured from the hand-written tree): every path and every
 * message must stay as they were.
 */
const PINNED: [unknown, unknown][] = [
  ["", "expected a signal path such as \"scroll.depth\""],
  [7, "expected a signal path such as \"scroll.depth\""],
  ["page", {"path": ["page"], "kind": "string"}],
  ["page.x", "\"page\" holds a value, not \"x\""],
  ["scroll", "\"scroll\" is a group; expected one of scroll.depth, scroll.velocity"],
  ["scroll.depth", {"path": ["scroll", "depth"], "kind": "number"}],
  ["scroll.velocity", {"path": ["scroll", "velocity"], "kind": "number"}],
  ["scroll.y", "unknown signal \"scroll.y\": no \"y\" in scroll; expected depth, velocity"],
  ["scroll.at", "unknown signal \"scroll.at\": no \"at\" in scroll; expected depth, velocity"],
  ["scroll.velocty", "unknown signal \"scroll.velocty\": no \"velocty\" in scroll (did you mean \"velocity\"?); expected depth, velocity"],
  ["scroll.depth.x", "\"scroll.depth\" holds a value, not \"x\""],
  ["visitor", "\"visitor\" is a group; expected one of visitor.id, visitor.firstSeen, visitor.lastSeen, visitor.visits, visitor.sessionId, visitor.sessionStart"],
  ["visitor.visits", {"path": ["visitor", "visits"], "kind": "number"}],
  ["visitor.id", {"path": ["visitor", "id"], "kind": "string"}],
  ["visitor.vists", "unknown signal \"visitor.vists\": no \"vists\" in visitor (did you mean \"visits\"?); expected id, firstSeen, lastSeen, visits, sessionId, sessionStart, traits"],
  ["visitor.traits", "traits are read one at a time, such as \"visitor.traits.plan\""],
  ["visitor.traits.plan", {"path": ["visitor", "traits", "plan"], "kind": "any"}],
  ["visitor.traits.a.b", {"path": ["visitor", "traits", "a.b"], "kind": "any"}],
  ["context", "\"context\" is a group; expected one of context.device, context.viewport, context.locale, context.timeZone, context.hour, context.timeOfDay, context.referrer, context.utm"],
  ["context.viewport", "\"context.viewport\" is a group; expected one of context.viewport.width, context.viewport.height"],
  ["context.viewport.width", {"path": ["context", "viewport", "width"], "kind": "number"}],
  ["context.utm.source", {"path": ["context", "utm", "source"], "kind": "string"}],
  ["context.utm.sorce", "unknown signal \"context.utm.sorce\": no \"sorce\" in context.utm (did you mean \"source\"?); expected source, medium, campaign, term, content"],
  ["context.device", {"path": ["context", "device"], "kind": "string"}],
  ["idle.idle", {"path": ["idle", "idle"], "kind": "boolean"}],
  ["idle.since", {"path": ["idle", "since"], "kind": "number"}],
  ["idle.totalMs", {"path": ["idle", "totalMs"], "kind": "number"}],
  ["idle", "\"idle\" is a group; expected one of idle.idle, idle.since, idle.totalMs"],
  ["nope", "unknown signal \"nope\": no \"nope\"; expected page, visitor, context, scroll, idle, pages, sections, hover, clicks, events, propensity"],
  ["pages", "\"pages\" signals name an id and a field, such as \"pages.<id>.views\""],
  ["pages./x", "\"pages\" signals name an id and a field, such as \"pages.<id>.views\""],
  ["pages./product.dwellMs", {"path": ["pages", "/product", "dwellMs"], "kind": "number", "missing": 0}],
  ["pages./a.b.views", {"path": ["pages", "/a.b", "views"], "kind": "number", "missing": 0}],
  ["pages./product.last", {"path": ["pages", "/product", "last"], "kind": "number"}],
  ["pages./p.dwell", "unknown field \"dwell\" of pages (did you mean \"dwellMs\"?); expected views, dwellMs, last"],
  ["sections.hero.maxRatio", {"path": ["sections", "hero", "maxRatio"], "kind": "number", "missing": 0}],
  ["sections.hero", "\"sections\" signals name an id and a field, such as \"sections.<id>.views\""],
  ["hover.a.count", {"path": ["hover", "a", "count"], "kind": "number", "missing": 0}],
  ["hover.a.dwellMs", {"path": ["hover", "a", "dwellMs"], "kind": "number", "missing": 0}],
  ["hover.a.maxMs", "unknown field \"maxMs\" of hover; expected count, dwellMs, last"],
  ["clicks.a.count", {"path": ["clicks", "a", "count"], "kind": "number", "missing": 0}],
  ["clicks.a.last", {"path": ["clicks", "a", "last"], "kind": "number"}],
  ["clicks.a.dwellMs", "unknown field \"dwellMs\" of clicks; expected count, last"],
  ["events.buy.count", {"path": ["events", "buy", "count"], "kind": "number", "missing": 0}],
  ["events.buy.last", {"path": ["events", "buy", "last"], "kind": "number"}],
  ["events.buy.score", "unknown field \"score\" of events; expected count, last"],
  ["events.buy.recent", "unknown field \"recent\" of events; expected count, last"],
  ["events", "\"events\" signals name an id and a field, such as \"events.<id>.count\""],
  ["state", "unknown signal \"state\": no \"state\"; expected page, visitor, context, scroll, idle, pages, sections, hover, clicks, events, propensity"],
  ["state.x", "unknown signal \"state.x\": no \"state\"; expected page, visitor, context, scroll, idle, pages, sections, hover, clicks, events, propensity"],
  ["visitor.traits.", {"path": ["visitor", "traits", ""], "kind": "any"}],
  ["v", "unknown signal \"v\": no \"v\"; expected page, visitor, context, scroll, idle, pages, sections, hover, clicks, events, propensity"],
  ["context.hour", {"path": ["context", "hour"], "kind": "number"}],
  ["context.timeOfDay", {"path": ["context", "timeOfDay"], "kind": "string"}],
]

describe('signal paths, from the profile schema', () => {
  it.each(PINNED)('resolves %j as before', (text, expected) => {
    expect(resolveSignal(text)).toEqual(expected)
  })

  it('refuses what is not a path', () => {
    expect(resolveSignal(undefined)).toBe('expected a signal path such as "scroll.depth"')
  })

  it('names propensity models, and only defined ones', () => {
    expect(resolveSignal('propensity.buy')).toBe('no propensity model is defined; "models" holds them')
    expect(resolveSignal('propensity.buy', ['buy', 'churn'])).toEqual({ path: [], kind: 'number', model: 'buy' })
    expect(resolveSignal('propensity', ['buy', 'churn'])).toBe('unknown propensity model ""; expected buy, churn')
    expect(resolveSignal('propensity.bye', ['buy', 'churn'])).toBe('unknown propensity model "bye" (did you mean "buy"?); expected buy, churn')
  })
})
