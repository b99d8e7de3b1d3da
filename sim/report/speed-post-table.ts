import { SPEED_POST_CLASSES, SPEED_POST_NORM_DAYS } from '../model/index.ts';
import { textTable } from './text-table.ts';

type Means = Readonly<Record<string, { mean: number } | undefined>>;

const LABEL: Record<(typeof SPEED_POST_CLASSES)[number], string> = {
  local: 'local (city, metro to metro)',
  sameState: 'within the state',
  neighbouringState: 'neighbouring state',
  restOfIndia: 'rest of India',
};

/**
 * India Post against its own Speed Post norms, for runs in which it carried parcels from a
 * booking to the door (`speedPost.*` metrics): per distance class, the norm, parcels, the share
 * delivered within it and the mean working days after booking. Undefined when it carried none.
 */
export function formatSpeedPostTable(metrics: Means): string | undefined {
  const parcels = (c: string): number => metrics[`speedPost.parcels{class=${c}}`]?.mean ?? 0;
  if (SPEED_POST_CLASSES.every((c) => parcels(c) === 0)) return undefined;
  const cells = [
    ['class', 'norm', 'parcels', 'within norm', 'mean working days'],
    ...SPEED_POST_CLASSES.map((c, i) => [
      LABEL[c],
      `D+${SPEED_POST_NORM_DAYS[i]}`,
      Math.round(parcels(c)).toLocaleString('en-US'),
      `${(100 * (metrics[`speedPost.withinNorm.share{class=${c}}`]?.mean ?? 0)).toFixed(1)} %`,
      (metrics[`speedPost.workingDays.mean{class=${c}}`]?.mean ?? 0).toFixed(2),
    ]),
  ];
  return ['Speed Post against its norms (parcels India Post carried from booking to the door; working days after the booking day)', ...textTable(cells)].join('\n');
}
