/**
 * Input built to hurt: files and values meant to exhaust memory or time, numbers past every
 * sensible size, closed pipes, and a seeded fuzz over mutations of the built-in scenarios and of
 * `--set` values. Whatever comes in, `sim` ends with 0 or 2, one clear message and no stack trace.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStream } from '../engine/random/index.ts';
import { jobFor, runReplication } from '../run/index.ts';
import { BUILTIN_DIR, builtinNames, type FieldSchema, SCENARIO_SCHEMA, type Scenario } from '../scenario/index.ts';
import { UsageError } from './exit-codes.ts';
import { loadOrExit } from './load-or-exit.ts';
import { runSpecFor } from './run-command.ts';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'sim-hostile-'));
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8', cwd: tmp, timeout: 60_000 });
const STACK = /\n\s+at .+[:(]/;

/** A scenario file with `text` after the usual first lines. */
function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, `extends: tiny\nquestion: what breaks?\n${text}`);
  return path;
}

function expectRefused(r: ReturnType<typeof sim>, ...mentions: string[]): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(STACK);
  for (const m of mentions) expect(r.stderr).toContain(m);
}

describe('input built to exhaust memory or time is refused with exit 2 and one message', () => {
  it('a billion-laughs file (anchors of aliases of aliases) is refused, nothing written', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const out = join(tmp, 'lol-out');
    const r = sim('run', file('lol.yaml', levels.join('\n')), '--out', out);
    expectRefused(r, 'lol.yaml:1:1  not valid YAML: anchors and aliases expand too far');
    expect(r.stderr.trim().split('\n')).toHaveLength(3); // the problem, a blank line, "1 problem … nothing was run"
    expect(existsSync(out)).toBe(false);
  });

  it('the same through --set, and sim validate says so too', () => {
    const bomb = 'model.holidays=[&a [x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b], [*c,*c,*c,*c,*c,*c,*c,*c,*c]]';
    expectRefused(sim('run', 'tiny', '--set', bomb), 'anchors and aliases expand too far');
    expectRefused(sim('validate', 'tiny', '--set', bomb), 'anchors and aliases expand too far');
  });

  it('nesting thousands deep, a file over a megabyte, ten thousand keys and a key written twice: one message each', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `    node ${i}: {capacityMultiplier: 1}`).join('\n');
    // One process validates them all (the loader sim run uses): each file's problem, and the count.
    const r = sim(
      'validate',
      file('deep.yaml', `sweep: {x: ${'['.repeat(5000)}${']'.repeat(5000)}}`),
      file('shallower.yaml', `sweep: {x: [${'['.repeat(40)}1${']'.repeat(40)}]}`),
      file('big.yaml', `# ${'x'.repeat(1_100_000)}\n`),
      file('dup.yaml', 'days: 2\ndays: 3\n'),
      file('keys.yaml', `model:\n  nodeOverrides:\n${keys}\n`),
    );
    expectRefused(
      r,
      'deep.yaml:3:797  not valid YAML: nested too deeply to read',
      'shallower.yaml:1:1  not valid YAML: lists and mappings nested more than 32 levels deep',
      'big.yaml  the file has 1,100,',
      'bytes, more than the 1,048,576 a scenario may have',
      'dup.yaml:4:1  not valid YAML: Map keys must be unique: "days" is written twice',
      'no node named "node 0"',
      '10,004 problems in 5 of 5 files.',
    );
    // Ten thousand unknown node names would flood the screen: fifty, then a count.
    expect(r.stderr).toContain('… and 9,954 more (sim validate --json lists them all)');
  });

  it('sizes past every limit are refused, naming the limit', () => {
    expectRefused(sim('run', 'tiny', '--replications', '1e9', '--days', '1e7'), 'replications  must be an integer in [1, 1000]', 'days  must be an integer in [1, 366]');
    const r = sim(
      'validate',
      file('too-small.yaml', 'scale: 1e-9\n'),
      file('too-big.yaml', 'region: {districts: []}\nscale: 1\ndays: 366\n'),
      file('too-long.yaml', `region: {districts: [${Array(20_000).fill(598).join(',')}]}\n`),
      file('grid.yaml', `sweep:\n${['availabilityAmazon', 'availabilityKirana', 'ruralFactor', 'collectShare'].map((k) => `  model.customer.${k}: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]`).join('\n')}\n`),
      file('sellers.yaml', 'network: {sellersPerMillion: 100000}\nmodel: {eventLog: {maxEvents: 1e8}}\n'),
    );
    expectRefused(
      r,
      'simulates about 6.5e-6 parcels a replication',
      'fewer than one',
      'more than the 50,000,000 one replication may hold in memory',
      'region.districts  must be a list of at most 640 items',
      'a grid of 1,296 points (6 × 6 × 6 × 6), more than the 1,000',
      'network.sellersPerMillion  must be a number in [0, 100]',
      'model.eventLog.maxEvents  must be an integer in [0, 1,000,000] (events)',
    );
  });
});

