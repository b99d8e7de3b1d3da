import type { IndiaData } from '../data/index.ts';
import { expectedParcels, parseSet, type Scenario, type SetOverride } from '../scenario/index.ts';

/**
 * `SIM_QUICK=1`: the one variable that scales a documented command down so the docs test can run
 * every command the READMEs show (a smoke test of the command, not an answer). A run keeps at most
 * QUICK.replications replications and QUICK.days order days, warm-up days within them, and a scale
 * at which a day brings at most QUICK.parcelsPerDay parcels (national runs drop to ~0.005).
 */
export const QUICK = { replications: 2, days: 3, parcelsPerDay: 5_000 } as const;

export function quickMode(): boolean {
  return process.env.SIM_QUICK === '1';
}

/** The `--set` overrides that cap `s` to quick mode's size; none when it is small already. */
export function quickOverrides(s: Scenario, data: IndiaData): SetOverride[] {
  const sets: SetOverride[] = [];
  const set = (path: string, value: number): void => void sets.push(parseSet(`${path}=${value}`, 'SIM_QUICK'));
  if (s.replications > QUICK.replications) set('replications', QUICK.replications);
  const days = Math.min(s.days, QUICK.days);
  if (days < s.days) set('days', days);
  if (s.warmupDays >= days) set('warmupDays', days - 1);
  // Imported orders are a user's own (few thousand a day): their count is left as it is.
  if (s.model.demand.import === undefined) {
    const perDay = expectedParcels(s, data) / s.days;
    if (perDay > QUICK.parcelsPerDay) set('scale', Number((s.scale * (QUICK.parcelsPerDay / perDay)).toPrecision(2)));
  }
  return sets;
}
