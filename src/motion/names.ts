/** The motion presets by name (see presets.ts); apart, so that checking a name does not load the presets. */
export type MotionPresetName = 'pulse' | 'shimmer' | 'slide-in' | 'pop' | 'fade' | 'reorder'

export const MOTION_PRESETS: readonly MotionPresetName[] = ['pulse', 'shimmer', 'slide-in', 'pop', 'fade', 'reorder']
