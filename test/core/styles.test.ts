import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const css = readFileSync(new URL('../../src/styles.css', import.meta.url), 'utf8')

/** The custom properties declared in the first rule whose selector matches. */
function variables(selector: RegExp): Record<string, string> {
  const match = selector.exec(css)
  if (!match) throw new Error(`no rule matches ${selector}`)
  const body = css.slice(css.indexOf('{', match.index) + 1, css.indexOf('}', match.index))
  return Object.fromEntries([...body.matchAll(/(--attune-[\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name!, value!.trim()]))
}

/** WCAG 2 relative luminance of a #rrggbb color. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex)
  if (!match) throw new Error(`expected a #rrggbb color, got ${hex}`)
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(match[1]!.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

const THEMES = {
  light: variables(/:root,\s*\[data-attune-theme='light'\]\s*\{/),
  dark: variables(/^\[data-attune-theme='dark'\]\s*\{/m),
}
const TONES = ['primary', 'neutral', 'success', 'warning', 'danger']

describe('styles.css', () => {
  it('computes contrast as WCAG does (black on white is 21:1, #767676 on white 4.54:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
  })

  for (const [theme, vars] of Object.entries(THEMES)) {
    it(`gives every tone text at WCAG AA contrast (4.5:1) in the ${theme} theme`, () => {
      for (const tone of TONES) {
        const ratio = contrast(vars[`--attune-${tone}-fg`]!, vars[`--attune-${tone}-bg`]!)
        expect(ratio, `${theme} ${tone}`).toBeGreaterThanOrEqual(4.5)
      }
      expect(contrast(vars['--attune-surface-fg']!, vars['--attune-surface-bg']!)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(vars['--attune-muted-fg']!, vars['--attune-surface-bg']!)).toBeGreaterThanOrEqual(4.5)
    })

    it(`keeps borders and the focus ring at 3:1 against the surface in the ${theme} theme (WCAG 1.4.11)`, () => {
      expect(contrast(vars['--attune-border']!, vars['--attune-surface-bg']!)).toBeGreaterThanOrEqual(3)
      expect(contrast(vars['--attune-focus']!, vars['--attune-surface-bg']!)).toBeGreaterThanOrEqual(3)
    })
  }

  it("follows the OS dark setting with exactly the dark theme's colors", () => {
    const media = variables(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root:not\(\[data-attune-theme='light'\]\)\s*\{/)
    expect(media).toEqual(Object.fromEntries(Object.entries(THEMES.dark)))
  })

  it('defines every color in both themes', () => {
    expect(Object.keys(THEMES.dark).sort()).toEqual(Object.keys(THEMES.light).filter((name) => !['--attune-radius', '--attune-font'].includes(name)).sort())
  })
})
