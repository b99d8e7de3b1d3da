import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test support (no test here): the CLI as a person runs it, and a result folder's CSV read by a
 * parser of its own, so tests check the views against the files, not against the views' reader.
 */
export const SIM = fileURLToPath(new URL('../bin/sim.js', import.meta.url));

/** `node bin/sim.js …args`, asynchronously (two runs can share the two cores). */
export function runSim(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SIM, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `sim run …args --out dir`; throws with the CLI's stderr when it fails. */
export async function simRunFolder(dir: string, args: readonly string[]): Promise<string> {
  const r = await runSim(['run', ...args, '--out', dir]);
  if (r.status !== 0) throw new Error(`sim run ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return dir;
}

/** A CSV file as rows keyed by its header (RFC 4180 quoting), parsed here and nowhere else. */
export function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') record.push(field), (field = '');
    else if (ch === '\n') record.push(field), records.push(record), (record = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * A district map metric computed from a `districts.csv` row, as the page's legend describes it:
 * the on-time share of delivered parcels, and the RTO share of created ones; NaN when the district
 * has no parcels to divide.
 */
export function districtValue(row: Record<string, string>, metric: 'within48h' | 'rto'): number {
  const n = (c: string): number => Number(row[c]);
  if (metric === 'within48h') return n('delivered') > 0 ? n('within48hShare') : Number.NaN;
  return n('created') > 0 ? n('returned') / n('created') : Number.NaN;
}

/** By Census code: a metric's value for each row of `dir/districts.csv` that has one. */
export function districtValues(dir: string, metric: 'within48h' | 'rto'): Map<number, number> {
  const out = new Map<number, number>();
  for (const row of readCsv(join(dir, 'districts.csv'))) {
    const v = districtValue(row, metric);
    if (row.code !== '' && Number.isFinite(v)) out.set(Number(row.code), v);
  }
  return out;
}

/** [min, max] of a map's values. */
export function extent(values: Iterable<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  return [lo, hi];
}

/**
 * The `n` rows with the largest value in `column` (above zero), largest first, ties in file order:
 * the rule `sim run` prints its bottlenecks by, done here on the file's own rows.
 */
export function topRows(rows: readonly Record<string, string>[], column: string, n = 5): Record<string, string>[] {
  return rows
    .map((row, i) => ({ row, i, v: Number(row[column]) }))
    .filter((r) => r.v > 0)
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .slice(0, n)
    .map((r) => r.row);
}

/** The stage chart's slices and the summary.json metric suffix of each. */
export const SLICE_SUFFIX: Readonly<Record<string, string>> = {
  all: '',
  amazon: '{operator=amazon}',
  'india-post': '{operator=india-post}',
  kirana: '{operator=kirana}',
  urban: '{area=urban}',
  rural: '{area=rural}',
};

/** summary.json's metric means, by name. */
export function summaryMeans(dir: string): Record<string, number> {
  const metrics = (JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { metrics: Record<string, { mean: number }> }).metrics;
  return Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, m.mean]));
}

/** The slices a stage chart of this summary shows: those that delivered parcels, in the chart's order. */
export function deliveredSlices(means: Record<string, number>): string[] {
  return Object.keys(SLICE_SUFFIX).filter((s) => (means[`parcels.delivered${SLICE_SUFFIX[s]}`] ?? 0) > 0);
}
