import type { Correction } from './types.ts';

/**
 * Adjusted p-values for testing many metrics at once; null entries (no test) are skipped and
 * stay null, and m counts only the non-null ones. Reject where adjusted p < alpha.
 *
 * - `holm` (Holm 1979, "A simple sequentially rejective multiple test procedure", Scand. J.
 *   Statist. 6:65–70): controls the family-wise error rate. Sorted ascending,
 *   p̃(i) = max_{j ≤ i} min(1, (m − j + 1) p(j)).
 * - `bh` (Benjamini & Hochberg 1995, "Controlling the false discovery rate", JRSS B 57:289–300):
 *   controls the false discovery rate. p̃(i) = min_{j ≥ i} min(1, m p(j) / j).
 *
 * The same definitions as R's `p.adjust(p, "holm")` and `p.adjust(p, "BH")`.
 */
export function adjustPValues(pValues: readonly (number | null)[], method: Correction): (number | null)[] {
  const idx: number[] = [];
  pValues.forEach((p, i) => {
    if (p === null) return;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`adjustPValues: p[${i}] must be in [0, 1] or null, given ${p}`);
    idx.push(i);
  });
  // Stable sort by p, so ties keep input order and the result does not depend on the sort engine.
  idx.sort((i, j) => pValues[i]! - pValues[j]! || i - j);
  const m = idx.length;
  const out: (number | null)[] = pValues.map(() => null);
  if (method === 'holm') {
    let running = 0;
    idx.forEach((i, k) => {
      running = Math.max(running, Math.min(1, (m - k) * pValues[i]!));
      out[i] = running;
    });
  } else if (method === 'bh') {
    let running = 1;
    for (let k = m - 1; k >= 0; k--) {
      const i = idx[k]!;
      running = Math.min(running, Math.min(1, (m * pValues[i]!) / (k + 1)));
      out[i] = running;
    }
  } else {
    throw new RangeError(`adjustPValues: method must be "holm" or "bh", given ${JSON.stringify(method)}`);
  }
  return out;
}
