import type { Verdict } from './types.ts';

/** Colours shared by the compare charts: A and B from d3's Tableau10, verdicts as in the table. */
export const COLOR_A = '#4e79a7';
export const COLOR_B = '#f28e2b';
export const VERDICT_COLOR: Readonly<Record<Verdict, string>> = {
  same: '#6b6b6b',
  better: '#2e7d32',
  worse: '#c62828',
  changed: '#6a3d9a',
  inconclusive: '#b8860b',
};

/** Rounds SVG coordinates to 0.01 px: smaller files, and output that does not flicker in the last digit. */
export const px = (x: number) => String(Math.round(x * 100) / 100);
