import type { Network } from '../network/index.ts';
import type { Demand } from './demand.ts';
import type { ModelConfig } from './model-config.ts';
import type { NetworkTables } from './network-tables.ts';
import { OP_AMAZON, OP_INDIA_POST, OP_KIRANA } from './parcel-store.ts';

/**
 * Delivery attempts a day each node is expected to make as a parcel's last-mile node under the
 * scenario's policy: each district's orders (`Demand.perDayOf`), urban ones over its cells and
 * rural ones over its PINs (`Demand.points`), routed as `ParcelModel.onOrder` routes them, times
 * the attempts a parcel of that operator takes (`attemptsPerParcel`). A kirana store's share
 * stays with the station or office (it depends on the stores' daily capacity, met as parcels
 * come), and so do B2B's export parcels. This is the load that station capacity follows
 * (`sizeStations`) and that nodes.csv reports as expected.
 */
export function expectedLastMileLoad(network: Network, demand: Demand, config: ModelConfig, tables: NetworkTables): { parcels: Float64Array; attempts: Float64Array } {
  const c = network.catchments;
  const parcels = new Float64Array(network.nodes.length);
  const attempts = new Float64Array(network.nodes.length);
  const perAttempt = [
    [attemptsPerParcel(config, OP_AMAZON, false), attemptsPerParcel(config, OP_AMAZON, true)],
    [attemptsPerParcel(config, OP_INDIA_POST, false), attemptsPerParcel(config, OP_INDIA_POST, true)],
  ];
  const add = (node: number, x: number, op: number, rural: boolean): void => {
    if (node < 0 || x === 0) return;
    parcels[node]! += x;
    attempts[node]! += x * perAttempt[op === OP_AMAZON ? 0 : 1]![rural ? 1 : 0]!;
  };
  const p = config.policies;
  // B2B: a share of orders is booked by a seller of a district drawn like an order's, when it has sellers.
  let withSellers = 0;
  for (let i = 0; i < c.district.length; i++) if (tables.districtSellers[i]!.length > 0) withSellers += demand.perDayOf(i);
  const b2b = config.policy === 'b2b' ? (p.b2b.share * withSellers) / (demand.perDay || 1) : 0;
  for (let i = 0; i < c.district.length; i++) {
    for (const rural of [false, true]) {
      const perDay = demand.perDayOf(i) * (rural ? demand.ruralShare[i]! : 1 - demand.ruralShare[i]!);
      if (perDay === 0) continue;
      const points = demand.points(i, rural);
      const n = points.length[i]!;
      for (let j = 0; j < Math.max(n, 1); j++) {
        const k = n > 0 ? points.members[points.start[i]! + j]! : -1;
        const x = perDay / Math.max(n, 1);
        const station = k >= 0 ? c.pointStation[k]! : c.districtStation[i]!;
        const direct = k >= 0 ? c.pointDirect[k] === 1 : station >= 0;
        const po = k >= 0 ? c.pointPostOffice[k]! : c.districtPostOffice[i]!;
        const postal = rural && tables.districtBranch[i]! >= 0 ? tables.districtBranch[i]! : po;
        const own = direct && station >= 0;
        const base = (share: number): void => (own ? add(station, x * share, OP_AMAZON, rural) : add(postal, x * share, OP_INDIA_POST, rural));
        switch (config.policy) {
          case 'india-post-rural':
            if (rural) add(postal, x, OP_INDIA_POST, rural);
            else base(1);
            break;
          case 'shared-warehouses': {
            const forward = c.districtHub[i]! >= 0 ? p.sharedWarehouses.forwardStockShare : 0;
            add(postal, x * forward, OP_INDIA_POST, rural);
            if (rural) add(postal, x * (1 - forward), OP_INDIA_POST, rural);
            else base(1 - forward);
            break;
          }
          case 'b2b':
            add(postal, x * b2b * (1 - p.b2b.exportShare), OP_INDIA_POST, rural);
            base(1 - b2b);
            break;
          default:
            base(1);
        }
      }
    }
  }
  return { parcels, attempts };
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
