/**
 * Tune's round trip as a test: a play function drives the "Variants as JSON"
 * panel as a designer would (export, refusals, load, export again).
 */
import type { StoryObj } from '@storybook/react-vite'
import { expect, within, type UserEventObject } from 'storybook/test'
import type { Variants } from '../../src'

/**
 * Drives the "Variants as JSON" panel from a play function, as a designer
 * would: export and read the JSON, paste JSON and load it, read the verdict.
 */
export function variantJsonPanel(canvasElement: HTMLElement, user: UserEventObject) {
  const panel = within(within(canvasElement).getByRole('region', { name: 'Variants as JSON' }))
  const input = panel.getByRole('textbox', { name: 'Variants JSON to load' })
  return {
    /** Clicks "Export variants" and returns the JSON shown, parsed. */
    async exported(): Promise<unknown> {
      await user.click(panel.getByRole('button', { name: 'Export variants' }))
      return JSON.parse(panel.getByRole<HTMLTextAreaElement>('textbox', { name: 'Exported variants (paste them into your code)' }).value)
    },
    /** Pastes `text` into the load box and clicks "Load variants". */
    async load(text: string): Promise<void> {
      await user.clear(input)
      await user.click(input)
      await user.paste(text)
      await user.click(panel.getByRole('button', { name: 'Load variants' }))
    },
    /** The verdict of the last action: what was wrong, or how many variants loaded. */
    status: () => panel.getByRole('status'),
    /** The box JSON is pasted into. */
    input,
  }
}

/** What a play function receives. */
type PlayContext = Parameters<NonNullable<StoryObj['play']>>[0]

interface RoundTripOptions<V extends object> {
  /** The variants the Tune story starts from. */
  variants: Variants<V>
  /** JSON with a variant the component's check refuses, and the words of the reason it gives. */
  refused: { json: string; reason: string }
  /** The key of the variant this visitor is shown (it depends on the toolbar, and on the hashed arm). */
  shownKey: (context: PlayContext) => string | Promise<string>
  /** The variants to load: the shown one edited. */
  edit: (key: string) => Variants<V>
  /** Checks that the component shows the edited variant. */
  shows: (context: PlayContext, key: string) => Promise<void>
}

/**
 * Tune's round trip, as a test: the export is the variants the Controls
 * describe; bad JSON is refused with the reason, and changes nothing; edited
 * JSON loads into the component and into the next export. Spread after the
 * Tune story; hidden from the sidebar (`!dev`), as a designer opens Tune,
 * which starts from the variants as they are.
 */
export function roundTripStory<V extends object>(options: RoundTripOptions<V>) {
  return {
    name: 'Tune: export and load',
    tags: ['!dev'],
    play: async (context: PlayContext) => {
      const { canvasElement, userEvent, step } = context
      const json = variantJsonPanel(canvasElement, userEvent)
      await step('Export gives the variants the Controls describe, as JSON', async () => {
        await expect(await json.exported()).toEqual(options.variants)
      })
      const key = await options.shownKey(context)
      await step('Load refuses what is not JSON, and a variant the component cannot show, and says why', async () => {
        await json.load('{ "default": ')
        await expect(json.status()).toHaveTextContent(/^Error: Not JSON: /)
        await expect(json.input).toHaveAttribute('aria-invalid', 'true')
        await json.load(options.refused.json)
        await expect(json.status()).toHaveTextContent(options.refused.reason)
        // Nothing was loaded.
        await expect(await json.exported()).toEqual(options.variants)
      })
      const edited = options.edit(key)
      await step('Load takes edited JSON into the component', async () => {
        await json.load(JSON.stringify(edited, null, 2))
        await expect(json.status()).toHaveTextContent(`Loaded ${Object.keys(edited).length} variants`)
        await expect(json.input).not.toHaveAttribute('aria-invalid')
        await options.shows(context, key)
      })
      await step('Export now gives the loaded variants', async () => {
        await expect(await json.exported()).toEqual(edited)
      })
    },
  }
}
