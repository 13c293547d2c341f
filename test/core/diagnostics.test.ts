import { describe, expect, it } from 'vitest'
import { formatDiagnostic, pointer } from '../../src/engine/diagnostics'
import { checkExperiment } from '../../src/engine/experiments'
import { checkVariants } from '../../src/engine/variants'
import { validateRules } from '../../src/engine'

describe('diagnostics', () => {
  it('build JSON pointers with "~" and "/" escaped, as RFC 6901 says', () => {
    expect(pointer('', 'segments')).toBe('/segments')
    expect(pointer('/segments', 0)).toBe('/segments/0')
    expect(pointer('/models', 'a/b~c')).toBe('/models/a~1b~0c')
    expect(pointer('/pages', '~1')).toBe('/pages/~01')
  })

  it('print as "subject path: message", or "subject: message" for the document itself', () => {
    expect(formatDiagnostic('rules', { path: '/segments/0/id', message: 'expected an id' })).toBe('rules /segments/0/id: expected an id')
    expect(formatDiagnostic('rules', { path: '', message: 'expected a rules document' })).toBe('rules: expected a rules document')
  })

  it('have one shape for rules, experiments and variants', () => {
    const rules = validateRules({ segments: [{ id: 'a', when: { signal: 'pages./a/b.views', gte: 'x' } }] }).errors
    expect(rules).toEqual([{ path: '/segments/0/when/gte', message: 'expected a number, got "x"' }])
    expect(checkExperiment({ id: 'cta', arms: { 'a/b': 1 } }, '/experiments/3')).toEqual([{ path: '/experiments/3/arms/a~1b', message: 'arm names are letters, digits, "-" and "_"' }])
    expect(checkExperiment('cta', '/experiments/0')).toEqual([{ path: '/experiments/0', message: 'expected an experiment such as { "id": "cta", "arms": { "control": 50, "bold": 50 } }' }])
    expect(checkExperiment({ id: 'cta', arms: { a: 1 } }, '/experiments/0')).toEqual([])
    expect(checkVariants({ reader: 'x' })).toEqual({ path: '', message: 'the variants has no "default" variant (keys: reader); add one, shown when no segment or arm has its own' })
    expect(checkVariants(null)).toEqual({ path: '', message: 'expected an object of variants by key, got null' })
    expect(checkVariants({ default: 'x' })).toBeNull()
  })
})
