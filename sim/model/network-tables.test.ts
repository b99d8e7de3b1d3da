import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { buildNetwork } from '../network/index.ts';
import { flatKm } from '../network/geo.ts';
import { kiranaPools, networkTables } from './network-tables.ts';

const data = await loadIndiaData();
const kerala = buildNetwork(data, { states: ['Kerala'], scale: 0.01 }, 1);

describe('the per-network tables of the model', () => {
  it('are made once per network and shared by its replications', () => {
    expect(networkTables(kerala)).toBe(networkTables(kerala));
    expect(kiranaPools(kerala)).toBe(kiranaPools(kerala));
    const other = buildNetwork(data, { states: ['Kerala'], scale: 0.01 }, 1);
    expect(networkTables(other)).not.toBe(networkTables(kerala));
    expect(networkTables(other)).toStrictEqual(networkTables(kerala));
  });

  it("give each district the FC nearest its station or post office, and the district's own sellers", () => {
    const t = networkTables(kerala);
    const c = kerala.catchments;
    c.district.forEach((d, i) => {
      const anchor = kerala.nodes[t.anchors[i]!]!;
      const byDistance = t.fcs.map((f) => ({ f, km: flatKm(anchor.lon, anchor.lat, kerala.nodes[f]!.lon, kerala.nodes[f]!.lat) })).sort((a, b) => a.km - b.km || a.f - b.f);
      expect(t.districtFc[i]).toBe(byDistance[0]!.f);
      expect(t.districtSellers[i]).toEqual(kerala.nodes.filter((n) => n.type === 'seller' && n.district === d).map((n) => n.id));
    });
  });

  it("list each district's PIN points and urban cells in ascending order (a count by point)", () => {
    const t = networkTables(kerala);
    const c = kerala.catchments;
    const list = (l: { start: Int32Array; length: Int32Array; members: Int32Array }, i: number): number[] =>
      Array.from(l.members.subarray(l.start[i]!, l.start[i]! + l.length[i]!));
    c.district.forEach((d, i) => {
      const points = c.pointPin.map((_, k) => k).filter((k) => c.pointDistrict[k] === d);
      expect(list(t.districtPins, i)).toEqual(points.filter((k) => c.pointUrban[k] === 0 && c.pointPin[k]! > 0));
      expect(list(t.districtCells, i)).toEqual(points.filter((k) => c.pointUrban[k] === 1 && c.pointIndex[k] === -1));
    });
    expect(t.districtPins.members.length + t.districtCells.members.length).toBe(c.pointDistrict.filter((d) => c.district.includes(d)).length);
    // Kerala's 15.9 M urban residents (Census 2011) in cells of ~20,000: ~800 cells, one at least per district.
    expect(t.districtCells.members.length).toBeGreaterThan(700);
    for (let i = 0; i < c.district.length; i++) expect(t.districtCells.length[i], `district ${c.district[i]}`).toBeGreaterThan(0);
  });

  it('give each district its state: Goa has 2 districts and Kerala 14 (Census 2011)', () => {
    const t = networkTables(buildNetwork(data, { states: ['Goa', 'Kerala'], scale: 0.01 }, 1));
    const count = (state: string): number => Array.from(t.stateOfDistrict).filter((s) => t.states[s] === state).length;
    expect([...t.states].sort()).toEqual(['Goa', 'Kerala']);
    expect(count('Goa')).toBe(2);
    expect(count('Kerala')).toBe(14);
  });

  it("pool for each covered PIN the stores within its nearest store's radius, nearest first (brute force)", () => {
    const p = kiranaPools(kerala);
    const c = kerala.catchments;
    const kiranas = kerala.nodes.filter((n) => n.type === 'kirana');
    let covered = 0;
    for (let k = 0; k < c.pointPin.length; k++) {
      const anchor = c.pointKirana[k]!;
      const pool = Array.from(p.members.subarray(p.start[k]!, p.start[k]! + p.length[k]!));
      if (anchor < 0) {
        expect(pool).toEqual([]);
        continue;
      }
      covered++;
      const a = kerala.nodes[anchor]!;
      const d2 = (id: number): number => (kerala.nodes[id]!.lon - a.lon) ** 2 + (kerala.nodes[id]!.lat - a.lat) ** 2;
      expect(pool[0]).toBe(anchor);
      expect([...pool].sort((x, y) => x - y)).toEqual(kiranas.filter((n) => flatKm(a.lon, a.lat, n.lon, n.lat) <= a.radiusKm).map((n) => n.id));
      for (let j = 1; j < pool.length; j++) expect(d2(pool[j]!)).toBeGreaterThanOrEqual(d2(pool[j - 1]!));
    }
    expect(covered).toBeGreaterThan(50); // 96 of Kerala's PINs have a store at scale 0.01: enough to mean something
  });
});
