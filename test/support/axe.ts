import axe from 'axe-core'

/**
 * Runs axe-core on a component's container (not the whole document: a bare
 * test page has no main landmark or h1, which are the app's job) and returns
 * the violations, each as "rule: help (selectors)" for a readable failure.
 */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, { resultTypes: ['violations'] })
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)
}
