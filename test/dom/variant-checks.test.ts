import { describe, expect, it } from 'vitest'
import { checkButtonVariant, checkCarouselVariant, checkHintVariant, checkToastVariant } from '../../src'
import { resolveCarouselVariant } from '../../src/components/SmartCarousel/variant'
import { pointer } from '../../src/components/shared/variant-check'

describe('variant checks report where, as a JSON pointer into the variant, and what', () => {
  it('points at the field', () => {
    expect(checkButtonVariant({ label: 'Buy', tone: 'loud' })).toEqual({ path: '/tone', message: expect.stringMatching(/^has an unknown "tone" "loud"; expected one of primary, neutral/) as string })
    expect(checkHintVariant({ text: ' ' })).toMatchObject({ path: '/text', message: expect.stringContaining('needs a "text"') as string })
    expect(checkToastVariant({ message: 'Hi', action: { label: 'Go' } })).toMatchObject({ path: '/action/altText' })
    expect(checkToastVariant({ message: 'Hi', action: 'Go' })).toMatchObject({ path: '/action' })
    expect(checkCarouselVariant({ perView: 9 })).toEqual({ path: '/perView', message: 'has "perView" 9; expected a whole number from 1 to 4' })
  })

  it('points at the whole variant ("") when it is not an object, and accepts a good one', () => {
    expect(checkButtonVariant(null)).toEqual({ path: '', message: 'must be an object with a "label", got null' })
    expect(checkToastVariant({ message: ['a', 'b'], tone: 'success' })).toBeNull()
  })

  it('escapes ~ and / in pointers (RFC 6901)', () => {
    expect(pointer('a/b', 'c~d', 0)).toBe('/a~1b/c~0d/0')
  })
})

describe('the carousel interval is a Duration', () => {
  it('takes milliseconds or a string, at least 3 s, and resolves it to ms', () => {
    expect(checkCarouselVariant({ interval: '4s' })).toBeNull()
    expect(checkCarouselVariant({ interval: 6000 })).toBeNull()
    expect(checkCarouselVariant({ interval: '2s' })).toMatchObject({ path: '/interval', message: expect.stringContaining('"interval" "2s"; expected a duration') as string })
    expect(checkCarouselVariant({ interval: 'soon' })).toMatchObject({ path: '/interval' })
    expect(resolveCarouselVariant({ interval: '4s' }).interval).toBe(4000)
    expect(resolveCarouselVariant({}).interval).toBe(5000)
    expect(resolveCarouselVariant({ interval: 'soon' }).interval).toBe(5000)
  })
})
