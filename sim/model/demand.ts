import { type ArrivalProcess, nhpp } from '../engine/random/index.ts';
import { parseIsoDate, type SimCalendar } from '../engine/index.ts';
import type { Network } from '../network/index.ts';
import type { ImportedOrders, ModelConfig } from './model-config.ts';
import { type Lists, networkTables } from './network-tables.ts';

/** Census 2011 (DOMAIN.md, A): 1,210.85 M people, 31.16 % urban. A region gets its share of the national volume. */
export const NATIONAL_POPULATION = 1_210_854_977;
export const NATIONAL_URBAN = 377_106_125;

/**
 * Where and when orders arise: one national arrival process (hourly profile × day multiplier),
 * each order's demand unit drawn by weight, then urban or rural, then a point of the unit
 * (`points`). The built-in demand has one unit per district, weighted by population (urban
 * residents count `urbanWeight` times a rural one), split urban/rural by it, its points the
 * district's urban cells and PINs. A user's orders (`demand.import`) have one unit per row: a
 * PIN's or a coordinate's orders go to that one point, a district's spread over it as the
 * built-in demand spreads them; dated rows weigh only on their day.
 */
export class Demand {
  /** Per unit, its district (position in `catchments.district`). */
  readonly unitDistrict: Int32Array;
  /** Cumulative unit weights for the unit draw (the average day's, with dated orders). */
  readonly cumulative: Float64Array;
  /** Per district position, cumulative weights: its share of the orders (stock placement). */
  readonly districtCumulative: Float64Array;
  /** Per unit: the share of its orders that are rural. */
  readonly ruralShare: Float64Array;
  /** Per unit: its PIN points (where rural orders go) and its urban cells (where urban orders go). */
  readonly pins: Lists;
  readonly cells: Lists;
  readonly arrivals: ArrivalProcess;
  /** Expected parcels a day (at the model's scale, before profiles). */
  readonly perDay: number;
  /** Orders expected over the run (the Poisson mean): what the parcel store is sized for. */
  readonly expectedOrders: number;
  /** Dated orders: per day, the cumulative unit weights of that day's rows; null otherwise. */
  private readonly byDay: Float64Array[] | null;

  constructor(network: Network, config: ModelConfig, calendar: SimCalendar, demandMultiplier: Float64Array, scale: number) {
    const c = network.catchments;
    const tables = networkTables(network);
    const nd = c.district.length;
    const weekly = config.demand.weekly;
    const weeklyMean = weekly.reduce((a, b) => a + b, 0) / 7;
    const orders = config.demand.import?.content;
    let days: number[];
    if (orders === undefined) {
      const uw = config.demand.urbanWeight;
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
      this.unitDistrict = Int32Array.from({ length: nd }, (_, i) => i);
      this.districtCumulative = this.cumulative;
      this.pins = tables.districtPins;
      this.cells = tables.districtCells;
      this.byDay = null;
      days = [];
      for (let d = 0; d < config.days; d++) days.push((weekly[calendar.weekdayNumber(d * 1440)]! / weeklyMean) * demandMultiplier[d]!);
    } else {
      const units = importedUnits(network, config, orders, calendar);
      this.unitDistrict = units.district;
      this.ruralShare = units.ruralShare;
      this.pins = units.pins;
      this.cells = units.cells;
      this.byDay = units.byDay;
      this.cumulative = cumulate(units.average);
      const perDistrict = new Float64Array(nd);
      units.average.forEach((w, u) => (perDistrict[units.district[u]!]! += w));
      this.districtCumulative = cumulate(perDistrict);
      const mean = this.cumulative[this.cumulative.length - 1] ?? 0;
      this.perDay = mean * scale;
      days = [];
      for (let d = 0; d < config.days; d++) {
        // Dated rows say each day's parcels; undated ones an average day, shaped by the weekly profile.
        const shape = units.dayTotal ? (mean > 0 ? units.dayTotal[d]! / mean : 0) : weekly[calendar.weekdayNumber(d * 1440)]! / weeklyMean;
        days.push(shape * demandMultiplier[d]!);
      }
    }
    const hourlySum = config.demand.hourly.reduce((a, b) => a + b, 0);
    const perHour = config.demand.hourly.map((h) => (this.perDay * 24 * h) / hourlySum / 24);
    this.arrivals = nhpp({ perHour, dayMultiplier: days });
    this.expectedOrders = this.perDay * days.reduce((a, b) => a + b, 0);
  }

  /** How many demand units there are (districts, or imported rows). */
  get units(): number {
    return this.unitDistrict.length;
  }

  /**
   * The demand points an order of unit `u` picks from (uniformly): an urban order its unit's
   * urban cells, a rural one its PINs, each the other where the unit has none of its own (a
   * district may have no PIN point, or no towns).
   */
  points(u: number, rural: boolean): Lists {
    const own = rural ? this.pins : this.cells;
    return own.length[u]! > 0 ? own : rural ? this.cells : this.pins;
  }

