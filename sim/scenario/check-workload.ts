import type { IndiaData } from '../data/index.ts';
import { SimCalendar } from '../engine/index.ts';
import { DISRUPTION_DEFAULTS, NATIONAL_POPULATION, NATIONAL_URBAN } from '../model/index.ts';
import { currentState } from '../network/index.ts';
import { isPlainObject } from './merge-patch.ts';
import type { Scenario, ScenarioIssue } from './scenario.ts';

/**
 * The most parcels one replication may simulate. A parcel costs ~60 bytes of typed arrays plus
 * its share of the queues; a national replication at full scale (14 days, ~14 M parcels) peaks
 * at ~1 GB, so 50 M is ~3.5 GB a worker and several minutes: any more is a mistake or an attack
 * (`model.demand.parcelsPerDay: 1e9` at scale 1 over 366 days asks for 366 billion).
 */
export const MAX_PARCELS_PER_REPLICATION = 50_000_000;

/**
 * The parcels a replication of `s` simulates on average (the Poisson mean of its orders), as
 * the model's demand computes it: parcels a day × scale × the region's share of the national
 * order weight (urban residents count `urbanWeight` times), summed over the order days with the
 * weekly profile and festive multipliers. Cheap: no network is built.
 */
export function expectedParcels(s: Scenario, data: IndiaData): number {
  const demand = s.model.demand;
  const uw = demand.urbanWeight;
  const states = s.region.states.length > 0 ? new Set(s.region.states) : null;
  const codes = s.region.districts.length > 0 ? new Set(s.region.districts) : null;
  let weight = 0;
  for (const d of data.districts) {
    if (d.code === null || (codes && !codes.has(d.code)) || (states && !states.has(currentState(d.state, d.code)))) continue;
    const [, rural, urban] = d.pop ?? [0, 0, 0];
    weight += urban * uw + rural;
  }
  const national = NATIONAL_URBAN * uw + (NATIONAL_POPULATION - NATIONAL_URBAN);
  const perDay = (demand.parcelsPerDay * s.scale * weight) / national;
  const calendar = new SimCalendar(s.model.startDate, s.model.holidays);
  const weeklyMean = demand.weekly.reduce((a, b) => a + b, 0) / 7;
  const festive = festiveMultipliers(s, calendar);
  let days = 0;
  for (let d = 0; d < s.days; d++) days += (demand.weekly[calendar.weekdayNumber(d * 1440)]! / weeklyMean) * festive[d]!;
  return perDay * days;
}

/** Demand multiplier per order day: the largest festive window or sale-day multiplier in force. */
function festiveMultipliers(s: Scenario, calendar: SimCalendar): number[] {
  const out = new Array<number>(s.days).fill(1);
  const dayOf = (date: string): number => Math.floor(calendar.timeOf(date) / 1440);
  for (const d of Object.values(s.model.disruptions)) {
    if (!isPlainObject(d) || d.type !== 'festive') continue;
    const f = { ...DISRUPTION_DEFAULTS.festive, ...d };
    const sale = new Set(f.saleDays.map(dayOf));
    for (let day = Math.max(0, dayOf(f.from)); day <= dayOf(f.to) && day < s.days; day++) {
      out[day] = Math.max(out[day]!, sale.has(day) ? f.saleMultiplier : f.windowMultiplier);
    }
  }
  return out;
}

/**
 * Refuses a scenario whose replications would simulate more parcels than memory holds
 * (`MAX_PARCELS_PER_REPLICATION`) or less than one parcel (a scale so small nothing is
 * measured). Runs only on a scenario without other problems: its fields are known to be valid.
 */
export function checkWorkload(s: Scenario, data: IndiaData): ScenarioIssue[] {
  const n = expectedParcels(s, data);
  const how = `model.demand.parcelsPerDay ${s.model.demand.parcelsPerDay.toLocaleString('en-US')} × scale ${s.scale} × ${s.days} day${s.days === 1 ? '' : 's'} × the region's share of demand`;
  if (n > MAX_PARCELS_PER_REPLICATION) {
    return [{
      path: '',
      message: `simulates about ${Math.round(n).toLocaleString('en-US')} parcels a replication (${how}), more than the ${MAX_PARCELS_PER_REPLICATION.toLocaleString('en-US')} one replication may hold in memory; lower scale, days or parcelsPerDay, or choose a region`,
    }];
  }
  if (!(n >= 1)) {
    return [{
      path: '',
      message: `simulates about ${n === 0 ? '0' : n < 0.01 ? n.toExponential(1) : n.toFixed(2)} parcels a replication (${how}): fewer than one, so nothing would be measured; raise scale (the default is 0.1), days or parcelsPerDay`,
    }];
  }
  return [];
}
