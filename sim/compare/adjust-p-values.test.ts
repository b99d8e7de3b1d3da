import { describe, expect, it } from 'vitest';
import { adjustPValues } from './index.ts';

// Benjamini & Hochberg (1995), section 4.3: 15 p-values from a study of myocardial infarction
// treatments (Neuhaus et al. 1992). At level 0.05 the paper reports that Bonferroni-type
// procedures (Holm's and Hochberg's) reject the first three hypotheses and the FDR procedure the
// first four. The adjusted values are p.adjust(p, "holm") and p.adjust(p, "BH") from their
// definitions: Holm p̃(i) = max_{j≤i} (m−j+1) p(j); BH p̃(i) = min_{j≥i} m p(j) / j.
const P = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0];
const HOLM = [0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213, 1, 1, 1, 1, 1, 1];
const BH = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182, 0.714875, 0.753231, 0.813214, 1];

const rejected = (adjusted: (number | null)[]) => adjusted.filter((p) => p !== null && p < 0.05).length;

describe('adjustPValues', () => {
  it('rejects three of Benjamini and Hochberg\'s 15 hypotheses with Holm and four with BH, as published', () => {
    expect(rejected(adjustPValues(P, 'holm'))).toBe(3);
    expect(rejected(adjustPValues(P, 'bh'))).toBe(4);
  });

  it('gives Holm-adjusted values by the step-down formula', () => {
    adjustPValues(P, 'holm').forEach((p, i) => expect(p).toBeCloseTo(HOLM[i]!, 6));
  });

  it('gives BH-adjusted values by the step-up formula', () => {
    adjustPValues(P, 'bh').forEach((p, i) => expect(p).toBeCloseTo(BH[i]!, 6));
  });

  it('does not depend on the input order', () => {
    const order = [14, 3, 7, 0, 11, 5, 9, 1, 13, 2, 8, 12, 4, 10, 6];
    const shuffled = order.map((i) => P[i]!);
    const holm = adjustPValues(shuffled, 'holm');
    const bh = adjustPValues(shuffled, 'bh');
    order.forEach((i, k) => {
      expect(holm[k]).toBeCloseTo(HOLM[i]!, 6);
      expect(bh[k]).toBeCloseTo(BH[i]!, 6);
    });
  });

  it('skips null entries and counts only the tested ones', () => {
    expect(adjustPValues([0.01, null, 0.04], 'holm')).toEqual([0.02, null, 0.04]);
    expect(adjustPValues([0.01, null, 0.04], 'bh')).toEqual([0.02, null, 0.04]);
  });

  it('rejects a p-value outside [0, 1], naming its index', () => {
    expect(() => adjustPValues([0.2, 1.2], 'holm')).toThrow(/p\[1\] must be in \[0, 1\] or null, given 1.2/);
  });
});