describe('a reader that closes the pipe early', () => {
  /** Runs sim with its stdout's reading end closed before it writes a byte; resolves with its exit code and stderr. */
  function closedPipe(...args: string[]): Promise<{ code: number | null; stderr: string }> {
    const child: ChildProcess = spawn(process.execPath, [SIM, ...args], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.destroy();
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  }

  it('sim run tiny --all | head -1 ends quietly with exit 0, its result folder written', async () => {
    const out = join(tmp, 'piped');
    const r = await closedPipe('run', 'tiny', '--days', '1', '--all', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  }, 60_000);

  it('sim network baseline --nodes | head -1 (megabytes into a closed pipe) ends quietly with exit 0', async () => {
    const r = await closedPipe('network', 'baseline', '--nodes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  }, 60_000);
});

// ——— The fuzz ———

/** A seeded stream: the same cases on every run, so a failure names a case that can be rerun. */
let u = createStream('hostile-input', 0, 'in-process');
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(u() * xs.length)]!;

/** Every leaf field of the schema, with its definition: mutations aim at real fields most of the time. */
const LEAVES: [string, FieldSchema][] = [];
(function visit(f: FieldSchema, path: string[]): void {
  if (f.kind === 'object') for (const [k, c] of Object.entries(f.fields)) visit(c, [...path, k]);
  else LEAVES.push([path.join('.'), f]);
})(SCENARIO_SCHEMA, []);

/** A value the field accepts or nearly accepts: its bounds, its middle, a valid list. */
function nearlyValid(f: FieldSchema): string {
  switch (f.kind) {
    case 'number': {
      const lo = f.exclusiveMin ? f.min + (f.integer ? 1 : 1e-9) : f.min;
      const v = pick([lo, f.max, (lo + f.max) / 2, lo + (f.max - lo) * u(), lo * 2 || 1e-6, f.max + 1, lo - 1]);
      return String(f.integer && u() < 0.9 ? Math.round(v) : v);
    }
    case 'string':
      return f.enum ? pick([...f.enum, `${pick(f.enum)}x`]) : f.format === 'date' ? pick(['2024-10-01', '2024-10-03', '2025-01-01', '2024-09-30', '2024-02-30']) : pick(['x', '""', 'Cochin NSH']);
    case 'boolean':
      return pick(['true', 'false', 'yes']);
    case 'seed':
      return pick(['0', '1', '"abc"', '4294967296', '-1', '1.5']);
    case 'array': {
      const n = pick([f.minItems ?? 0, f.maxItems ?? 3, 1, 0]);
      const items = Array.from({ length: Math.min(n, 50) }, () => nearlyValid(f.items));
      if (f.ascending && u() < 0.8) items.sort((a, b) => Number(a) - Number(b));
      return `[${items.join(', ')}]`;
    }
    default:
      return '{}';
  }
}

/** Values built to break things: extremes, wrong types, bad YAML, aliases, nesting, floods. */
const HOSTILE = [
  '0', '-1', '1e9', '1e308', '-1e308', '1e-300', '9007199254740993', '.nan', '.inf', '-.inf', 'NaN', '""', 'null', '~', 'true', '[]', '{}',
  '[[[[[[[[[[1]]]]]]]]]]', `${'['.repeat(3000)}${']'.repeat(3000)}`, '{__proto__: {polluted: 1}}', '{constructor: {prototype: 1}}',
  '&a [*a]', '*nothing', '&a [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]', '[', '{a:', '"unclosed', '!!binary aGk=', '!!js/function "f"', '!custom x',
  '---\nx: 1\n---\ny: 2', '%YAML 1.1\n---\nx', `[${Array(10_000).fill(0).join(',')}]`, 'x'.repeat(20_000), '2024-02-30', '\u0000', '\uFEFFx', '😀',
  '{type: festive, from: 2024-10-01, to: 2024-10-03, saleDays: [2024-10-02], saleMultiplier: 50}',
  '{type: monsoon, states: [Kerala], from: 2024-10-01, to: 2024-10-05, linehaulSlowdown: 10, closedShare: 1}',
  '{type: hub-closure, node: Alappuzha ICH, from: 2024-10-01, days: 366}', '{type: nope}', '{capacityMultiplier: 0}', '{capacityMultiplier: 100}',
];
const ODD_PATHS = [
  'model.disruptions.x', 'model.disruptions.x.type', 'model.nodeOverrides.x', 'model.nodeOverrides["Alappuzha ICH"]', 'sweep', 'sweep["model.policy"]',
  'sweep.days', 'model.operations.timetable', 'model.operations.timetable["sort-centre>delivery-station"]', 'nope', 'model.nope', '__proto__',
  'constructor', 'model.__proto__.x', 'region', 'extends', 'name', 'question', 'a..b', '[0]', 'model.holidays[0]',
];

/** `--set path=value` arguments: real fields with nearly valid values, or anything with hostile ones. */
function setArgs(): string[] {
  return Array.from({ length: 1 + Math.floor(u() * 2) }, () => {
    if (u() < 0.7) {
      const [path, field] = pick(LEAVES);
      return `${path}=${nearlyValid(field)}`;
    }
    return `${u() < 0.75 ? pick(LEAVES)[0] : pick(ODD_PATHS)}=${pick(HOSTILE)}`;
  });
}

/** A built-in's file with its text mutated: cut short, a number or a line replaced, junk inserted. */
function mutatedFile(name: string, index: number): string {
  const text = readFileSync(join(BUILTIN_DIR, `${name}.yaml`), 'utf8');
  const lines = text.split('\n');
  const at = Math.floor(u() * text.length);
  const mutated = pick([
    () => text.slice(0, at),
    () => text.replace(/\d+(\.\d+)?/, pick(['1e9', '-5', 'x', '&a [*a]', '0', '1e-300'])),
    () => `${text.slice(0, at)}${pick(HOSTILE)}${text.slice(at)}`,
    () => lines.map((l, i) => (i === Math.floor(u() * lines.length) ? `${l.replace(/:.*/, '')}: ${pick(HOSTILE)}` : l)).join('\n'),
    () => `${text}\n${pick(LEAVES)[0].split('.')[0]}: ${pick(HOSTILE)}\n`,
    () => text.replace(/extends: \S+/, pick(['extends: tiny', 'extends: ./nope.yaml', 'extends: 5', 'extends: baseline\nextends: tiny'])),
  ])();
  const path = join(tmp, `fuzz-${index % 20}.yaml`);
  writeFileSync(path, mutated);
  return path;
}

interface Case {
  ref: string;
  sets: string[];
  flags: { seed?: string; days?: number; scale?: number; replications?: number };
}

function nextCase(index: number): Case {
  const base = u() < 0.5 ? 'tiny' : pick(builtinNames());
  const ref = u() < 0.3 ? mutatedFile(base, index) : base;
  const flags: Case['flags'] = {};
  if (u() < 0.2) flags.seed = pick(['7', 'x y', '', '-1', '1e400', '{a: 1}']);
  if (u() < 0.2) flags.days = pick([1, 0, -3, 1.5, Number.NaN, 1e7]);
  if (u() < 0.2) flags.scale = pick([0.01, 0, 2, -1, Number.NaN, 1e-9]);
  return { ref, sets: setArgs(), flags };
}

const show = (c: Case): string => `${c.ref} ${JSON.stringify(c.flags)} ${c.sets.map((s) => `--set '${s.length > 100 ? `${s.slice(0, 100)}…` : s}'`).join(' ')}`;

/** The CLI's own path in-process: load and validate (`loadOrExit`: UsageError is exit 2), then, if small, one replication. */
async function outcome(c: Case, runs: { left: number }): Promise<'refused' | 'ran' | 'valid' | string> {
  let s: Scenario;
  try {
    s = await loadOrExit(c.ref, { ...c.flags, set: c.sets });
  } catch (error) {
    return error instanceof UsageError ? 'refused' : `threw ${(error as Error).stack}`;
  }
  // Runs of a few districts, cut to a day or two at a small scale to keep the suite quick: the
  // mutated fields keep their values, so the model meets them as the CLI would hand them over.
  if (s.region.districts.length === 0 || s.region.districts.length > 3 || runs.left <= 0) return 'valid';
  runs.left--;
  const small: Scenario = { ...s, days: 1, warmupDays: 0, scale: Math.min(s.scale, 0.05), model: { ...s.model, drainDays: Math.min(s.model.drainDays, 3) } };
  try {
    await runReplication(jobFor({ ...runSpecFor(small), replications: 1 }, 0));
    return 'ran';
  } catch (error) {
    return `replication failed: ${(error as Error).message}`;
  }
}

describe('a seeded fuzz of scenario files and --set values', () => {
  it('2,000 mutations, validated in-process as the CLI does and some run: each refused (exit 2) or run (exit 0), none throws', async () => {
    u = createStream('hostile-input', 0, 'in-process');
    const counts: Record<string, number> = { refused: 0, ran: 0, valid: 0 };
    const failures: string[] = [];
    const runs = { left: 24 };
    for (let i = 0; i < 2_000; i++) {
      const c = nextCase(i);
      const o = await outcome(c, runs);
      if (o in counts) counts[o]!++;
      else failures.push(`case ${i}: ${show(c)}\n  ${o}`);
    }
    expect(failures).toEqual([]);
    // The mix means something: many refused, many valid, and replications actually ran.
    expect(counts.refused).toBeGreaterThan(400);
    expect(counts.valid! + counts.ran!).toBeGreaterThan(300);
    expect(counts.ran).toBe(24);
    // ~80 s on an idle 2-core machine: scenarios that edit the network are checked against it, built
    // anew for each seed and set of network options a case gives (~1 s a national network).
  }, 400_000);

  it('through the real process: mutations end with exit 0 or 2 and never a stack trace', async () => {
    u = createStream('hostile-input', 0, 'through-the-cli');
    const cases = Array.from({ length: 8 }, (_, i) => nextCase(10_000 + i));
    const argv = (c: Case, i: number): string[] => {
      const flags = Object.entries(c.flags).flatMap(([k, v]) => [`--${k}`, String(v)]);
      const sets = c.sets.flatMap((s) => ['--set', s]);
      // Every other case runs (kept small by the last --set, which wins); the rest validate.
      return i % 2 === 0
        ? ['run', c.ref, ...flags, ...sets, '--set', 'days=1', '--set', 'scale=0.02', '--set', 'replications=1', '--set', 'region={states: [], districts: [598]}', '--workers', '1', '--out', join(tmp, `cli-${i}`)]
        : ['validate', c.ref, ...flags, ...sets];
    };
    const results = await Promise.all(
      cases.map(
        (c, i) =>
          new Promise<string | undefined>((resolve) => {
            const child = spawn(process.execPath, [SIM, ...argv(c, i)], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
            child.on('close', (code) => resolve(code === 0 || (code === 2 && !STACK.test(stderr)) ? undefined : `${show(c)}: exit ${code}\n${stderr}`));
          }),
      ),
    );
    expect(results.filter((r) => r !== undefined)).toEqual([]);
  }, 120_000);
});
