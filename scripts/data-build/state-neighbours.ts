/**
 * Which states border which (today's names, Telangana apart), from the committed district
 * polygons: two states are neighbours when their districts' boundary points come within ~2 km of
 * each other in at least two places (the polygons were simplified independently, so shared borders
 * no longer share vertices). Writes sim/data/state-neighbours.json, which the model reads for India
 * Post's Speed Post norms (same state, neighbouring state, rest of India). Reads only the project's
 * own data: `npx tsx scripts/data-build/state-neighbours.ts` (the data build runs it last too).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { currentState } from '../../sim/network/postal-circles.ts';

const CELL_DEG = 0.02;

export function stateNeighbours(): Record<string, string[]> {
  const dir = new URL('../../sim/data/', import.meta.url);
  const shapes = JSON.parse(readFileSync(new URL('district-shapes.json', dir), 'utf8')) as { features: { properties: { district: number }; geometry: { coordinates: number[][][][] } }[] };
  const { districts } = JSON.parse(readFileSync(new URL('districts.json', dir), 'utf8')) as { districts: { state: string; code: number | null }[] };
  const cells = new Map<string, Set<string>>();
  for (const f of shapes.features) {
    const d = districts[f.properties.district]!;
    const state = currentState(d.state, d.code);
    for (const polygon of f.geometry.coordinates) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          const key = `${Math.floor(lon! / CELL_DEG)},${Math.floor(lat! / CELL_DEG)}`;
          let set = cells.get(key);
          if (set === undefined) cells.set(key, (set = new Set()));
          set.add(state);
        }
      }
    }
  }
  // Count, per pair of states, the cells where one's boundary point lies next to the other's.
  const touches = new Map<string, number>();
  for (const [key, states] of cells) {
    const [x, y] = key.split(',').map(Number) as [number, number];
    const near = new Set<string>();
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (const s of cells.get(`${x + dx},${y + dy}`) ?? []) near.add(s);
    for (const a of states) {
      for (const b of near) {
        if (a < b) touches.set(`${a}|${b}`, (touches.get(`${a}|${b}`) ?? 0) + 1);
      }
    }
  }
  const out: Record<string, string[]> = {};
  for (const [pair, n] of touches) {
    if (n < 2) continue;
    const [a, b] = pair.split('|') as [string, string];
    (out[a] ??= []).push(b);
    (out[b] ??= []).push(a);
  }
  return Object.fromEntries(Object.keys(out).sort().map((s) => [s, out[s]!.sort()]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL('../../sim/data/state-neighbours.json', import.meta.url));
  writeFileSync(`${path}.tmp`, `${JSON.stringify(stateNeighbours())}\n`); // as the data build writes it
  renameSync(`${path}.tmp`, path);
  console.log(`wrote ${path}`);
}
