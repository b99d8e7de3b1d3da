import type { Network } from '../network/index.ts';
import { type CarrierRule, FIRST_MILES, LAST_MILE_CARRIERS } from './carrier-rules.ts';
import type { NetworkTables } from './network-tables.ts';

export const LM_AMAZON = 0;
export const LM_INDIA_POST = 1;
export const LM_KIRANA = 2;
export const FM_FC = 0;
export const FM_HUB = 1;
export const FM_SELLER = 2;

/** What the rules see of an order: its district (position in `catchments.district`), area, point (-1 none), COD. */
export interface OrderCase {
  district: number;
  rural: boolean;
  point: number;
  cod: boolean;
}

/** Whether a rule's carrier can take a parcel: `undefined` always; else the share `num / den` of parcels it can take (0: never). */
export type Availability = (rule: number) => readonly [num: number, den: number] | undefined;

/**
 * The carrier rules of a run compiled against its network: conditions as flags and per-district
 * masks, so a parcel's rule is found in a few array reads. `ParcelModel.onOrder` draws a parcel's
 * rule with `pick`; `expectedLastMileLoad` sums `walk`'s probabilities; both go through `matches`
 * and the same share arithmetic, so what the model does and what capacity is sized for cannot
 * drift apart.
 */
export class CarrierTable {
  readonly count: number;
  readonly share: Float64Array;
  readonly lastMile: Uint8Array;
  readonly firstMile: Uint8Array;
  /** 1: an FC's parcel for India Post is handed over at the sort centre nearest the FC (India Post carries the linehaul). */
  readonly handoffAtOrigin: Uint8Array;
  readonly exportShare: Float64Array;
  /** Some rule delivers through kirana stores or asks whether a store covers the point (the stores' pools are needed). */
  readonly usesKirana: boolean;
  /** Some rule asks whether the parcel is COD. */
  readonly testsCod: boolean;
  private readonly area: Int8Array;
  private readonly direct: Int8Array;
  private readonly cod: Int8Array;
  private readonly kirana: Int8Array;
  /** Per rule, per district position: 1 where its states and districts allow and its first mile exists (a forward hub), else 0. */
  private readonly where: Uint8Array[];
  // The catchment columns the rules read, as fields: every order reads the same ones, whichever
  // rule it takes, so the model's order handler, into which these calls are inlined, has seen
  // every load before an order first takes a rare rule (an India Post last mile in a city).
  private readonly pointDirect: readonly number[];
  private readonly pointStation: readonly number[];
  private readonly pointPostOffice: readonly number[];
  private readonly districtStation: readonly number[];
  private readonly districtPostOffice: readonly number[];
  private readonly districtBranch: Int32Array;

  constructor(
    readonly rules: readonly CarrierRule[],
    network: Network,
    tables: NetworkTables,
  ) {
    this.count = rules.length;
    this.share = Float64Array.from(rules, (r) => r.share ?? 1);
    this.lastMile = Uint8Array.from(rules, (r) => LAST_MILE_CARRIERS.indexOf(r.lastMile));
    this.firstMile = Uint8Array.from(rules, (r) => FIRST_MILES.indexOf(r.firstMile ?? 'fc'));
    this.handoffAtOrigin = Uint8Array.from(rules, (r) => (r.linehaul === 'india-post' ? 1 : 0));
    this.exportShare = Float64Array.from(rules, (r) => r.exportShare ?? 0);
    const flag = (v: boolean | undefined): number => (v === undefined ? -1 : v ? 1 : 0);
    this.area = Int8Array.from(rules, (r) => (r.when?.area === undefined ? -1 : r.when.area === 'rural' ? 1 : 0));
    this.direct = Int8Array.from(rules, (r) => flag(r.when?.direct));
    this.cod = Int8Array.from(rules, (r) => flag(r.when?.cod));
    this.kirana = Int8Array.from(rules, (r) => flag(r.when?.kirana));
    this.usesKirana = rules.some((r) => r.lastMile === 'kirana' || r.when?.kirana !== undefined);
    this.testsCod = rules.some((r) => r.when?.cod !== undefined);
    const c = network.catchments;
    this.where = rules.map((r) => {
      const states = r.when?.states;
      const codeSet = r.when?.districts ? new Set(r.when.districts) : null;
      const hub = r.firstMile === 'india-post-hub';
      return Uint8Array.from(c.district, (_, i) =>
        (!states || states.includes(tables.states[tables.stateOfDistrict[i]!]!)) && (!codeSet || codeSet.has(c.districtCode[i]!)) && (!hub || c.districtHub[i]! >= 0) ? 1 : 0,
      );
    });
    this.pointDirect = c.pointDirect;
    this.pointStation = c.pointStation;
    this.pointPostOffice = c.pointPostOffice;
    this.districtStation = c.districtStation;
    this.districtPostOffice = c.districtPostOffice;
    this.districtBranch = tables.districtBranch;
  }

