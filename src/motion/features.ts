/**
 * framer-motion's animation features, loaded on first use by `LazyMotion`
 * (see MotionScope): importing a component does not pull them up front.
 */
export { domAnimation as default } from 'framer-motion'