  /** Expected orders a day of unit u (at the model's scale, before profiles; an average day of dated orders). */
  perDayOf(u: number): number {
    const cum = this.cumulative;
    return (this.perDay * (cum[u]! - (u > 0 ? cum[u - 1]! : 0))) / (cum[cum.length - 1]! || 1);
  }

  /** Expected orders a day of district position i. */
  districtPerDayOf(i: number): number {
    const cum = this.districtCumulative;
    return (this.perDay * (cum[i]! - (i > 0 ? cum[i - 1]! : 0))) / (cum[cum.length - 1]! || 1);
  }

  /** The unit for a uniform u on order day `day` (binary search of the cumulative weights). */
  unit(u: number, day: number): number {
    const cum = this.byDay === null ? this.cumulative : this.byDay[Math.min(Math.max(day, 0), this.byDay.length - 1)]!;
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

function cumulate(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) out[i] = total += weights[i]!;
  return out;
}

interface Units {
  district: Int32Array;
  ruralShare: Float64Array;
  pins: Lists;
  cells: Lists;
  /** Each unit's parcels on an average order day (full scale). */
  average: Float64Array;
  /** Dated orders: per day, cumulative unit weights; and each day's total. */
  byDay: Float64Array[] | null;
  dayTotal: Float64Array | null;
}

/** One unit per imported row, on the network's points: a PIN's point, an extra point, or a district's points. */
function importedUnits(network: Network, config: ModelConfig, orders: ImportedOrders, calendar: SimCalendar): Units {
  const c = network.catchments;
  const tables = networkTables(network);
  const position = new Map<number, number>();
  c.districtCode.forEach((code, i) => position.set(code, i));
  const positionOf = new Map<number, number>();
  c.district.forEach((d, i) => positionOf.set(d, i));
  const pinPoint = new Map<number, number>();
  let firstExtra = -1;
  for (let k = 0; k < c.pointPin.length; k++) {
    if (c.pointIndex[k]! >= 0) pinPoint.set(c.pointPin[k]!, k);
    else if (c.pointIndex[k] === -2 && firstExtra < 0) firstExtra = k;
  }
  const n = orders.parcelsPerDay.length;
  const district = new Int32Array(n);
  const ruralShare = new Float64Array(n);
  const pins: number[][] = [];
  const cells: number[][] = [];
  const uw = config.demand.urbanWeight;
  for (let r = 0; r < n; r++) {
    let k = -1;
    if (orders.pin[r]! > 0) k = pinPoint.get(orders.pin[r]!) ?? -1;
    else if (orders.point[r]! >= 0 && firstExtra >= 0) k = firstExtra + orders.point[r]!;
    if (k >= 0) {
      district[r] = positionOf.get(c.pointDistrict[k]!) ?? 0;
      ruralShare[r] = orders.rural[r] === 1 ? 1 : 0;
      pins.push([k]);
      cells.push([k]);
      continue;
    }
    const i = position.get(orders.district[r]!);
    if (i === undefined || (orders.district[r] === 0 && orders.pin[r] === 0 && orders.point[r]! < 0)) {
      throw new Error(`demand.import: row ${r} names a place the network does not hold (PIN ${orders.pin[r]}, district ${orders.district[r]}, point ${orders.point[r]}); import the orders with the scenario's network`);
    }
    district[r] = i;
    const [, rural, urban] = c.districtPopulation[i]!;
    const w = urban * uw + rural;
    ruralShare[r] = orders.rural[r]! >= 0 ? orders.rural[r]! : w > 0 ? rural / w : 0;
    const list = (l: Lists): number[] => Array.from(l.members.subarray(l.start[i]!, l.start[i]! + l.length[i]!));
    pins.push(list(tables.districtPins));
    cells.push(list(tables.districtCells));
  }
  const average = new Float64Array(n);
  let byDay: Float64Array[] | null = null;
  let dayTotal: Float64Array | null = null;
  if (orders.date === null) {
    for (let r = 0; r < n; r++) average[r] = orders.parcelsPerDay[r]!;
  } else {
    const start = parseIsoDate(config.startDate);
    const weights = Array.from({ length: config.days }, () => new Float64Array(n));
    orders.date.forEach((date, r) => {
      const d = parseIsoDate(date) - start;
      if (d >= 0 && d < config.days) weights[d]![r] = orders.parcelsPerDay[r]!;
    });
    for (const w of weights) for (let r = 0; r < n; r++) average[r]! += w[r]! / config.days;
    byDay = weights.map(cumulate);
    dayTotal = Float64Array.from(byDay, (cum) => cum[n - 1] ?? 0);
  }
  void calendar;
  return { district, ruralShare, pins: lists(pins), cells: lists(cells), average, byDay, dayTotal };
}

function lists(of: number[][]): Lists {
  const start = new Int32Array(of.length);
  const length = new Int32Array(of.length);
  const members: number[] = [];
  of.forEach((l, u) => {
    start[u] = members.length;
    length[u] = l.length;
    members.push(...l);
  });
  return { start, length, members: Int32Array.from(members) };
}
