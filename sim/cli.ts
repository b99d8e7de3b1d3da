#!/usr/bin/env node
/**
 * The `sim` command. Thin: parsing and printing only; the work lives in sim/.
 * Exit codes: 0 ok, 1 failure, 2 usage error.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runDeliveryStationWeek } from './examples/index.ts';

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
    '(the national India model is not wired into the CLI yet; this shows the kernel at work)',
    '',
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    '',
    `${result.events.toLocaleString('en-IN')} events in ${seconds.toFixed(2)} s`,
  ].join('\n');
}

await yargs(hideBin(process.argv))
  .scriptName('sim')
  .command(
    ['demo', '$0'],
    'run the engine example (a sort centre and a delivery station for a week)',
    (y) =>
      y
        .option('seed', { type: 'number', default: 1, describe: 'random seed' })
        .option('days', { type: 'number', default: 7, describe: 'simulated days' })
        .option('parcels', { type: 'number', default: 1200, describe: 'orders a day' })
        .option('riders', { type: 'number', default: 55, describe: 'riders at the delivery station' })
        .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' })
        .example('$0 demo --days 14 --riders 40', 'two weeks with fewer riders: watch the backlog grow'),
    (argv) => {
      const t0 = performance.now();
      const result = runDeliveryStationWeek({ seed: argv.seed, days: argv.days, parcelsPerDay: argv.parcels, riders: argv.riders });
      const seconds = (performance.now() - t0) / 1000;
      console.log(argv.json ? JSON.stringify(result, null, 2) : formatDemo(result, seconds));
    },
  )
  .strict()
  .help()
  .fail((message, error, y) => {
    if (error) throw error;
    console.error(`${message}\n\n${y.help()}`);
    process.exit(2);
  })
  .parseAsync();
