import { type ArrivalProcess, nhpp } from '../engine/random/index.ts';
import { type SimCalendar } from '../engine/index.ts';
import type { Network } from '../network/index.ts';
import type { ModelConfig } from './model-config.ts';
import { type Lists, networkTables } from './network-tables.ts';

/** Census 2011 (DOMAIN.md, A): 1,210.85 M people, 31.16 % urban. A region gets its share of the national volume. */
export const NATIONAL_POPULATION = 1_210_854_977;
export const NATIONAL_URBAN = 377_106_125;

/**
 * Where and when orders arise: one national arrival process (hourly profile × weekday × festive
 * multiplier), each order's district drawn by population weight (urban residents count
 * `urbanWeight` times a rural one), then urban or rural, then an urban cell or a PIN of the
 * district (`points`).
 */
export class Demand {
  /** Positions in `catchments.district`; cumulative order weights for the district draw. */
  readonly cumulative: Float64Array;
  /** Per district: the share of its orders that are rural. */
  readonly ruralShare: Float64Array;
  /** Per district: its PIN points (where rural orders go) and its urban cells (where urban orders go). */
  readonly pins: Lists;
  readonly cells: Lists;
  readonly arrivals: ArrivalProcess;
  /** Expected parcels a day (at the model's scale, before profiles). */
  readonly perDay: number;
  /** Orders expected over the run (the Poisson mean): what the parcel store is sized for. */
  readonly expectedOrders: number;

  constructor(network: Network, config: ModelConfig, calendar: SimCalendar, demandMultiplier: Float64Array, scale: number) {
    const c = network.catchments;
    const uw = config.demand.urbanWeight;
    const nd = c.district.length;
    this.cumulative = new Float64Array(nd);
    this.ruralShare = new Float64Array(nd);
    let total = 0;
    for (let i = 0; i < nd; i++) {
      const [, rural, urban] = c.districtPopulation[i]!;
      const w = urban * uw + rural;
      total += w;
      this.cumulative[i] = total;
      this.ruralShare[i] = w > 0 ? rural / w : 0;
    }
    const national = NATIONAL_URBAN * uw + (NATIONAL_POPULATION - NATIONAL_URBAN);
    this.perDay = (config.demand.parcelsPerDay * scale * total) / national;

    const tables = networkTables(network);
    this.pins = tables.districtPins;
    this.cells = tables.districtCells;

    const hourlySum = config.demand.hourly.reduce((a, b) => a + b, 0);
    const weeklyMean = config.demand.weekly.reduce((a, b) => a + b, 0) / 7;
    const perHour = config.demand.hourly.map((h) => (this.perDay * 24 * h) / hourlySum / 24);
    const days: number[] = [];
    for (let d = 0; d < config.days; d++) {
      const weekday = calendar.weekdayNumber(d * 1440);
      days.push((config.demand.weekly[weekday]! / weeklyMean) * demandMultiplier[d]!);
    }
    this.arrivals = nhpp({ perHour, dayMultiplier: days });
    this.expectedOrders = this.perDay * days.reduce((a, b) => a + b, 0);
  }

  /**
   * The demand points an order of district `i` picks from (uniformly): an urban order its
   * district's urban cells, a rural one its PINs, each the other where the district has none of
   * its own (a district may have no PIN point, or no towns).
   */
  points(i: number, rural: boolean): Lists {
    const own = rural ? this.pins : this.cells;
    return own.length[i]! > 0 ? own : rural ? this.cells : this.pins;
  }

  /** Expected orders a day of district position i (at the model's scale, before profiles). */
  perDayOf(i: number): number {
    const cum = this.cumulative;
    return (this.perDay * (cum[i]! - (i > 0 ? cum[i - 1]! : 0))) / (cum[cum.length - 1]! || 1);
  }

  /** The district position for a uniform u (binary search of the cumulative weights). */
  district(u: number): number {
    const cum = this.cumulative;
    const target = u * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
