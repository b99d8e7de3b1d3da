import type { Network } from '../network/index.ts';
import type { Demand } from './demand.ts';
import type { ModelConfig } from './model-config.ts';
import { type CarrierTable, FM_HUB, FM_SELLER, LM_AMAZON, LM_KIRANA, type OrderCase } from './carrier-table.ts';
import { kiranaPools, type NetworkTables } from './network-tables.ts';
import { OP_AMAZON, OP_INDIA_POST, OP_KIRANA } from './parcel-store.ts';

/**
 * Delivery attempts a day each node is expected to make as a parcel's last-mile node: each
 * district's orders (`Demand.perDayOf`), urban ones over its cells and rural ones over its PINs
 * (`Demand.points`), spread over the carrier rules as `ParcelModel.onOrder` draws them
 * (`CarrierTable.walk`, the same rules and the same share arithmetic), times the attempts a parcel
 * of that operator takes (`attemptsPerParcel`). A kirana store's share stays with the rules after
 * it (it depends on the stores' daily capacity, met as parcels come), and export parcels are not
 * counted. This is the load that station capacity follows (`sizeLastMile`) and that nodes.csv
 * reports as expected; a forward-stock hub's picks are what its pick/pack capacity follows
 * (`sizeForwardStock`).
 */
export function expectedLastMileLoad(network: Network, demand: Demand, config: ModelConfig, tables: NetworkTables, carriers: CarrierTable): ExpectedLoad {
  const c = network.catchments;
  const parcels = new Float64Array(network.nodes.length);
  const attempts = new Float64Array(network.nodes.length);
  const forwardPicks = new Float64Array(network.nodes.length);
  const perAttempt = [
    [attemptsPerParcel(config, OP_AMAZON, false), attemptsPerParcel(config, OP_AMAZON, true)],
    [attemptsPerParcel(config, OP_INDIA_POST, false), attemptsPerParcel(config, OP_INDIA_POST, true)],
  ];
  const add = (node: number, x: number, op: number, rural: boolean): void => {
    if (node < 0 || x === 0) return;
    parcels[node]! += x;
    attempts[node]! += x * perAttempt[op === OP_AMAZON ? 0 : 1]![rural ? 1 : 0]!;
  };
  // A seller's parcel: booked by a seller of a district drawn like an order's, when that district has sellers.
  let withSellers = 0;
  for (let i = 0; i < c.district.length; i++) if (tables.districtSellers[i]!.length > 0) withSellers += demand.districtPerDayOf(i);
  const sellers = [withSellers, demand.perDay || 1] as const;
  const never = [0, 1] as const;
  const exportHub = tables.exportHub;
  const pools = carriers.usesKirana ? kiranaPools(network) : undefined;
  const o: OrderCase = { district: 0, rural: false, point: -1, cod: false };
  const available = (r: number): readonly [number, number] | undefined => {
    if (carriers.lastMile[r] === LM_KIRANA) return never;
    if (carriers.lastMileNode(r, o) < 0) return never;
    return carriers.firstMile[r] === FM_SELLER ? sellers : undefined;
  };
  for (let u = 0; u < demand.units; u++) {
    const i = demand.unitDistrict[u]!;
    for (const rural of [false, true]) {
      const perDay = demand.perDayOf(u) * (rural ? demand.ruralShare[u]! : 1 - demand.ruralShare[u]!);
      if (perDay === 0) continue;
      const points = demand.points(u, rural);
      const n = points.length[u]!;
      const codShare = rural ? config.demand.codShareRural : config.demand.codShareUrban;
      for (let j = 0; j < Math.max(n, 1); j++) {
        const k = n > 0 ? points.members[points.start[u]! + j]! : -1;
        const x = perDay / Math.max(n, 1);
        o.district = i;
        o.rural = rural;
        o.point = k;
        const covered = pools !== undefined && k >= 0 && pools.length[k]! > 0;
        // COD matters only to rules that ask: then each case at its share.
        for (const [cod, weight] of carriers.testsCod ? ([[true, codShare], [false, 1 - codShare]] as const) : ([[false, 1]] as const)) {
          o.cod = cod;
          const xc = weight === 1 ? x : x * weight;
          carriers.walk(o, covered, available, (r, probability) => {
            if (carriers.firstMile[r] === FM_HUB) forwardPicks[c.districtHub[i]!]! += xc * probability;
            const lm = carriers.lastMile[r]!;
            const op = lm === LM_AMAZON ? OP_AMAZON : OP_INDIA_POST;
            const e = carriers.exportShare[r]!;
            add(carriers.lastMileNode(r, o), e > 0 && exportHub >= 0 ? xc * probability * (1 - e) : xc * probability, op, rural);
          });
        }
      }
    }
  }
  return { parcels, attempts, forwardPicks };
}

