// A sound network shows on the map (DESIGN.md, what a run explains; issue 19): under every built-in
// what-if without a disruption, no district is left with its parcels stuck, the big metros with
// fulfilment centres on their doorstep are at least as fast as the nation, and (for the baseline)
// a district's lead time rises with its distance from the nearest fulfilment centre.
import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork, type Network, type NetworkOptions } from '../network/index.ts';
import { loadScenario, simulationInput } from '../scenario/index.ts';
import { type ModelConfig, runModel } from './index.ts';

const data = await loadIndiaData();
const SCALE = 0.01;
/** Census codes of the big metro districts: Mumbai, Mumbai Suburban, Thane, Pune, Bangalore, Kolkata, Chennai, Hyderabad, Delhi's nine. */
const METROS = [519, 518, 517, 521, 572, 342, 603, 536, 90, 91, 92, 93, 94, 95, 96, 97, 98];
const networks = new Map<string, Network>();
const runs = new Map<string, ReturnType<typeof runOnce>>();

/** A built-in's first replication at SCALE, run once per file (the Spearman test reuses the baseline's). */
function run(name: string): ReturnType<typeof runOnce> {
  if (!runs.has(name)) runs.set(name, runOnce(name));
  return runs.get(name)!;
}

async function runOnce(name: string) {
  const { scenario } = await loadScenario(name);
  const input = simulationInput(scenario);
  const options: NetworkOptions = { ...input.network, scale: SCALE };
  const key = JSON.stringify(options);
  if (!networks.has(key)) networks.set(key, buildNetwork(data, options, 1));
  const network = networks.get(key)!;
  const result = runModel({ ...(input.model as ModelConfig), scale: undefined }, network, 1, 0);
  const b = result.byDistrict;
  const rows = b.district.map((d, i) => ({
    code: data.districts[d]!.code!,
    name: data.districts[d]!.name,
    point: data.districts[d]!.point,
    created: b.created[i]!,
    finished: (b.delivered[i]! + b.returned[i]!) / b.created[i]!,
    delivered: b.delivered[i]!,
    lead: b.leadTimeHoursMean[i]!,
    within48: b.within48hShare[i]!,
  }));
  return { rows, metrics: result.metrics, network };
}

/** Spearman's rank correlation (no ties in practice: means and distances are continuous). */
function spearman(x: readonly number[], y: readonly number[]): number {
  const rank = (v: readonly number[]): number[] => {
    const order = v.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
    const r = new Array<number>(v.length);
    order.forEach(({ i }, k) => (r[i] = k));
    return r;
  };
  const a = rank(x);
  const b = rank(y);
  const m = (x.length - 1) / 2;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < x.length; i++) {
    ab += (a[i]! - m) * (b[i]! - m);
    aa += (a[i]! - m) ** 2;
    bb += (b[i]! - m) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('districts under the built-in what-ifs without a disruption (national, scale 0.01)', () => {
  it.each(['baseline', 'kirana-i-have-space', 'india-post-24h', 'india-post-rural', 'shared-warehouses', 'b2b-sme'])(
    '%s: no district of 200 parcels or more left below 90 % delivered or returned, and every metro as fast as the nation',
    async (name) => {
      const { rows, metrics } = await run(name);
      const stuck = rows.filter((r) => r.created >= 200 && r.finished < 0.9).map((r) => `${r.name} ${(100 * r.finished).toFixed(0)} %`);
      expect(stuck).toEqual([]);
      const metros = rows.filter((r) => METROS.includes(r.code));
      expect(metros).toHaveLength(METROS.length);
      for (const r of metros) {
        expect(r.lead, `${r.name} mean lead time`).toBeLessThanOrEqual(metrics['leadTime.hours.mean']!);
        expect(r.within48, `${r.name} within 48 h`).toBeGreaterThanOrEqual(metrics['delivered.within48h.share']!);
      }
    },
  );

  it('baseline: a district’s lead time rises with its distance from the nearest fulfilment centre (Spearman ρ > 0.5)', async () => {
    const { rows, network } = await run('baseline');
    const fcs = network.nodes.filter((n) => n.type === 'fulfilment-centre');
    const km = ([lon, lat]: [number, number]): number =>
      Math.min(...fcs.map((f) => Math.hypot((lon - f.lon) * 111.32 * Math.cos((lat * Math.PI) / 180), (lat - f.lat) * 110.57)));
    const kept = rows.filter((r) => r.delivered >= 50);
    expect(kept.length).toBeGreaterThan(400);
    expect(spearman(kept.map((r) => r.lead), kept.map((r) => km(r.point)))).toBeGreaterThan(0.5);
  });
});
