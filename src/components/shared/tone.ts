/** Colors from the theme (see `attune/styles.css`), shared by the components: each meets WCAG AA contrast, light and dark. */
export type Tone = 'primary' | 'neutral' | 'success' | 'warning' | 'danger'
