import { DROPS_PER_RIDER, FC_PARCELS_PER_DAY, RIDERS_PER_STATION, SC_PARCELS_PER_DAY } from './build-amazon.ts';
import { ICH_PER_DAY, NSH_PER_DAY, PARCELS_PER_BRANCH, PARCELS_PER_POSTMAN } from './build-india-post.ts';
import { SELLER_PARCELS_PER_DAY } from './build-sellers.ts';
import type { NodeType, Operator } from './network.ts';
import type { ResolvedNetworkOptions } from './network-options.ts';

/** What a node of a type is unless a file or an edit says otherwise: the built network's figures, at full scale. */
export interface NodeDefaults {
  operator: Operator;
  staff: number;
  delivers: boolean;
  /** Parcels a day at full scale, for `staff` staff. */
  capacityPerDay: number;
  /** Parcels a day a member of staff handles, when capacity follows staff (stations, offices); 0 otherwise. */
  perStaff: number;
  radiusKm: number;
  payoutInr: number;
}

/**
 * Defaults by type, from the same figures the builders use (DOMAIN.md where it has one): an FC
 * picks 60,000 parcels a day, a station has 50 riders of 30 drops, a postman delivers 80, a
 * kirana store the middle of the scenario's ranges. A delivery station's radius is the network's
 * calibrated one (`stationRadiusKm`).
 */
export function nodeDefaults(type: NodeType, o: ResolvedNetworkOptions, stationRadiusKm: number): NodeDefaults {
  const mid = (r: readonly [number, number]): number => (r[0] + r[1]) / 2;
  const base = { staff: 0, delivers: false, perStaff: 0, radiusKm: 0, payoutInr: 0 };
  switch (type) {
    case 'fulfilment-centre':
      return { ...base, operator: 'amazon', capacityPerDay: FC_PARCELS_PER_DAY };
    case 'sort-centre':
      return { ...base, operator: 'amazon', capacityPerDay: SC_PARCELS_PER_DAY };
    case 'delivery-station':
      return { ...base, operator: 'amazon', staff: RIDERS_PER_STATION, delivers: true, perStaff: DROPS_PER_RIDER, capacityPerDay: RIDERS_PER_STATION * DROPS_PER_RIDER, radiusKm: stationRadiusKm };
    case 'kirana':
      return { ...base, operator: 'kirana', staff: 1, delivers: true, capacityPerDay: Math.round(mid(o.kiranaParcelsPerDay)), radiusKm: mid(o.kiranaRadiusKm), payoutInr: mid(o.kiranaPayoutInr) };
    case 'national-sorting-hub':
      return { ...base, operator: 'india-post', capacityPerDay: NSH_PER_DAY };
    case 'intra-circle-hub':
      return { ...base, operator: 'india-post', capacityPerDay: ICH_PER_DAY };
    case 'post-office':
      return { ...base, operator: 'india-post', staff: 2, delivers: true, perStaff: PARCELS_PER_POSTMAN, capacityPerDay: 2 * PARCELS_PER_POSTMAN };
    case 'branch-office':
      return { ...base, operator: 'india-post', staff: 1, delivers: true, perStaff: PARCELS_PER_BRANCH, capacityPerDay: PARCELS_PER_BRANCH };
    case 'seller':
      return { ...base, operator: 'seller', capacityPerDay: SELLER_PARCELS_PER_DAY };
  }
}
