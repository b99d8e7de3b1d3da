import type { Uniform } from '../engine/random/index.ts';
import { apportion } from './apportion.ts';
import { makeNode } from './make-node.ts';
import type { NetworkNode } from './network.ts';
import type { ResolvedNetworkOptions } from './network-options.ts';
import type { PlaceContext } from './place-context.ts';

/** Parcels a day a seller hands over at first-mile pickup (assumed). */
export const SELLER_PARCELS_PER_DAY = 20;

/**
 * Sellers (SMEs, artisans; DOMAIN.md: Jack Ma's B2B case) for first-mile pickup: `sellersPerMillion`
 * per million people, apportioned to districts by population, each at one of its district's PIN
 * points drawn from the seeded stream 'network/sellers' (the district's point if it has no PIN).
 */
export function buildSellers(ctx: PlaceContext, o: ResolvedNetworkOptions, u: Uniform): NetworkNode[] {
  const { districts, pincodes } = ctx.data;
  const pop = districts.map((d) => d.pop?.[0] ?? 0);
  const total = Math.round((pop.reduce((a, b) => a + b, 0) / 1e6) * o.sellersPerMillion);
  const perDistrict = apportion(total, pop);
  const pinsOf = districts.map((): number[] => []);
  pincodes.district.forEach((d, k) => pinsOf[d]!.push(k));
  const out: NetworkNode[] = [];
  perDistrict.forEach((n, d) => {
    const pins = pinsOf[d]!;
    for (let k = 0; k < n; k++) {
      const p = pins.length > 0 ? pins[Math.floor(u() * pins.length)]! : -1;
      const [lon, lat] = p >= 0 ? [pincodes.lon[p]!, pincodes.lat[p]!] : districts[d]!.point;
      out.push(makeNode({
        type: 'seller', operator: 'seller', name: `${districts[d]!.name} seller ${k + 1}`, lon, lat, district: d,
        state: ctx.stateOf[d]!, circle: ctx.circleOf[d]!, capacityPerDay: SELLER_PARCELS_PER_DAY * o.scale,
      }));
    }
  });
  return out;
}
