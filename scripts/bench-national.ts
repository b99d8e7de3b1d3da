/**
 * Times one national replication (not a test: timing depends on the machine): builds the national
 * network, runs 14 order days (plus the default drain days) at `--scale` (default 1.0) and prints
 * one JSON line. Run: `npx tsx scripts/bench-national.ts --scale 0.1`.
 */
import { loadIndiaData } from '../sim/data/index.ts';
import { modelConfig, runModel } from '../sim/model/index.ts';
import { buildNetwork } from '../sim/network/index.ts';

const at = process.argv.indexOf('--scale');
const scale = at >= 0 ? Number(process.argv[at + 1]) : 1;
/** `--metrics`: add the headline metrics (for the README's table of scale against results). */
const withMetrics = process.argv.includes('--metrics');
const HEADLINE = [
  'leadTime.hours.mean', 'leadTime.hours.p90', 'delivered.within48h.share', 'firstAttempt.success.share', 'rto.share', 'cost.perDelivered.inr',
];
const data = await loadIndiaData();
const network = buildNetwork(data, { scale }, 1);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = runModel(modelConfig({ days: 14 }), network, 1, 0);
const wallSeconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({
  name: 'national',
  scale,
  parcels: result.parcels,
  events: result.events,
  wallSeconds: Math.round(wallSeconds * 100) / 100,
  eventsPerSecond: Math.round(result.events / wallSeconds),
  // Process CPU time of the run (user + system, GC threads included): steadier than wall time on a shared machine.
  cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  ...(withMetrics ? { metrics: Object.fromEntries(HEADLINE.map((k) => [k, Math.round(result.metrics[k]! * 1000) / 1000])) } : {}),
}));
