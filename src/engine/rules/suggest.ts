/** "Did you mean …?" for names typed by people: the closest known name, if close enough. */

// Two rows of the Levenshtein table, kept between calls: a search measures
// every known name (thousands of segment ids), and allocating rows for each
// was most of its cost (#11).
let row: number[] = []
let next: number[] = []

/**
 * The Levenshtein distance of `a` and `b` when it is at most `limit`; some
 * number above `limit` otherwise (the search stops once a row exceeds it).
 */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  for (let j = 0; j <= b.length; j++) row[j] = j
  for (let i = 1; i <= a.length; i++) {
    let least = (next[0] = i)
    for (let j = 1; j <= b.length; j++) {
      least = Math.min(least, (next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))))
    }
    if (least > limit) return least
    const done = row
    row = next
    next = done
  }
  return row[b.length]!
}

/** `' (did you mean "x"?)'` for the closest of `known`, or `''` when none is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const lower = name.toLowerCase()
  // Close: two edits, or a third of a longer name; and not every letter wrong.
  const close = Math.min(Math.max(2, Math.floor(name.length / 3)), name.length - 1)
  let best = ''
  // Only a name closer than the best so far can take its place.
  let limit = close
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase(), limit)
    if (d <= limit) {
      best = candidate
      limit = d - 1
    }
  }
  return best ? ` (did you mean "${best}"?)` : ''
}
