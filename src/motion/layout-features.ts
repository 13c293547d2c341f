/** framer-motion's features with layout animation (SmartCarousel's reorder), loaded on first use. */
export { domMax as default } from 'framer-motion'
