export { AdaptiveButton } from './AdaptiveButton'
export type { AdaptiveButtonProps } from './AdaptiveButton'
export { BUTTON_TONES, checkButtonVariant } from './variant'
export type { ButtonAnimation, ButtonVariant } from './variant'
