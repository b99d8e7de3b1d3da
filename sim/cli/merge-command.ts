import { runCommand } from './run-command.ts';
import { readShardSet } from './shard-folder.ts';
import { StoredOutputs } from './stored-outputs.ts';
import { sweepCommand } from './sweep-command.ts';

export interface MergeArgs {
  dirs: string[];
  out?: string;
  json?: boolean;
  all?: boolean;
}

/**
 * `sim merge DIR… [--out DIR]`: puts the shards of one run (or sweep) back together. The shards
 * are checked (readShardSet), then the command they split runs again with every job answered from
 * the shards' outputs instead of workers, so the folder it writes (default: the unsplit run's
 * default folder) holds the same bytes as the unsplit run's, summary.json and tables alike; only
 * the manifest differs (timings, and the shards it was merged from).
 */
export async function mergeCommand(args: MergeArgs): Promise<void> {
  const set = readShardSet(args.dirs);
  const m = set.manifest;
  process.stderr.write(`merging ${set.dirs.length} shard${set.dirs.length === 1 ? '' : 's'} of sim ${m.command} ${m.scenarioName} (${m.jobs} jobs, code version ${m.codeVersion.slice(0, 12)})\n`);
  const source = {
    scenario: m.scenario,
    executor: new StoredOutputs(set.outputs),
    manifest: {
      codeVersion: m.codeVersion,
      mergedFrom: set.dirs.map((d) => ({ dir: d.dir, shard: `${d.shard.index}/${d.shard.count}`, source: d.shard.source, jobs: d.jobs, wallMs: d.wallMs })),
    },
  };
  const out = { scenario: m.scenario.name, ...(args.out !== undefined && { out: args.out }), json: args.json ?? false };
  if (m.command === 'run') await runCommand({ ...out, all: args.all ?? false }, source);
  else await sweepCommand(out, source);
}
