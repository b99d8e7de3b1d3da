import { generalArray } from '../engine/index.ts';
import { Histogram } from '../engine/stats/index.ts';
import { NODE_TYPES, type Network } from '../network/index.ts';
import { networkTables } from './network-tables.ts';
import { FLAG_COD, FLAG_RURAL, FLAG_WARMUP, IN_FLIGHT, type ParcelStore, RETURNING, STAGE_COUNT, STAGE_STRIDE } from './parcel-store.ts';
import {
  F_ATTEMPTS_OF_DELIVERED, F_COLLECTED, F_COST, F_CREATED, F_CREATED_COD, F_CREATED_PREPAID, F_DELIVERED, F_DELIVERED_COD,
  F_IN_FLIGHT, F_LEAD_SUM, F_LOST, F_RETURNED, F_RTO_COD, F_RTO_PREPAID, F_STAGE, F_WITHIN_24, F_WITHIN_48, F_WITHIN_72, FIELDS, SliceTable,
} from './slice-table.ts';

/** `rows` of a warm-up parcel: it counts in no slice. */
const WARM_UP = 0xffff;

const SUM_CO2_LAST_MILE = 0;
const SUM_KIRANA_PAYOUTS = 1;

/**
 * What one replication counts as its parcels move: sums by slice (0 all, 1..3 operators, 4 urban,
 * 5 rural, 6.. states), by district, the lead-time histogram, kilometres by mode, work handled
 * per node and the daily series. The model reports each outcome here; `replication-result.ts`
 * turns the counts into a result.
 *
 * Warm-up: a parcel ordered before the warm-up ends (FLAG_WARMUP) moves and is counted in the
 * daily series, the work per node and the backlog like any other, but in no per-parcel statistic
 * (slices, districts, the lead-time histogram, kilometres, last-mile CO₂ and kirana payouts).
 */
export class ReplicationMetrics {
  readonly slices: SliceTable;
  readonly states: readonly string[];
  readonly stateOfDistrict: Int32Array;
  readonly districtStats: { created: Float64Array; delivered: Float64Array; returned: Float64Array; leadSum: Float64Array; within48: Float64Array };
  readonly histogram: Histogram;
  /** Parcel-km by mode (road, rail, air). */
  readonly km = new Float64Array(3);
  /** Parcels packed, sorted or attempted, per node. */
  readonly handled: Float64Array;
  // Series in arrays of the general kind (see generalArray): a fresh `[]` took a fraction on some
  // day of each replication, and `endDay`'s optimised code deoptimised at every call after the first
  // replication (20 deopts a replication, measured with --trace-deopt).
  readonly daily = { created: generalArray<number>(), delivered: generalArray<number>(), returned: generalArray<number>(), backlog: generalArray<number>(), lastMileQueue: generalArray<number>() };
  readonly queueByTypeDaily: number[][] = NODE_TYPES.map(() => generalArray<number>());
  /** Parcels delivered, returned or lost. */
  terminal = 0;
  private createdToday = 0;
  private deliveredToday = 0;
  private returnedToday = 0;
  // Running sums that grow by fractions (kg, INR) in a Float64Array, not number fields: a field
  // that starts as the small integer 0 and later holds 0.05 changes the object's hidden class in
  // the middle of the first replication, and V8 throws away the optimised code of every handler
  // that had seen the old one.
  private readonly sums = new Float64Array(2);
  /**
   * Per parcel, its slices packed: operator (bits 0–1), rural (bit 2), state (from bit 3), or
   * WARM_UP. Set at `created`: a bump reads this one array where it read the parcel's flags,
   * operator and district (cache misses on each leg of every parcel, in a run that waits on memory).
   */
  private rows: Uint16Array;

  constructor(
    network: Network,
    private readonly parcels: ParcelStore,
    horizonHours: number,
  ) {
    const c = network.catchments;
    const tables = networkTables(network);
    this.states = tables.states;
    this.stateOfDistrict = tables.stateOfDistrict;
    this.slices = new SliceTable(6 + this.states.length);
    const nd = c.district.length;
    this.districtStats = {
      created: new Float64Array(nd), delivered: new Float64Array(nd), returned: new Float64Array(nd),
      leadSum: new Float64Array(nd), within48: new Float64Array(nd),
    };
    this.histogram = new Histogram(Array.from({ length: horizonHours + 1 }, (_, h) => h));
    this.handled = new Float64Array(network.nodes.length);
    this.rows = new Uint16Array(parcels.created.length);
    if (this.states.length >= 1 << 13) throw new Error(`ReplicationMetrics: ${this.states.length} states do not fit a parcel's slice row`);
  }

  get co2LastMile(): number {
    return this.sums[SUM_CO2_LAST_MILE]!;
  }

  get kiranaPayouts(): number {
    return this.sums[SUM_KIRANA_PAYOUTS]!;
  }

  /** Adds x to field f of the parcel's four slices: all, its operator, its area, its state. */
  bump(id: number, f: number, x: number): void {
    const v = this.slices.values;
    const row = this.rows[id]!;
    if (row === WARM_UP) return;
    v[f]! += x;
    v[(1 + (row & 3)) * FIELDS + f]! += x;
    v[(4 + ((row >> 2) & 1)) * FIELDS + f]! += x;
    v[(6 + (row >> 3)) * FIELDS + f]! += x;
  }