  /** The order's point is within its nearest station's reach (a district without points: it has a station). */
  isDirect(o: OrderCase): boolean {
    const pointDirect = this.pointDirect;
    const districtStation = this.districtStation;
    return o.point >= 0 ? pointDirect[o.point] === 1 : districtStation[o.district]! >= 0;
  }

  /** Whether rule r applies to the order; `covered`: a kirana store covers its point. */
  matches(r: number, o: OrderCase, direct: boolean, covered: boolean): boolean {
    const a = this.area[r]!;
    if (a >= 0 && a !== (o.rural ? 1 : 0)) return false;
    const d = this.direct[r]!;
    if (d >= 0 && d !== (direct ? 1 : 0)) return false;
    const k = this.cod[r]!;
    if (k >= 0 && k !== (o.cod ? 1 : 0)) return false;
    const ki = this.kirana[r]!;
    if (ki >= 0 && ki !== (covered ? 1 : 0)) return false;
    if (this.lastMile[r] === LM_KIRANA && !covered) return false;
    return this.where[r]![o.district] === 1;
  }

  /** The last-mile node of rule r's carrier for the order: its point's station, or its postal node (a rural parcel's branch office where the district has one); -1 for a kirana rule (a store is booked as parcels come) or when there is none. */
  lastMileNode(r: number, o: OrderCase): number {
    const lm = this.lastMile[r]!;
    // Both candidates, every time (see the fields): the choice is the last step.
    const k = o.point;
    const i = o.district;
    const pointStation = this.pointStation;
    const pointPostOffice = this.pointPostOffice;
    const districtStation = this.districtStation;
    const districtPostOffice = this.districtPostOffice;
    const station = k >= 0 ? pointStation[k]! : districtStation[i]!;
    const po = k >= 0 ? pointPostOffice[k]! : districtPostOffice[i]!;
    const branch = this.districtBranch[i]!;
    const postal = o.rural && branch >= 0 ? branch : po;
    return lm === LM_AMAZON ? station : lm === LM_INDIA_POST ? postal : -1;
  }

  /**
   * The rule a parcel takes, for its policy draw `u`: the first rule that matches, whose share
   * the draw falls in, and that `take(rule, within)` accepts (`within`: where the draw fell
   * inside the rule's share, a uniform for the rule's own choices). A draw beyond a rule's share
   * is rescaled for the rules after it, so each rule's share is of the parcels that reach it.
   * -1 when no rule takes the parcel.
   */
  pick(o: OrderCase, u: number, covered: boolean, take: (rule: number, within: number) => boolean): number {
    const direct = this.isDirect(o);
    for (let r = 0; r < this.count; r++) {
      if (!this.matches(r, o, direct, covered)) continue;
      const s = this.share[r]!;
      let within = u;
      if (s < 1) {
        if (!(u < s)) {
          u = (u - s) / (1 - s);
          continue;
        }
        within = u / s;
      }
      if (take(r, within)) return r;
      // Its carrier could not take it (a full store, a district without sellers): on to the next rules, with a fresh uniform.
      u = within;
    }
    return -1;
  }

  /**
   * Each rule an order of this kind can end at, with the probability it does (`visit`), in order,
   * as `pick` decides them: a rule takes its share of what reaches it, times what its carrier can
   * take (`available`). Returns the probability that no rule takes the parcel.
   */
  walk(o: OrderCase, covered: boolean, available: Availability, visit: (rule: number, probability: number) => void): number {
    const direct = this.isDirect(o);
    let rest = 1;
    for (let r = 0; r < this.count && rest > 0; r++) {
      if (!this.matches(r, o, direct, covered)) continue;
      const s = this.share[r]!;
      const reached = s < 1 ? rest * s : rest;
      const can = available(r);
      const taken = can === undefined ? reached : (reached * can[0]) / can[1];
      if (taken > 0) visit(r, taken);
      rest = rest - taken;
    }
    return rest;
  }
}
