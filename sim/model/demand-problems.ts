import { SimCalendar } from '../engine/index.ts';
import type { Network } from '../network/index.ts';
import { carrierRules } from './carrier-rules.ts';
import { CarrierTable, FM_FC, FM_SELLER, LM_INDIA_POST, LM_KIRANA, type OrderCase } from './carrier-table.ts';
import { Demand } from './demand.ts';
import { type ModelConfig, withModelDefaults } from './model-config.ts';
import { kiranaPools, networkTables } from './network-tables.ts';

/**
 * Demand the network cannot carry, found before anything runs: every kind of order (district,
 * area, point, COD) walked through the carrier rules as the model draws them, and reported where
 * no rule's carrier can take some of its parcels (no station or post office to deliver them, a
 * seller rule with no sellers anywhere), or where India Post would take over an FC's parcels in a
 * network without the sort centre and national hub the hand-off needs. One message per district
 * and area, naming the points; empty when every order has a carrier.
 */
export function demandProblems(network: Network, given: ModelConfig): string[] {
  const config = withModelDefaults(given);
  const c = network.catchments;
  const scale = network.options.scale;
  const demand = new Demand(network, config, new SimCalendar(config.startDate, config.holidays), new Float64Array(config.days).fill(1), scale);
  const tables = networkTables(network);
  const carriers = new CarrierTable(carrierRules(config), network, tables);
  const pools = carriers.usesKirana ? kiranaPools(network) : undefined;
  const sellers = tables.districtSellers.some((s) => s.length > 0);
  const o: OrderCase = { district: 0, rural: false, point: -1, cod: false };
  const available = (r: number): readonly [number, number] | undefined =>
    carriers.lastMile[r] === LM_KIRANA || carriers.lastMileNode(r, o) < 0 || (carriers.firstMile[r] === FM_SELLER && !sellers) ? [0, 1] : undefined;
  const handoff = network.nodes.some((n) => n.type === 'sort-centre') && network.nodes.some((n) => n.type === 'national-sorting-hub');
  const amazonOrigin = network.nodes.some((n) => n.type === 'fulfilment-centre' && n.operator === 'amazon');
  const problems: string[] = [];
  let needsHandoff = 0;
  for (let u = 0; u < demand.units; u++) {
    const i = demand.unitDistrict[u]!;
    for (const rural of [false, true]) {
      if (demand.perDayOf(u) * (rural ? demand.ruralShare[u]! : 1 - demand.ruralShare[u]!) === 0) continue;
      const points = demand.points(u, rural);
      const n = points.length[u]!;
      const stuck: number[] = [];
      for (let j = 0; j < Math.max(n, 1); j++) {
        const k = n > 0 ? points.members[points.start[u]! + j]! : -1;
        Object.assign(o, { district: i, rural, point: k });
        const covered = pools !== undefined && k >= 0 && pools.length[k]! > 0;
        for (const cod of carriers.testsCod ? [true, false] : [false]) {
          o.cod = cod;
          const rest = carriers.walk(o, covered, available, (r) => {
            if (carriers.lastMile[r] === LM_INDIA_POST && carriers.firstMile[r] === FM_FC && amazonOrigin && !handoff) needsHandoff += 1;
          });
          if (rest > 1e-12 && !stuck.includes(k)) stuck.push(k);
        }
      }
      if (stuck.length === 0) continue;
      const where = stuck.slice(0, 3).map((k) => (k < 0 ? 'the district' : c.pointPin[k]! > 0 ? `PIN ${c.pointPin[k]}` : `(${c.pointLat[k]}, ${c.pointLon[k]})`));
      problems.push(
        `${rural ? 'rural' : 'urban'} orders of district ${c.districtCode[i]} (${stuck.length} of ${Math.max(n, 1)} points, e.g. ${where.join(', ')}) reach no carrier: no rule's carrier can take them (a station within reach for amazon, a post office for india-post); add nodes there, or a rule for them`,
      );
    }
  }
  if (needsHandoff > 0) problems.push("India Post would carry FCs' parcels, but the network lacks the sort centre and national sorting hub where Amazon hands them over");
  return problems;
}
