/**
 * Times the national network build (not a test: timing depends on the machine). Prints the load
 * time of the embedded data, the build time (median of a few runs) and peak RSS.
 * Run: `npx tsx scripts/bench-network.ts [runs]`.
 */
import { loadIndiaData } from '../sim/data/index.ts';
import { buildNetwork, networkCounts } from '../sim/network/index.ts';

const runs = Number(process.argv[2] ?? 3);
let t0 = performance.now();
const data = await loadIndiaData();
const loadMs = performance.now() - t0;
const times: number[] = [];
let network = buildNetwork(data);
for (let r = 0; r < runs; r++) {
  t0 = performance.now();
  network = buildNetwork(data, {}, r + 1);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const counts = networkCounts(network);
console.log(`data load        ${loadMs.toFixed(0)} ms`);
console.log(`national build   ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms median of ${runs} (min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)})`);
console.log(`nodes ${network.nodes.length}, lanes ${network.lanes.length}`);
console.log(`peak RSS         ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(JSON.stringify({ nodes: counts.nodes, lanes: counts.lanes, postmen: counts.postmen, deliveryPostOffices: counts.deliveryPostOffices, pins: counts.pins, directPins: counts.directPins, stationRadiusKm: network.stationRadiusKm }, null, 1));
