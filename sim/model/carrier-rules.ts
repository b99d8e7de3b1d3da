import type { ModelConfig } from './model-config.ts';

/** Who carries a parcel's last mile: Amazon's delivery station, India Post (delivery office, or branch office for a rural parcel), a kirana store. */
export type LastMileCarrier = 'amazon' | 'india-post' | 'kirana';
export const LAST_MILE_CARRIERS: readonly LastMileCarrier[] = ['amazon', 'india-post', 'kirana'];

/** Where a parcel starts: an Amazon FC (by stock placement), forward stock at the district's India Post hub, a small seller booking at a post office. */
export type FirstMile = 'fc' | 'india-post-hub' | 'seller';
export const FIRST_MILES: readonly FirstMile[] = ['fc', 'india-post-hub', 'seller'];

/** Who carries the linehaul of an FC's parcel for India Post's last mile: Amazon to the sort centre nearest the destination (the hand-off there), or India Post from the sort centre nearest the FC. */
export type Linehaul = 'amazon' | 'india-post';
export const LINEHAULS: readonly Linehaul[] = ['amazon', 'india-post'];

/**
 * One row of the table that says who carries which leg. A parcel takes the first rule whose
 * conditions it meets (and whose `share` draw it falls in, and whose carrier can take it: a
 * kirana store with room today, a seller in the drawn district); a rule that cannot take it
 * passes it on to the next.
 */
export interface CarrierRule {
  when?: {
    /** The order's area. */
    area?: 'urban' | 'rural';
    /** The order's state (today's names, as `NetworkNode.state`). */
    states?: string[];
    /** The order's district, Census 2011 codes. */
    districts?: number[];
    /** Whether the order's point lies within its nearest delivery station's reach. */
    direct?: boolean;
    /** Cash on delivery. */
    cod?: boolean;
    /** Whether a kirana store's radius covers the order's point. */
    kirana?: boolean;
  };
  /** The share of the parcels that reach this rule and meet its conditions that it takes (by each parcel's policy draw). Default 1. */
  share?: number;
  /** Default 'fc'. A seller's or a forward hub's parcel travels with India Post from its first mile. */
  firstMile?: FirstMile;
  /** Default 'amazon' (for an FC's parcel with India Post's last mile: where it is handed over). */
  linehaul?: Linehaul;
  lastMile: LastMileCarrier;
  /** The share of this rule's parcels that go abroad, to the export hub (the national sorting hub nearest Mumbai) instead. Default 0. */
  exportShare?: number;
}

/**
 * The five policies as rule tables: presets whose figures come from `config.policies`. Each ends
 * with Amazon's own rule: its station where the point lies within reach, India Post elsewhere.
 */
export function policyRules(config: Pick<ModelConfig, 'policy' | 'policies'>): CarrierRule[] {
  const p = config.policies;
  const amazon: CarrierRule[] = [{ when: { direct: true }, lastMile: 'amazon' }, { lastMile: 'india-post' }];
  switch (config.policy) {
    case 'india-post-rural':
      return [{ when: { area: 'rural' }, lastMile: 'india-post' }, ...amazon];
    case 'kirana':
      return [{ when: { kirana: true }, share: p.kirana.share, lastMile: 'kirana' }, ...amazon];
    case 'shared-warehouses':
      return [{ share: p.sharedWarehouses.forwardStockShare, firstMile: 'india-post-hub', lastMile: 'india-post' }, { when: { area: 'rural' }, lastMile: 'india-post' }, ...amazon];
    case 'b2b':
      return [{ share: p.b2b.share, firstMile: 'seller', lastMile: 'india-post', exportShare: p.b2b.exportShare }, ...amazon];
    default:
      return amazon;
  }
}

/** The table a scenario runs: its own rules (`model.rules`) first, then its policy's preset. */
export function carrierRules(config: Pick<ModelConfig, 'policy' | 'policies' | 'rules'>): CarrierRule[] {
  return [...(config.rules ?? []), ...policyRules(config)];
}
