/** "Did you mean …?" for names typed by people: the closest known name, if close enough. */

// One row of the Levenshtein table, kept between calls: a search measures
// every known name (thousands of segment ids in a generated document), and
// allocating rows for each was most of validateRules' time (#11).
const row: number[] = []

/**
 * The Levenshtein distance of `a` and `b` when it is at most `limit`; some
 * number above `limit` otherwise: a row's least value never falls in the
 * rows below it, so the search stops at the first row all above `limit`.
 */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  for (let j = 0; j <= b.length; j++) row[j] = j
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    let least = (row[0] = i)
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      least = Math.min(least, (row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))))
      diagonal = above
    }
    if (least > limit) return least
  }
  return row[b.length]!
}

/** `' (did you mean "x"?)'` for the closest of `known`, or `''` when none is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const lower = name.toLowerCase()
  let best = ''
  // Close: two edits, or a third of a longer name; and not every letter
  // wrong. Then only a name closer than the best so far can take its place
  // (the first of equally close names stays).
  let limit = Math.min(Math.max(2, (name.length / 3) | 0), name.length - 1)
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase(), limit)
    if (d <= limit) {
      best = candidate
      limit = d - 1
    }
  }
  return best && ` (did you mean "${best}"?)`
}