  /** Adds a delivered parcel's stage hours to its four slices: the rows found once, nine fields added to each. */
  private addStages(id: number): void {
    const v = this.slices.values;
    const stage = this.parcels.stage;
    const at = id * STAGE_STRIDE;
    const row = this.rows[id]!;
    const operator = (1 + (row & 3)) * FIELDS + F_STAGE;
    const area = (4 + ((row >> 2) & 1)) * FIELDS + F_STAGE;
    const state = (6 + (row >> 3)) * FIELDS + F_STAGE;
    for (let s = 0; s < STAGE_COUNT; s++) {
      const hours = stage[at + s]! / 60;
      v[F_STAGE + s]! += hours;
      v[operator + s]! += hours;
      v[area + s]! += hours;
      v[state + s]! += hours;
    }
  }

  addCost(id: number, component: number, inr: number): void {
    this.bump(id, F_COST + component, inr);
  }

  /** Whether a parcel counts in the per-parcel statistics: every parcel but those of the warm-up. */
  measured(id: number): boolean {
    return this.rows[id]! !== WARM_UP;
  }

  /** CO₂ of parcel `id`'s last-mile attempt. */
  addCo2LastMile(id: number, kg: number): void {
    if (this.measured(id)) this.sums[SUM_CO2_LAST_MILE]! += kg;
  }

  /** A kirana's payout for parcel `id`'s attempt. */
  addKiranaPayout(id: number, inr: number): void {
    if (this.measured(id)) this.sums[SUM_KIRANA_PAYOUTS]! += inr;
  }

  /** A new parcel (its district, operator and flags already set). */
  created(id: number): void {
    this.createdToday++;
    const p = this.parcels;
    if (id >= this.rows.length) {
      const rows = new Uint16Array(Math.max(p.created.length, id + 1));
      rows.set(this.rows);
      this.rows = rows;
    }
    const flags = p.flags[id]!;
    if ((flags & FLAG_WARMUP) !== 0) {
      this.rows[id] = WARM_UP;
      return;
    }
    this.rows[id] = (this.stateOfDistrict[p.district[id]!]! << 3) | ((flags & FLAG_RURAL) !== 0 ? 4 : 0) | p.operator[id]!;
    this.districtStats.created[this.parcels.district[id]!]!++;
    this.bump(id, F_CREATED, 1);
    this.bump(id, (this.parcels.flags[id]! & FLAG_COD) !== 0 ? F_CREATED_COD : F_CREATED_PREPAID, 1);
  }

  /** A delivery after `lead` hours, at the door or `collected` from the store or office. */
  delivered(id: number, lead: number, collected: boolean): void {
    const p = this.parcels;
    this.terminal++;
    this.deliveredToday++;
    if (!this.measured(id)) return;
    this.bump(id, F_DELIVERED, 1);
    if ((p.flags[id]! & FLAG_COD) !== 0) this.bump(id, F_DELIVERED_COD, 1);
    // Always bumped (by 0 or 1): collections start days into a run, after V8 has optimised this.
    this.bump(id, F_COLLECTED, collected ? 1 : 0);
    this.bump(id, F_ATTEMPTS_OF_DELIVERED, Math.max(1, p.attempts[id]!));
    this.bump(id, F_LEAD_SUM, lead);
    this.addStages(id);
    if (lead <= 24) this.bump(id, F_WITHIN_24, 1);
    if (lead <= 48) this.bump(id, F_WITHIN_48, 1);
    if (lead <= 72) this.bump(id, F_WITHIN_72, 1);
    const q = this.slices.leadQ;
    const d = p.district[id]!;
    const row = this.rows[id]!;
    q[0]!.add(lead);
    q[1 + (row & 3)]!.add(lead);
    q[4 + ((row >> 2) & 1)]!.add(lead);
    q[6 + (row >> 3)]!.add(lead);
    this.histogram.add(lead);
    this.districtStats.delivered[d]!++;
    this.districtStats.leadSum[d]! += lead;
    if (lead <= 48) this.districtStats.within48[d]!++;
  }

  /** Refused or never found at home: the parcel starts back (RTO). */
  returnStarted(id: number): void {
    this.bump(id, (this.parcels.flags[id]! & FLAG_COD) !== 0 ? F_RTO_COD : F_RTO_PREPAID, 1);
  }

  /** Back at the seller. */
  returned(id: number): void {
    this.terminal++;
    this.returnedToday++;
    if (!this.measured(id)) return;
    this.districtStats.returned[this.parcels.district[id]!]!++;
    this.bump(id, F_RETURNED, 1);
  }

  lost(id: number): void {
    this.terminal++;
    this.bump(id, F_LOST, 1);
  }

  /** Closes a day's series: parcels in the system, waiting at the last mile, and waiting by node type. */
  endDay(lastMileQueue: number, queueByType: ArrayLike<number>): void {
    this.daily.created.push(this.createdToday);
    this.daily.delivered.push(this.deliveredToday);
    this.daily.returned.push(this.returnedToday);
    this.daily.backlog.push(this.parcels.count - this.terminal);
    this.daily.lastMileQueue.push(lastMileQueue);
    for (let t = 0; t < queueByType.length; t++) this.queueByTypeDaily[t]!.push(queueByType[t]!);
    this.createdToday = this.deliveredToday = this.returnedToday = 0;
  }

  /** Parcels not yet delivered, returned or lost, by status scan (independent of the counters). */
  countInFlight(): void {
    const p = this.parcels;
    for (let id = 0; id < p.count; id++) {
      const s = p.status[id]!;
      if (s === IN_FLIGHT || s === RETURNING) this.bump(id, F_IN_FLIGHT, 1);
    }
  }
}
