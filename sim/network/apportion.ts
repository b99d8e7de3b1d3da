/**
 * Splits `total` whole units in proportion to `weights` by largest remainder (Hamilton): the parts
 * sum to `total` exactly; ties go to the lower index, so the result never depends on anything else.
 * `min` units go to every positive weight first when the total allows.
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const out = weights.map(() => 0);
  const positive = weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  if (total <= 0 || positive.length === 0) return out;
  let left = total;
  if (min > 0 && positive.length * min <= total) {
    for (const i of positive) out[i] = min;
    left -= positive.length * min;
  }
  const sum = positive.reduce((s, i) => s + weights[i]!, 0);
  const rema: { i: number; r: number }[] = [];
  let given = 0;
  for (const i of positive) {
    const exact = (left * weights[i]!) / sum;
    const whole = Math.floor(exact);
    out[i]! += whole;
    given += whole;
    rema.push({ i, r: exact - whole });
  }
  rema.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < left - given; k++) out[rema[k]!.i]! += 1;
  return out;
}
