/**
 * Message templates: `Welcome back, {{name}}`, `{{product | this}} is back`.
 * Values come from visitor traits and props. The result is plain text: values
 * are inserted as they are, never read as markup or as further templates.
 */

const TOKEN = /\{\{\s*([\w.-]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g

/** Fills a template; a missing or empty value takes the token's fallback, or nothing. */
export function renderTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(TOKEN, (_, key: string, fallback: string | undefined) => {
    const value = Object.hasOwn(values, key) ? values[key] : undefined
    return (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean' ? String(value) : (fallback ?? '')
  })
}

/**
 * The next of several messages to show: they rotate in order, so the one
 * shown last never comes twice in a row.
 */
export function nextMessageIndex(count: number, lastShown: number | undefined): number {
  return lastShown === undefined || lastShown < 0 || lastShown >= count ? 0 : (lastShown + 1) % count
}
