#!/usr/bin/env node
/**
 * The `sim` command. Thin: parsing and printing only; the commands live in sim/cli/, the work in
 * sim/scenario, sim/run and sim/report. Results go to stdout, progress and problems to stderr.
 *
 * Exit codes (sim/cli/exit-codes.ts): 0 ok, 1 failure, 2 usage error or invalid scenario (nothing
 * ran, nothing was written), 3 a regression found by `sim compare`, 130 interrupted (Ctrl-C).
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE, InterruptedError, UsageError } from './cli/exit-codes.ts';

// A reader that stops early (`sim run tiny --all | head -1`) closes the pipe. What it wanted has
// been written, and the command goes on to its own end and exit code (its result folder is
// written before anything is printed): further writes to the closed stream are dropped, with no
// EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

const EPILOGUE = 'Exit codes: 0 ok, 1 failure, 2 usage error or invalid scenario, 3 regression (compare), 130 interrupted.';

/** Options of every command that loads a scenario: shorthands for `--set`. */
function scenarioOptions<T>(y: Argv<T>) {
  return y
    .option('set', { type: 'string', array: true, describe: 'override a field: path=value (value read as YAML/JSON; null resets to the default); repeatable' })
    .option('seed', { type: 'string', describe: 'random seed (integer or string)' })
    .option('replications', { type: 'number', describe: 'replications' })
    .option('days', { type: 'number', describe: 'days with orders' })
    .option('scale', { type: 'number', describe: 'sampling: one parcel in 1/scale, in (0, 1]' })
    .option('warmup-days', { type: 'number', describe: 'warm-up: the first D order days\' parcels flow but are not measured (0 ≤ D < days)' });
}

/** Options of run and sweep that spread the jobs past this machine (docs/scale-out.md). */
function scaleOutOptions<T>(y: Argv<T>) {
  return y
    .option('shard', { type: 'string', describe: 'run only shard i of N (0-based, e.g. 1/4) into a shard folder for sim merge; default: from SHARD_INDEX/SHARD_COUNT, JOB_COMPLETION_INDEX with SHARD_COUNT, or a Slurm array; none: run whole' })
    .option('queue', { type: 'string', describe: 'run the jobs on sim workers through Redis (BullMQ): redis://HOST:PORT' })
    .option('queue-prefix', { type: 'string', describe: 'namespace of the queue in Redis (default india-parcel-sim)' });
}