/** Per node, a day: the parcels and attempts it is expected to take as a last-mile node, and the orders it is expected to pick as a forward-stock hub. */
export interface ExpectedLoad {
  parcels: Float64Array;
  attempts: Float64Array;
  forwardPicks: Float64Array;
}

/**
 * Attempts a parcel takes on average with operator `op`: the first, then one more while the
 * addressee was not found, did not refuse and did not collect instead, up to `maxAttempts`
 * (refusal at the rate of a parcel attempted within 2 days; `LastMile.onAttempt` draws the same).
 */
export function attemptsPerParcel(config: ModelConfig, op: number, rural: boolean): number {
  const cu = config.customer;
  const cod = rural ? config.demand.codShareRural : config.demand.codShareUrban;
  const refuse = cod * cu.codRefusalByDelay[0]! + (1 - cod) * cu.prepaidRefusalByDelay[0]!;
  const tracked = config.policies.indiaPost.tracking;
  const available = (op === OP_AMAZON ? cu.availabilityAmazon : op === OP_KIRANA ? cu.availabilityKirana : tracked ? cu.availabilityIndiaPostTracked : cu.availabilityIndiaPost) * (rural ? cu.ruralFactor : 1);
  const again = (1 - available) * (op === OP_AMAZON ? 1 : 1 - cu.collectShare);
  let attempts = 1;
  let reach = 1 - refuse;
  for (let a = 2; a <= config.operations.maxAttempts; a++) {
    reach *= again;
    attempts += reach;
  }
  return attempts;
}

/**
 * Last-mile capacity follows the load routing sends (issue 19). A delivery station's riders (the
 * network's ~30 drops a rider a day, DOMAIN.md: last mile, B) cover its expected attempts a day
 * (`staffedFor`), whole riders, at least one: Amazon hires riders to the volume its catchment
 * sends, so a busy station has more and a quiet one fewer (the network's 50 a station is an
 * average). With `indiaPostToLoad`, an India Post delivery office or branch office covers at least
 * its expected attempts per working day (`workingShare` of the days: no beat on Sundays and
 * holidays), with more postmen where a partner's volume needs them, never fewer than its own.
 * Writes each node's capacity multiplier into `nodeCapacity`; `headroom` 0 keeps the network's.
 */
export function sizeLastMile(network: Network, attempts: Float64Array, scale: number, headroom: number, indiaPostToLoad: boolean, workingShare: number, nodeCapacity: Float64Array): void {
  if (headroom <= 0) return;
  for (const n of network.nodes) {
    if (!n.delivers || !(n.capacityPerDay > 0) || !(n.staff > 0)) continue;
    const need = staffedFor(attempts[n.id]!, headroom, scale);
    if (n.type === 'delivery-station') {
      const drops = n.capacityPerDay / (n.staff * scale);
      const riders = Math.max(1, Math.ceil(need / (drops * scale) - 1e-9));
      nodeCapacity[n.id] = (nodeCapacity[n.id]! * riders) / n.staff;
    } else if (indiaPostToLoad && n.operator === 'india-post') {
      nodeCapacity[n.id] = nodeCapacity[n.id]! * Math.max(1, need / workingShare / n.capacityPerDay);
    }
  }
}

/**
 * The daily capacity planned for `load` expected attempts a day at `scale`: `headroom` for the
 * weekly swing, plus square-root staffing (Halfin and Whitt, 1981: capacity R + β√R for an offered
 * load R, here β = 2) for the day-to-day Poisson swing, both worked out at full scale and scaled
 * back, so a node has the same capacity relative to its load at every scale. (Sized to the sampled
 * swing instead, a run at scale 0.01 gave a station twice its load and absorbed a festive peak that
 * slows full scale; what sampling costs instead is some backlog from its own noise at small scale.)
 */
export function staffedFor(load: number, headroom: number, scale: number): number {
  const r = (load * headroom) / scale;
  return (r + 2 * Math.sqrt(r)) * scale;
}
