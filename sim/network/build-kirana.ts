import type { Uniform } from '../engine/random/index.ts';
import { apportion } from './apportion.ts';
import { offsetPoint, round3 } from './geo.ts';
import { makeNode } from './make-node.ts';
import type { NetworkNode } from './network.ts';
import type { ResolvedNetworkOptions } from './network-options.ts';
import type { PlaceContext } from './place-context.ts';
import { townRadiusKm } from './town-sites.ts';

/**
 * Kirana ('I Have Space') stores: `kiranaCount` over the `kiranaTowns` largest towns in proportion to
 * population (DOMAIN.md: ~20,000 stores, 2019; ~350–420 towns), each at a uniform point of its
 * town's built-up disc, with a radius, a daily capacity and a payout drawn from the DOMAIN.md ranges.
 * `u` is the seeded stream 'network/kirana'; the counts do not depend on it, only the placement.
 */
export function buildKiranas(ctx: PlaceContext, o: ResolvedNetworkOptions, u: Uniform): NetworkNode[] {
  const { towns } = ctx.data;
  const chosen = ctx.towns.slice(0, o.kiranaTowns);
  const counts = apportion(o.kiranaCount, chosen.map((t) => towns.population[t]!));
  const out: NetworkNode[] = [];
  chosen.forEach((t, i) => {
    const r = townRadiusKm(towns.population[t]!);
    for (let k = 0; k < counts[i]!; k++) {
      // Uniform in the disc by rejection from the square: no trigonometry, same draws everywhere.
      let x = 0;
      let y = 0;
      do {
        x = 2 * u() - 1;
        y = 2 * u() - 1;
      } while (x * x + y * y > 1);
      const [lon, lat] = offsetPoint(towns.lon[t]!, towns.lat[t]!, x * r, y * r);
      const d = towns.district[t]!;
      const [r0, r1] = o.kiranaRadiusKm;
      const [c0, c1] = o.kiranaParcelsPerDay;
      const [p0, p1] = o.kiranaPayoutInr;
      out.push(makeNode({
        type: 'kirana', operator: 'kirana', name: `${towns.name[t]} kirana ${k + 1}`, lon, lat, district: d,
        state: ctx.stateOf[d]!, circle: ctx.circleOf[d]!, delivers: true, staff: 1,
        radiusKm: round3(r0 + (r1 - r0) * u()),
        capacityPerDay: (c0 + Math.floor((c1 - c0 + 1) * u())) * o.scale,
        payoutInr: Math.round((p0 + (p1 - p0) * u()) * 2) / 2,
      }));
    }
  });
  return out;
}
