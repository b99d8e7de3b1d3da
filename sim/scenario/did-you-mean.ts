/** Levenshtein distance (insert, delete, substitute; each costs 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `given` (case-insensitive), if it is close enough to be a likely typo:
 * within a third of the longer length, at least 2. Ties go to the earlier candidate.
 */
export function didYouMean(given: string, candidates: Iterable<string>): string | undefined {
  const g = given.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(g, c.toLowerCase());
    if (d < bestDistance && d <= Math.max(2, Math.floor(Math.max(g.length, c.length) / 3))) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
