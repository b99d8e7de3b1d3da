import { STAGES } from '../model/index.ts';
import { textTable } from '../report/text-table.ts';
import type { CompareReport, CompareRow } from './types.ts';

/** The slices whose stage moves are named below the table, when both runs have them. */
const SLICES = ['operator=amazon', 'operator=india-post', 'operator=kirana', 'area=urban', 'area=rural'];

const signed = (h: number): string => (Math.abs(h) < 0.05 ? '0.0' : `${h > 0 ? '+' : '−'}${Math.abs(h).toFixed(1)}`);

/**
 * Which stages a change moved: mean hours per delivered parcel in each stage
 * (`leadTime.stage.hours.<stage>`) for A and B with B − A and its verdict, the total being the mean
 * lead time; then, per operator and area, the two stages that moved most. Empty when no stage or
 * mean lead time moved, or the runs hold no stage metrics (written before stages were counted). Pure.
 */
export function formatStageShift(report: CompareReport): string[] {
  const byMetric = new Map<string, CompareRow>(report.rows.map((r) => [r.metric, r]));
  const row = (stage: string, slice: string): CompareRow | undefined =>
    byMetric.get(stage === 'total' ? `leadTime.hours.mean${slice}` : `leadTime.stage.hours.${stage}${slice}`);
  const stages = STAGES.filter((s) => {
    const r = row(s, '');
    return r !== undefined && Math.max(r.a.mean, r.b.mean) >= 0.05;
  });
  const timed = (m: string): boolean => m.startsWith('leadTime.stage.hours.') || m === 'leadTime.hours.mean' || m.startsWith('leadTime.hours.mean{');
  if (stages.length === 0 || !report.rows.some((r) => r.verdict !== 'same' && timed(r.metric))) return [];
  const cells = [['stage', 'A', 'B', 'B − A', 'verdict'], ...[...stages, 'total'].flatMap((s) => {
    const r = row(s, '');
    return r === undefined ? [] : [[s, r.a.mean.toFixed(1), r.b.mean.toFixed(1), signed(r.diff), r.verdict]];
  })];
  const out = ['Where the time moved: mean hours per delivered parcel by stage, A → B (the stages add up to the mean lead time)', ...textTable(cells, [0, 4])];
  for (const slice of SLICES) {
    const moves = stages.flatMap((s) => {
      const r = row(s, `{${slice}}`);
      return r === undefined || r.verdict === 'same' ? [] : [{ s, d: r.diff }];
    });
    if (moves.length === 0) continue;
    moves.sort((x, y) => Math.abs(y.d) - Math.abs(x.d));
    out.push(`  ${slice.split('=')[1]}: ${moves.slice(0, 2).map((m) => `${m.s} ${signed(m.d)} h`).join(', ')}`);
  }
  return out;
}
