// The workshop's variant tuning (stories/support/variant-controls.ts,
// tune-story.tsx, variant-json.tsx): Controls to variants and back, pasted
// JSON, and how a load and later Control edits combine when Storybook's
// manager echoes the args a load sends.
import { act, render } from '@testing-library/react'
import { useEffect } from 'react'
import { describe, expect, it } from 'vitest'
import type { Variants } from '../../src'
import { useTuned } from '../../stories/support/tune-story'
import { fromArgs, tuneArgs, UNSET, type FieldControl } from '../../stories/support/variant-controls'
import { parseVariants } from '../../stories/support/variant-json'

interface Demo {
  label?: string
  tone?: string
  count?: number
  on?: boolean
  messages?: string[]
}

const FIELDS: Record<string, FieldControl> = { label: 'text', tone: ['a', 'b'], count: { number: { min: 0, step: 1 } }, on: 'boolean' }

const VARIANTS: Variants<Demo> = {
  default: { label: 'Buy', tone: 'a', count: 2, on: true },
  shopper: { label: 'Check out', messages: ['one', 'two'] },
}

describe('tuneArgs and fromArgs', () => {
  it('give back the variants they started from', () => {
    expect(fromArgs(VARIANTS, tuneArgs(VARIANTS, FIELDS).args, FIELDS)).toEqual(VARIANTS)
  })

  it('show unset fields as unset: empty text, the unset option, no number or switch', () => {
    const { args, argTypes } = tuneArgs(VARIANTS, FIELDS)
    expect(args['shopper.label']).toBe('Check out')
    expect(args['shopper.tone']).toBe(UNSET)
    expect(Object.hasOwn(args, 'shopper.count')).toBe(false)
    expect(Object.hasOwn(args, 'shopper.on')).toBe(false)
    expect(argTypes['shopper.tone']).toMatchObject({ control: 'select', options: [UNSET, 'a', 'b'], table: { category: 'shopper' } })
    expect(Object.keys(argTypes)).toHaveLength(8)
  })

  it('leave out a field whose control is cleared', () => {
    const next = fromArgs(VARIANTS, { 'default.label': '', 'default.tone': UNSET, 'default.count': undefined, 'shopper.tone': 'b' }, FIELDS)
    expect(next.default).toEqual({ on: true })
    expect(next.shopper).toEqual({ label: 'Check out', tone: 'b', messages: ['one', 'two'] })
  })

  it('give no arg to a value its control cannot show, so it is kept', () => {
    const variants = { default: { label: ['Buy', 'Shop'], tone: 'c' } } as unknown as Variants<Demo>
    const { args } = tuneArgs(variants, FIELDS)
    expect(Object.hasOwn(args, 'default.label')).toBe(false)
    expect(Object.hasOwn(args, 'default.tone')).toBe(false)
    expect(fromArgs(variants, args, FIELDS)).toEqual(variants)
  })
})

describe('parseVariants', () => {
  const check = (variant: unknown) => (typeof (variant as Demo).label === 'string' ? null : 'needs a "label"')

  it('says what is wrong: not JSON, not an object, no default, a variant the check refuses', () => {
    expect(parseVariants('{ "default": ', check)).toMatchObject({ error: expect.stringMatching(/^Not JSON: /) as unknown })
    expect(parseVariants('[]', check)).toEqual({ error: 'Expected an object of variants by key, such as { "default": { … } }' })
    expect(parseVariants('{ "shopper": { "label": "x" } }', check)).toEqual({ error: 'The variants need a "default": shown when no segment or arm has its own' })
    expect(parseVariants('{ "default": { "label": "x" }, "vip": {} }', check)).toEqual({ error: 'Variant "vip" needs a "label"' })
  })

  it('reads variants the check accepts', () => {
    expect(parseVariants(JSON.stringify(VARIANTS), check)).toEqual({ variants: VARIANTS })
  })
})

/**
 * A Tune story in miniature, with a stand-in for Storybook's manager: what
 * `updateArgs` sends comes back as new args (the echo), as in Storybook; a
 * key set to undefined is deleted, as Storybook does.
 */
function harness(options: { echo: boolean }) {
  let args: Record<string, unknown> = tuneArgs(VARIANTS, FIELDS).args
  let shown: Variants<Demo> = VARIANTS
  let load: (next: Variants<Demo>) => void = () => {}
  let rerender: () => void = () => {}
  const updateArgs = (update: Record<string, unknown>) => {
    if (!options.echo) return
    const next = { ...args, ...update }
    for (const [name, value] of Object.entries(update)) if (value === undefined) delete next[name]
    args = next
    rerender()
  }
  function Story({ storyArgs }: { storyArgs: Record<string, unknown> }) {
    const [variants, loadVariants] = useTuned(VARIANTS, FIELDS, storyArgs, updateArgs)
    useEffect(() => {
      shown = variants
      load = loadVariants
    })
    return null
  }
  const view = render(<Story storyArgs={args} />)
  rerender = () => view.rerender(<Story storyArgs={args} />)
  return {
    shown: () => shown,
    args: () => args,
    load: (next: Variants<Demo>) => act(() => load(next)),
    /** A designer edits a Control. */
    edit: (update: Record<string, unknown>) =>
      act(() => {
        args = { ...args, ...update }
        rerender()
      }),
  }
}

describe('useTuned', () => {
  const LOADED: Variants<Demo> = {
    default: { label: 'Pay', tone: 'b', count: 5 },
    shopper: { label: ['Go', 'Now'] as unknown as string, messages: ['three'] },
  }

  for (const echo of [true, false]) {
    describe(echo ? 'with the manager echoing the args' : 'with no manager (the story tests)', () => {
      it('shows what was loaded, whole: fields without a Control and values a Control cannot show stay', () => {
        const story = harness({ echo })
        story.load(LOADED)
        expect(story.shown()).toEqual(LOADED)
        if (echo) {
          // The Controls show the loaded values; what they cannot show is unset.
          expect(story.args()).toMatchObject({ 'default.label': 'Pay', 'default.tone': 'b', 'default.count': 5 })
          expect(Object.hasOwn(story.args(), 'default.on')).toBe(false)
          expect(Object.hasOwn(story.args(), 'shopper.label')).toBe(false)
        }
      })

      it('applies a Control edited after a load to the loaded variants', () => {
        const story = harness({ echo })
        story.load(LOADED)
        story.edit({ 'default.label': 'Shop' })
        expect(story.shown().default).toEqual({ label: 'Shop', tone: 'b', count: 5 })
        expect(story.shown().shopper).toEqual(LOADED.shopper)
        story.edit({ 'default.count': undefined })
        expect(story.shown().default).toEqual({ label: 'Shop', tone: 'b' })
      })
    })
  }

  it('takes a Control set back to its value from before the load as an edit', () => {
    const story = harness({ echo: true })
    story.edit({ 'default.label': 'Go' })
    story.load(LOADED)
    story.edit({ 'default.label': 'Go' })
    expect(story.shown().default?.label).toBe('Go')
  })
})
