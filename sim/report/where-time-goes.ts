import { STAGES } from '../model/index.ts';
import { textTable } from './text-table.ts';

/** A summary's metric means, by name (summary.json's `metrics`). */
type Means = Readonly<Record<string, { mean: number } | undefined>>;

/** The slices the stage table shows, when the summary has them: all parcels, each operator, each area. */
const SLICES: [string, string][] = [
  ['', 'all'],
  ['{operator=amazon}', 'amazon'],
  ['{operator=india-post}', 'india-post'],
  ['{operator=kirana}', 'kirana'],
  ['{area=urban}', 'urban'],
  ['{area=rural}', 'rural'],
];

/**
 * Where a delivered parcel's lead time goes: mean hours in each stage (`leadTime.stage.hours.<stage>`)
 * for all parcels and each operator and area that delivered any, with the total (the mean lead
 * time: the stages add up to it).
 */
export function stageTable(metrics: Means): { slices: string[]; rows: { stage: string; hours: number[] }[] } {
  const shown = SLICES.filter(([suffix]) => (metrics[`parcels.delivered${suffix}`]?.mean ?? 0) > 0);
  const rows: { stage: string; hours: number[] }[] = STAGES.map((stage) => ({ stage, hours: shown.map(([suffix]) => metrics[`leadTime.stage.hours.${stage}${suffix}`]?.mean ?? 0) }));
  rows.push({ stage: 'total', hours: shown.map(([suffix]) => metrics[`leadTime.hours.mean${suffix}`]?.mean ?? 0) });
  return { slices: shown.map(([, label]) => label), rows };
}

/** The stage table as lines for a terminal (stages no parcel spent time in are left out). */
export function formatStageTable(metrics: Means): string {
  const { slices, rows } = stageTable(metrics);
  const kept = rows.filter((r) => r.stage === 'total' || r.hours.some((h) => h >= 0.05));
  const cells = [['stage', ...slices], ...kept.map((r) => [r.stage, ...r.hours.map((h) => h.toFixed(1))])];
  return ['where the time goes: mean hours per delivered parcel, by stage', ...textTable(cells)].join('\n');
}
