import { parseCsv } from './parse-csv.ts';
import type { ExactResult, ResultSet } from './types.ts';

type Difference = Exclude<ExactResult, { identical: true }>;

function differ(
  file: Difference['file'],
  metric: string | null,
  replication: number | null,
  a: string | null,
  b: string | null,
  message: string,
): Difference {
  return { identical: false, file, metric, replication, a, b, message };
}

function firstCsvDifference(textA: string, textB: string): Difference {
  const file = 'replications.csv';
  const rowsA = parseCsv(textA);
  const rowsB = parseCsv(textB);
  const headA = rowsA[0] ?? [];
  const headB = rowsB[0] ?? [];
  for (let c = 0; c < Math.max(headA.length, headB.length); c++) {
    if (headA[c] !== headB[c]) {
      return differ(file, headA[c] ?? headB[c] ?? null, null, headA[c] ?? null, headB[c] ?? null,
        `${file}: header column ${c + 1} is ${JSON.stringify(headA[c] ?? null)} in A, ${JSON.stringify(headB[c] ?? null)} in B`);
    }
  }
  for (let r = 1; r < Math.max(rowsA.length, rowsB.length); r++) {
    const rowA = rowsA[r];
    const rowB = rowsB[r];
    if (rowA === undefined || rowB === undefined) {
      return differ(file, null, null, null, null, `${file}: A has ${rowsA.length - 1} rows, B has ${rowsB.length - 1}`);
    }
    const replication = Number(rowA[0]);
    for (let c = 0; c < Math.max(rowA.length, rowB.length); c++) {
      if (rowA[c] === rowB[c]) continue;
      const metric = headA[c] ?? null;
      const a = rowA[c] ?? null;
      const b = rowB[c] ?? null;
      return differ(file, metric, Number.isInteger(replication) ? replication : null, a, b,
        `${file}: ${metric ?? `column ${c + 1}`} differs in replication ${rowA[0]}: A ${JSON.stringify(a)}, B ${JSON.stringify(b)}`);
    }
  }
  return differ(file, null, null, null, null, `${file}: same values, different bytes (line endings, quoting or a trailing newline)`);
}

function firstSummaryDifference(textA: string, textB: string): Difference {
  const file = 'summary.json';
  let a: Record<string, unknown>;
  let b: Record<string, unknown>;
  try {
    a = JSON.parse(textA) as Record<string, unknown>;
    b = JSON.parse(textB) as Record<string, unknown>;
  } catch {
    return differ(file, null, null, null, null, `${file}: differs, and one side is not valid JSON`);
  }
  const metricsA = (a.metrics ?? {}) as Record<string, unknown>;
  const metricsB = (b.metrics ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'metrics') continue;
    const va = JSON.stringify(a[key]) ?? null;
    const vb = JSON.stringify(b[key]) ?? null;
    if (va !== vb) return differ(file, null, null, va, vb, `${file}: "${key}" is ${va} in A, ${vb} in B`);
  }
  for (const metric of new Set([...Object.keys(metricsA), ...Object.keys(metricsB)])) {
    const va = JSON.stringify(metricsA[metric]) ?? null;
    const vb = JSON.stringify(metricsB[metric]) ?? null;
    if (va !== vb) return differ(file, metric, null, va, vb, `${file}: ${metric} is ${va} in A, ${vb} in B`);
  }
  return differ(file, null, null, null, null, `${file}: same values, different bytes (formatting or key order)`);
}

/**
 * Exact mode: identical when both `replications.csv` and `summary.json` are byte-identical
 * (the manifest is not compared: it holds timings and the git commit). Otherwise names the first
 * difference: in replications.csv, the first replication (file order) and metric (header order)
 * whose cells differ, with both cells as written; else the first summary field or metric.
 * A seeded run reproduced on another machine or worker count must be identical (DESIGN.md).
 */
export function compareExact(a: ResultSet, b: ResultSet): ExactResult {
  if (a.raw.replicationsCsv !== b.raw.replicationsCsv) return firstCsvDifference(a.raw.replicationsCsv, b.raw.replicationsCsv);
  if (a.raw.summaryJson !== b.raw.summaryJson) return firstSummaryDifference(a.raw.summaryJson, b.raw.summaryJson);
  return { identical: true };
}
