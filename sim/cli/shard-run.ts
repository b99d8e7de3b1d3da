import { writeResultFolder } from '../report/index.ts';
import { codeVersion, type Job, runJobs, shardPositions } from '../run/index.ts';
import { gitCommit, packageVersion } from './build-info.ts';
import { UsageError } from './exit-codes.ts';
import { runOnPool } from './run-on-pool.ts';
import { type ShardEntry, shardFolderFiles, type ShardManifest } from './shard-folder.ts';

export interface ShardRun {
  label: string;
  /** Every job of the whole run, in order; the shard runs those at its positions. */
  jobs: readonly Job[];
  /** The sweep point of each job position (sweeps), for people. */
  pointOf?: (position: number) => string;
  dir: string;
  workers: number | undefined;
  /** Given with --queue: refused, since a queue already spreads the jobs over machines. */
  queue?: string;
  manifest: Omit<ShardManifest, 'note' | 'shard' | 'jobs' | 'positions' | 'codeVersion' | 'version' | 'gitCommit' | 'timings'> & { shard: ShardManifest['shard'] };
}

/**
 * `sim run|sweep --shard i/N`: runs this shard's jobs on local workers and writes a shard folder
 * (manifest and outputs, no summary), to be put together by `sim merge`.
 */
export async function runShard(o: ShardRun): Promise<void> {
  const { shard } = o.manifest;
  if (o.queue !== undefined) {
    throw new UsageError(`${shard.source} and --queue ${o.queue} do not combine: a queue already spreads every job over the sim workers; use one or the other (--shard none ignores a scheduler's environment)`);
  }
  const positions = shardPositions(o.jobs.length, shard);
  const startedAt = new Date().toISOString();
  const version = codeVersion();
  process.stderr.write(`${o.label}: shard ${shard.index} of ${shard.count} (${shard.source}): ${positions.length} of ${o.jobs.length} jobs\n`);
  const started = performance.now();
  await runOnPool(
    `${o.label} shard ${shard.index}/${shard.count}`,
    positions.length,
    o.workers,
    (pool, onProgress) => runJobs(positions.map((j) => o.jobs[j]!), { pool, onProgress }),
    (done) => {
      const entries: ShardEntry[] = done.map((d, i) => ({
        position: positions[i]!,
        point: o.pointOf?.(positions[i]!) ?? null,
        replication: d.output.key.replication,
        wallMs: Math.round(d.wallMs),
        output: d.output,
      }));
      const manifest: ShardManifest = {
        note: `shard ${shard.index} of ${shard.count} of one ${o.manifest.command}: no summary here; sim merge puts every shard together`,
        ...o.manifest,
        jobs: o.jobs.length,
        positions,
        codeVersion: version,
        version: packageVersion(),
        gitCommit: gitCommit(),
        timings: { wallMs: Math.round(performance.now() - started), startedAt },
      };
      writeResultFolder(o.dir, shardFolderFiles(manifest, entries));
      process.stdout.write(`${o.label}: shard ${shard.index} of ${shard.count} done (${positions.length} jobs); merge the ${shard.count} shards with sim merge\n\nresults: ${o.dir}\n`);
    },
  );
}