try {
  await yargs(hideBin(process.argv))
    .scriptName('sim')
    .usage('$0 <command> [options]\n\nA seeded discrete-event simulator of India\'s parcel networks (India Post, kirana stores, Amazon).')
    .command(
      ['run [scenario]', '$0'],
      'run a scenario (a built-in name or a .yaml/.json file; default baseline): summary on stdout, result folder in results/',
      (y) =>
        scaleOutOptions(scenarioOptions(y))
          .positional('scenario', { type: 'string', default: 'baseline', describe: 'built-in name (sim list) or path to a scenario file' })
          .option('workers', { type: 'number', describe: 'worker threads (default: the cores available); never changes results' })
          .option('out', { type: 'string', describe: 'result folder (default results/<scenario>-<seed>-<hash>)' })
          .option('json', { type: 'boolean', default: false, describe: 'print summary.json on stdout instead of the table' })
          .option('all', { type: 'boolean', default: false, describe: 'print every metric, not only the headline ones' })
          .option('precision', { type: 'number', describe: "run replications until --metric's 95 % CI half-width is this share of its mean (0.01 = ±1 %); the run equals a fixed run of as many replications" })
          .option('metric', { type: 'string', describe: 'the metric --precision aims at (default leadTime.hours.mean)' })
          .option('max-replications', { type: 'number', describe: 'the most replications --precision may run (default 100); the summary says when this cap stopped it' })
          .example('$0 run baseline', "Amazon's network at the default small scale (what npm start runs)")
          .example('$0 run india-post-24h --replications 8 --scale 0.02', 'more replications, coarser sampling (one parcel in 50): quicker, less exact')
          .example('$0 run tiny --set model.policy=kirana --out /tmp/tiny-kirana', 'one district, kirana last mile, into a chosen folder')
          .example('$0 run ./my-scenario.yaml --json > summary.json', 'your own file (extends: baseline), machine-readable')
          .example('$0 run tiny --precision 0.01 --max-replications 40', 'replications until the mean lead time is known to ±1 %')
          .example('$0 run baseline --warmup-days 3', 'measure only parcels ordered after the first 3 days (the network filled)')
          .epilogue(EPILOGUE),
      async (argv) => {
        const { runCommand } = await import('./cli/run-command.ts');
        await runCommand({ ...argv, scenario: argv.scenario ?? 'baseline', queuePrefix: argv['queue-prefix'] });
      },
    )
    .command(
      'sweep <scenario>',
      'run a grid of parameter values with common random numbers: one row per point',
      (y) =>
        scaleOutOptions(scenarioOptions(y))
          .positional('scenario', { type: 'string', demandOption: true, describe: 'built-in name or path' })
          .option('param', { type: 'string', array: true, describe: 'path=v1,v2,… (repeatable: the grid is every combination); replaces the file\'s sweep' })
          .option('workers', { type: 'number', describe: 'worker threads (default: the cores available)' })
          .option('out', { type: 'string', describe: 'result folder (default results/<scenario>-sweep-<seed>-<hash>)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the points as JSON' })
          .example('$0 sweep kirana-i-have-space', 'the file\'s own sweep: 20,000, 28,000 and 50,000 stores')
          .example('$0 sweep tiny --param model.policy=amazon,kirana,india-post-rural', 'three policies on one district')
          .example('$0 sweep baseline --param model.customer.availabilityAmazon=0.8,0.9 --param model.operations.maxAttempts=2,3', 'a 2 × 2 grid')
          .epilogue(EPILOGUE),
      async (argv) => {
        const { sweepCommand } = await import('./cli/sweep-command.ts');
        await sweepCommand({ ...argv, scenario: argv.scenario as string, queuePrefix: argv['queue-prefix'] });
      },
    )
    .command(
      'merge <dirs..>',
      'put the shards of a run or sweep (sim run|sweep --shard) back together: the unsplit run\'s result folder, byte for byte',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'every shard folder of one run' })
          .option('out', { type: 'string', describe: 'result folder (default: the unsplit run\'s, results/<scenario>-<seed>-<hash>)' })
          .option('json', { type: 'boolean', default: false, describe: 'print summary.json (or the sweep\'s points) instead of the table' })
          .option('all', { type: 'boolean', default: false, describe: 'print every metric, not only the headline ones' })
          .example('$0 run tiny --replications 8 --shard 0/2 && $0 run tiny --replications 8 --shard 1/2', 'two halves (on two machines, or as a Slurm array)')
          .example('$0 merge results/tiny-1-*-shard-* --out results/tiny-8', 'the whole run, as one machine would have written it')
          .epilogue(`${EPILOGUE} merge: 2 when the folders are not every shard of one run (different scenarios, seeds or code versions; replications missing or given twice).`),
      async (argv) => {
        const { mergeCommand } = await import('./cli/merge-command.ts');
        await mergeCommand({ dirs: argv.dirs as string[], out: argv.out, json: argv.json, all: argv.all });
      },
    )
    .command(
      'worker',
      'take replications from a Redis job queue (BullMQ) until stopped: what sim run|sweep --queue runs on; one log line a job',
      (y) =>
        y
          .option('queue', { type: 'string', demandOption: true, describe: 'redis://HOST:PORT of the queue' })
          .option('workers', { type: 'number', describe: 'worker threads, and so jobs at once (default: the cores available)' })
          .option('queue-prefix', { type: 'string', describe: 'namespace of the queue in Redis (default india-parcel-sim)' })
          .option('lock-seconds', { type: 'number', default: 60, describe: 'lock on a running job, renewed every half; a killed worker\'s job moves on after about 1.5 times this' })
          .example('$0 worker --queue redis://10.0.0.5:6379', 'serve the queue with every core of this machine')
          .epilogue(`${EPILOGUE} worker: 0 after SIGINT/SIGTERM (running jobs finished; a second signal hands them back), 1 when Redis cannot be reached or goes away.`),
      async (argv) => {
        const { workerCommand } = await import('./cli/worker-command.ts');
        await workerCommand({ queue: argv.queue, workers: argv.workers, queuePrefix: argv['queue-prefix'], lockSeconds: argv['lock-seconds'] });
      },
    )
    .command(
      'validate <files..>',
      'check scenario files: every problem as file:line:col  path  message',
      (y) =>
        scenarioOptions(y)
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'scenario files or built-in names' })
          .option('json', { type: 'boolean', default: false, describe: 'print the problems as JSON' })
          .example('$0 validate scenarios/*.yaml', 'every built-in')
          .example('$0 validate my.yaml --set model.policy=kirana', 'a file with an override')
          .epilogue(EPILOGUE),
      async (argv) => {
        const { validateCommand } = await import('./cli/validate-command.ts');
        await validateCommand({ ...argv, files: argv.files as string[] });
      },
    )
    .command(
      'list',
      'the built-in scenarios and the question each answers',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'as JSON' }).example('$0 list', '').epilogue(EPILOGUE),
      async (argv) => {
        const { listCommand } = await import('./cli/list-command.ts');
        listCommand(argv);
      },
    )
    .command(
      'network <scenario>',
      "build a scenario's network and print what it holds",
      (y) =>
        scenarioOptions(y)
          .positional('scenario', { type: 'string', demandOption: true, describe: 'built-in name or path' })
          .option('json', { type: 'boolean', default: false, describe: 'networkCounts as JSON: districts, nodes by type, lanes by mode, by state' })
          .option('nodes', { type: 'boolean', default: false, describe: 'list every node: type, name, state (tab-separated)' })
          .option('export', { type: 'string', describe: 'write the network as DIR/nodes.csv, DIR/lanes.csv and DIR/nodes.geojson (capacities at full scale), for a scenario to import (network.import)' })
          .example('$0 network baseline --json', 'the national network')
          .example('$0 network fc-odisha --export /tmp/odisha-net', 'the network with an edit, as files to edit and import')
          .example('$0 network monsoon-kerala --nodes | grep hub', "Kerala's hubs, by the names disruptions use")
          .epilogue(EPILOGUE),
      async (argv) => {
        const { networkCommand } = await import('./cli/network-command.ts');
        await networkCommand({ ...argv, scenario: argv.scenario as string });
      },
    )
    .command(
      'schema',
      'print the scenario JSON Schema (draft-07), or the field reference with --markdown',
      (y) =>
        y
          .option('markdown', { type: 'boolean', default: false, describe: 'print scenarios/SCHEMA.md instead' })
          .example('$0 schema > scenarios/scenario.schema.json', 'refresh the committed schema')
          .example('$0 schema --markdown > scenarios/SCHEMA.md', 'refresh the field reference')
          .epilogue(EPILOGUE),
      async (argv) => {
        const { schemaCommand } = await import('./cli/schema-command.ts');
        schemaCommand(argv);
      },
    )
    .command(
      'demo',
      'run the engine example (a sort centre and a delivery station for a week)',
      (y) =>
        y
          .option('seed', { type: 'number', default: 1, describe: 'random seed' })
          .option('days', { type: 'number', default: 7, describe: 'simulated days' })
          .option('parcels', { type: 'number', default: 1200, describe: 'orders a day' })
          .option('riders', { type: 'number', default: 55, describe: 'riders at the delivery station' })
          .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' })
          .example('$0 demo --days 14 --riders 40', 'two weeks with fewer riders: watch the backlog grow')
          .epilogue(EPILOGUE),
      async (argv) => {
        const { demoCommand } = await import('./cli/demo-command.ts');
        demoCommand(argv);
      },
    )
    .command(
      'compare <a> [b]',
      'compare two result folders metric by metric: paired t (same seed) or Welch, Holm/BH corrected, a verdict per metric',
      (y) =>
        y
          .positional('a', { type: 'string', demandOption: true, describe: 'the reference result folder (or, with --update-baseline, the result to adopt)' })
          .positional('b', { type: 'string', describe: 'the result folder compared with A' })
          .option('json', { type: 'boolean', default: false, describe: 'print the report as JSON' })
          .option('alpha', { type: 'number', default: 0.05, describe: 'significance level' })
          .option('tolerance', { type: 'string', array: true, describe: 'practical threshold, metric=relative (e.g. leadTime.hours.mean=0.02, cost.*=0.05); repeatable' })
          .option('correction', { type: 'string', default: 'holm', describe: 'multiple-testing correction: holm or bh' })
          .option('exact', { type: 'boolean', default: false, describe: 'byte-for-byte: identical, or the first metric and replication that differ' })
          .option('all', { type: 'boolean', default: false, describe: 'list every metric (default: the headline ones and those whose verdict is not "same")' })
          .option('html', { type: 'string', describe: 'also write a page with the differences drawn (D3) to this file' })
          .option('allow-different-scenarios', { type: 'boolean', default: false, describe: 'compare results of different scenarios (what-if A vs B)' })
          .option('update-baseline', { type: 'boolean', default: false, describe: 'copy result folder A into results/baselines/<scenario>/ (needs --reason)' })
          .option('reason', { type: 'string', describe: 'why the baseline moves (recorded in its manifest)' })
          .option('baselines', { type: 'string', default: 'results/baselines', describe: 'where baselines live' })
          .example('$0 compare results/baselines/tiny results/tiny-1-abcd1234', 'a regression check: exit 3 if a metric got worse')
          .example('$0 compare runA runB --allow-different-scenarios --html diff.html', 'two what-ifs side by side: their differences, never a regression (exit 0)')
          .example('$0 compare results/tiny-1-abcd1234 --update-baseline --reason "faster hubs (issue 12)"', 'adopt a new baseline on purpose')
          .epilogue(`${EPILOGUE} compare: 0 nothing got worse (or two different scenarios compared on purpose), 2 bad input, 3 a metric of the same scenario got worse.`),
      async (argv) => {
        const { compareCommand } = await import('./cli/compare-command.ts');
        process.exitCode = compareCommand({
          a: argv.a as string,
          b: argv.b,
          json: argv.json,
          alpha: argv.alpha,
          tolerance: argv.tolerance,
          correction: argv.correction,
          exact: argv.exact,
          all: argv.all,
          html: argv.html,
          allowDifferentScenarios: argv['allow-different-scenarios'],
          updateBaseline: argv['update-baseline'],
          reason: argv.reason,
          baselines: argv.baselines,
        });
      },
    )
    .command(
      'report <dir>',
      'write a self-contained report.html (map and charts as SVG, readable offline) for a result folder',
      (y) =>
        y
          .positional('dir', { type: 'string', demandOption: true, describe: 'a result folder written by sim run' })
          .option('out', { type: 'string', describe: 'output file (default <dir>/report.html)' })
          .example('$0 report results/baseline-1-abcd1234', 'writes results/baseline-1-abcd1234/report.html')
          .epilogue(EPILOGUE),
      async (argv) => {
        const { reportCommand } = await import('./cli/report-command.ts');
        await reportCommand({ dir: argv.dir as string, out: argv.out });
      },
    )
    .command(
      'viz [dirs..]',
      'serve the browser app on 127.0.0.1 (map, distributions, compare, runs in Web Workers), optionally opened on result folders',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, default: [] as string[], describe: 'result folders to open' })
          .option('port', { type: 'number', default: 5173, describe: 'port (the next free one if taken)' })
          .example('$0 viz', 'the app: run scenarios in the page')
          .example('$0 viz results/baseline-1-abcd1234 results/kirana-i-have-space-1-ef567890', 'two results side by side')
          .epilogue(EPILOGUE),
      async (argv) => {
        const { vizCommand } = await import('./cli/viz-command.ts');
        await vizCommand({ dirs: (argv.dirs ?? []) as string[], port: argv.port });
      },
    )
    .command(
      'bench',
      'engine benchmarks (mm1, tandem; callback and process APIs): events per second and peak memory',
      (y) =>
        y
          .option('json', { type: 'boolean', default: false, describe: 'one JSON line per model' })
          .option('only', { type: 'string', array: true, describe: 'run only these models' })
          .option('micro', { type: 'boolean', default: false, describe: 'add tinybench micro-benchmarks' })
          .epilogue(EPILOGUE),
      async (argv) => {
        const { runBench } = await import('../scripts/bench.ts');
        await runBench([...(argv.json ? ['--json'] : []), ...(argv.micro ? ['--micro'] : []), ...(argv.only ?? []).flatMap((o) => ['--only', o])]);
      },
    )
    .strict()
    .recommendCommands()
    .help()
    // No top-level epilogue: \`sim --help\` runs the default command's builder (\`run\`), whose
    // epilogue already says the exit codes; a second one printed them twice.
    .fail((message, error, y) => {
      if (error) throw error;
      process.stderr.write(`${message}\n\n${y.help()}\n`);
      process.exit(EXIT_USAGE);
    })
    .parseAsync();
} catch (error) {
  if (error instanceof UsageError || (error instanceof Error && error.name === 'OutputRefusedError')) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = EXIT_USAGE;
  } else if (error instanceof Error && (error.name === 'QueueUnavailableError' || error.name === 'QueueJobError')) {
    // Redis down or gone, or a replication failed on a worker: the message says which; exit 1.
    process.stderr.write(`sim: ${error.message}\n`);
    process.exitCode = EXIT_FAILURE;
  } else if (error instanceof InterruptedError) {
    process.stderr.write('interrupted: work stopped; no result folder was written\n');
    process.exitCode = EXIT_INTERRUPTED;
  } else {
    const e = error instanceof Error ? error : new Error(String(error));
    process.stderr.write(`sim: ${e.stack ?? e.message}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}
