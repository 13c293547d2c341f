/**
 * Diagnostics: one shape for every problem found in an input document
 * (rules, experiments, variants), so tools and people read them one way.
 */

/** A problem in an input document: where it is, and what is wrong. */
export interface Diagnostic {
  /**
   * JSON pointer (RFC 6901) to the value at fault, such as
   * `/segments/2/when/all/1/gt`; `''` is the document itself. A missing
   * member is reported at the object that lacks it, as JSON Schema does.
   */
  path: string
  message: string
}

/** The pointer to member `key` of the value at `at`, escaped as RFC 6901 says (`~` → `~0`, `/` → `~1`). */
export function pointer(at: string, key: string | number): string {
  return `${at}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`
}

/**
 * A diagnostic as one line of a warning: `subject path: message`, or
 * `subject: message` for the document itself.
 */
export function formatDiagnostic(subject: string, diagnostic: Diagnostic): string {
  return `${subject}${diagnostic.path ? ' ' + diagnostic.path : ''}: ${diagnostic.message}`
}
