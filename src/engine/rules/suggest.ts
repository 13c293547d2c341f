/** "Did you mean …?" for names typed by people: the closest known name, if close enough. */

function distance(a: string, b: string): number {
  // Levenshtein distance, one row at a time.
  let row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    row = next
  }
  return row[b.length]!
}

/** `' (did you mean "x"?)'` for the closest of `known`, or `''` when none is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  let best = ''
  let bestDistance = Infinity
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  // Close: two edits, or a third of a longer name; and not every letter wrong.
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) && bestDistance < name.length ? ` (did you mean "${best}"?)` : ''
}
