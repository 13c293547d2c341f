/**
 * A component's Tune story: the Controls of its variants, the component
 * showing them, and the JSON panel; what was loaded flows back into the
 * Controls (`useTuned`).
 */
import { useState, type ReactNode } from 'react'
import { useArgs } from 'storybook/preview-api'
import { expect, within } from 'storybook/test'
import type { Variants } from '../../src'
import { argNames, fromArgs, tuneArgs, type Args, type FieldControl } from './variant-controls'
import { VariantJson } from './variant-json'

interface Tuned<V> {
  /** The variants shown and exported. */
  variants: Variants<V>
  /** The args they were last brought up to date with. */
  args: Args
  /** What the last load sent to the Controls: its echo, when it comes back as args, is not an edit. */
  echo: Args
}

/**
 * The variants the Controls describe, and `load`, which replaces them with
 * pasted ones. Each Control edit applies to the variants as they are now, a
 * loaded set included; fields only the JSON holds (an action, a list of
 * messages) stay. `updateArgs` makes the Controls show what was loaded;
 * their echo, when it comes back as args, is not taken for an edit.
 * (In the story tests no manager listens to `updateArgs`.)
 */
export function useTuned<V extends object>(initial: Variants<V>, fields: Record<string, FieldControl>, args: Args, updateArgs: (args: Args) => void) {
  const names = argNames(initial, fields)
  const [tuned, setTuned] = useState<Tuned<V>>(() => ({ variants: fromArgs(initial, args, fields), args, echo: {} }))
  let current = tuned
  // New args: apply what changed, during render (React's pattern for state that follows props).
  if (args !== tuned.args) {
    const edits: Args = {}
    const echo = { ...tuned.echo }
    for (const name of names) {
      if (Object.is(args[name], tuned.args[name])) continue
      if (Object.hasOwn(echo, name) && Object.is(echo[name], args[name])) {
        delete echo[name]
        continue
      }
      edits[name] = args[name]
    }
    current = { variants: Object.keys(edits).length ? fromArgs(tuned.variants, edits, fields) : tuned.variants, args, echo }
    setTuned(current)
  }
  const load = (next: Variants<V>) => {
    // Every Control is set: to the loaded value it can show, or to unset.
    const shown = tuneArgs(next, fields).args
    const sent = Object.fromEntries(names.map((name) => [name, shown[name]]))
    const echo = Object.fromEntries(Object.entries(sent).filter(([name, value]) => !Object.is(args[name], value)))
    setTuned({ variants: next, args, echo })
    updateArgs(sent)
  }
  return [current.variants, load] as const
}

interface TuneOptions<V extends object> {
  /** The variants the story starts from. */
  variants: Variants<V>
  /** The fields a designer tunes, and how. Fields not named here are edited in the JSON. */
  fields: Record<string, FieldControl>
  /** The component's own variant check: "Load variants" refuses what it refuses. */
  check: (variant: unknown) => string | null
  /** The component, showing the tuned variants. */
  render: (variants: Variants<V>) => ReactNode
}

function Tuner<V extends object>({ options, args, updateArgs }: { options: TuneOptions<V>; args: Args; updateArgs: (args: Args) => void }) {
  const [variants, load] = useTuned(options.variants, options.fields, args, updateArgs)
  return (
    <>
      {options.render(variants)}
      <VariantJson variants={variants} check={options.check} onLoad={load} />
    </>
  )
}

/**
 * A component's Tune story: Controls for each variant's fields, the
 * component showing the result for the toolbar's segment and arm, "Export
 * variants" for the JSON to paste into code and "Load variants" to take JSON
 * back (the Controls follow what was loaded).
 */
export function tuneStory<V extends object>(options: TuneOptions<V>) {
  const { args, argTypes } = tuneArgs(options.variants, options.fields)
  return {
    args,
    argTypes,
    parameters: { controls: { include: Object.keys(argTypes) } },
    play: async ({ canvasElement, args: storyArgs }: { canvasElement: HTMLElement; args: Args }) => {
      // Nothing is changed here: a designer finds the variants as they are,
      // and the Controls describe them exactly.
      await expect(fromArgs(options.variants, storyArgs, options.fields)).toEqual(options.variants)
      const panel = within(within(canvasElement).getByRole('region', { name: 'Variants as JSON' }))
      await expect(panel.getByRole('button', { name: 'Export variants' })).toHaveAttribute('aria-expanded', 'false')
    },
    render: function Render(storyArgs: Args) {
      // A Storybook hook: in the story function itself, not in a component below it.
      const [, updateArgs] = useArgs()
      return <Tuner options={options} args={storyArgs} updateArgs={updateArgs} />
    },
  }
}
