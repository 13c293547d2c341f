/**
 * The layers of src/ (README, Development) are enforced by lint. These
 * imports break them on purpose: each must fail lint with the layer's
 * message, and the allowed ones must pass, so a rule that stops biting
 * (a pattern that no longer matches a moved folder, say) fails here.
 */
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { beforeAll, describe, expect, it } from 'vitest'

// The layer rules need no type information: lint the probes without it, as
// files that need not exist on disk.
const eslint = new ESLint({ overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }] })

async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code + '\n', { filePath: file })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

const forbidden: [file: string, code: string, message: RegExp][] = [
  ['src/core/probe.ts', "export { withDecisions } from '../engine'", /src\/core imports only from src\/core/],
  ['src/core/probe.ts', "export { analyzeExperiment } from '../analysis'", /src\/core imports only from src\/core/],
  ['src/core/probe.ts', "export { useState } from 'react'", /framework-free/],
  ['src/core/probe.ts', "export { create } from 'zustand'", /zustand\/vanilla/],
  ['src/engine/probe.ts', "export { useState } from 'react'", /framework-free/],
  ['src/engine/rules/probe.ts', "export { useVariant } from '../../hooks/useVariant'", /src\/engine imports only from src\/core and src\/engine/],
  ['src/engine/probe.ts', "export { trainKMeans } from '../analysis'", /src\/engine imports only/],
  ['src/analysis/probe.ts', "export { createElement } from 'react'", /framework-free/],
  ['src/analysis/probe.ts', "export { useVariant } from '../hooks/useVariant'", /src\/analysis imports only from src\/core and src\/engine/],
  ['src/hooks/probe.ts', "export { AdaptiveButton } from '../components/AdaptiveButton'", /Hooks never import components/],
  ['src/dom/probe.ts', "export { useVariant } from '../hooks/useVariant'", /src\/dom imports only from src\/core/],
  ['src/providers/probe.ts', "export { NudgeViewport } from '../components/NudgeToast'", /src\/providers imports neither hooks nor components/],
  ['src/motion/probe.ts', "export { AttuneContext } from '../providers/AttuneContext'", /src\/motion sits below/],
  ['src/components/AdaptiveButton/probe.ts', "export { renderTemplate } from '../../engine/templates'", /only types from src\/core and src\/engine/],
  ['src/components/shared/probe.ts', "export { isObject } from '../../core/guards'", /only types from src\/core and src\/engine/],
  ['src/components/AdaptiveButton/probe.ts', "export { useAttune } from '../../providers/AttuneContext'", /through hooks/],
]

const allowed: [file: string, code: string][] = [
  ['src/core/probe.ts', "export { createStore } from 'zustand/vanilla'"],
  ['src/engine/probe.ts', "export { countSince } from '../core/bounded'"],
  ['src/analysis/probe.ts', "export { resolveSignal } from '../engine/rules/signals'"],
  ['src/components/AdaptiveButton/probe.ts', "export type { Variants } from '../../engine/variants'"],
  ['src/components/AdaptiveButton/probe.ts', "export { useVariant } from '../../hooks/useVariant'"],
  ['src/components/SmartCarousel/probe.ts', "export { parseDuration } from '../../core/duration'"],
]

/** Loading ESLint and its plugins takes seconds, more on a busy machine: it is done once, before the timed tests. */
const LOAD_TIMEOUT_MS = 120_000
/** One lint of a one-line file, generous for a loaded 2-core machine. */
const LINT_TIMEOUT_MS = 30_000

describe('the layers, as lint enforces them', () => {
  beforeAll(() => layerProblems('src/core/warm-up.ts', 'export {}'), LOAD_TIMEOUT_MS)

  it.each(forbidden)('%s: %s fails lint', async (file, code, message) => {
    const problems = await layerProblems(file, code)
    expect(problems.length, `no layer error for ${code} in ${file}`).toBeGreaterThan(0)
    expect(problems.join('\n')).toMatch(message)
  }, LINT_TIMEOUT_MS)

  it.each(allowed)('%s: %s passes', async (file, code) => {
    expect(await layerProblems(file, code)).toEqual([])
  }, LINT_TIMEOUT_MS)
})
