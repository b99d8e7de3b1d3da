import { runDeliveryStationWeek } from '../examples/index.ts';

function formatDemo(result: ReturnType<typeof runDeliveryStationWeek>, seconds: number): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const h = (x: number) => `${x.toFixed(1)} h`;
  const rows: [string, string][] = [
    ['parcels ordered', String(result.ordered)],
    ['delivered', String(result.delivered)],
    ['returned to origin (RTO)', String(result.returned)],
    ['still in flight at the end', String(result.inFlight)],
    ['lead time, mean', h(result.leadTimeHours.mean)],
    ['lead time, P50 / P90 / P95', `${h(result.leadTimeHours.p50)} / ${h(result.leadTimeHours.p90)} / ${h(result.leadTimeHours.p95)}`],
    ['delivered within 24 h', pct(result.within24h)],
    ['delivered within 48 h', pct(result.within48h)],
    ['first-attempt success', pct(result.firstAttemptSuccess)],
    ['sorter utilisation', pct(result.sorterUtilisation)],
    ['linehaul departures', String(result.truckDepartures)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    `Engine example: one sort centre and one delivery station for ${result.days} days`,
    '(the kernel alone; `sim run baseline` runs the India model)',
    '',
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    '',
    `${result.events.toLocaleString('en-US')} events in ${seconds.toFixed(2)} s`,
  ].join('\n');
}

/** `sim demo`: the engine example (one sort centre, one delivery station) that `npm start` ran before the India model. */
export function demoCommand(argv: { seed: number; days: number; parcels: number; riders: number; json: boolean }): void {
  const t0 = performance.now();
  const result = runDeliveryStationWeek({ seed: argv.seed, days: argv.days, parcelsPerDay: argv.parcels, riders: argv.riders });
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${argv.json ? JSON.stringify(result, null, 2) : formatDemo(result, seconds)}\n`);
}
