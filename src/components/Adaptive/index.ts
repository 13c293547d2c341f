export { Adaptive } from './Adaptive'
export type { AdaptiveProps } from './Adaptive'
export type { VariantCheck } from '../shared/variant-check'
