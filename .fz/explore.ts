import { writeFileSync, readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { createStream } from '../sim/engine/random/index.ts';
import { loadOrExit } from '../sim/cli/load-or-exit.ts';
import { UsageError } from '../sim/cli/exit-codes.ts';
import { builtinNames, BUILTIN_DIR, SCENARIO_SCHEMA, type FieldSchema } from '../sim/scenario/index.ts';
import { runSpecFor } from '../sim/cli/run-command.ts';
import { jobFor, runReplication } from '../sim/run/index.ts';

const N = Number(process.argv[2] ?? 500);
const r = createStream('fuzz', 0, 'explore');
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const leafPaths: string[] = [];
const leaves: [string, FieldSchema][] = [];
const visit = (f: FieldSchema, p: string[]) => {
  if (f.kind === 'object') for (const [k, c] of Object.entries(f.fields)) visit(c, [...p, k]);
  else { leafPaths.push(p.join('.')); leaves.push([p.join('.'), f]); }
};
const validish = (f: FieldSchema): string => {
  switch (f.kind) {
    case 'number': {
      const lo = f.exclusiveMin ? f.min + (f.integer ? 1 : 1e-9) : f.min;
      const v = pick([lo, f.max, (lo + f.max) / 2, lo + (f.max - lo) * r(), lo * 2 || 1e-6]);
      return String(f.integer ? Math.round(v) : v);
    }
    case 'string': return f.enum ? pick(f.enum) : f.format === 'date' ? pick(['2024-10-01', '2024-10-02', '2024-10-05', '2025-01-01', '2024-09-30']) : 'x';
    case 'boolean': return pick(['true', 'false']);
    case 'seed': return pick(['0', '1', '"abc"', '4294967296']);
    case 'array': {
      const n = f.minItems ?? pick([0, 1, 3]);
      const items = Array.from({ length: n }, () => validish(f.items));
      if (f.ascending) items.sort((a, b) => Number(a) - Number(b));
      return `[${items.join(', ')}]`;
    }
    default: return '{}';
  }
};
visit(SCENARIO_SCHEMA, []);
const VALUES = ['0', '-1', '1e9', '1e308', '-1e308', '1.5', '0.5', '1e-9', '9007199254740993', '.nan', '.inf', '-.inf', '366', '367', '1000', '1001', '""', 'x', 'kirana', '2024-02-30', '2024-10-01', 'true', 'null', '[]', '[1, 2, 3]', '{}', '{a: 1}', '[[[[[[[[[[1]]]]]]]]]]', '{__proto__: {x: 1}}', '&a [*a]', '[', '{a:', '!!binary x', '!!js/function "f"', '---\n---', `[${Array(100000).fill(0).join(',')}]`, 'a'.repeat(10000), '{type: festive}', '{type: monsoon, states: [Kerala], from: 2024-10-02, to: 2024-10-03}', '{type: hub-closure, node: x, from: 2024-10-02, days: 1e9}', '[598]', '[1,2,3,4,5,6,7,8,9,10]', '0.00001', '1e-300', '[0]', '{x: [1,2]}', '{model.policy: [amazon, kirana]}'];
const EXTRA_PATHS = ['model.disruptions.x', 'model.disruptions.x.type', 'model.nodeOverrides.x', 'model.nodeOverrides["Cochin NSH"].capacityMultiplier', 'sweep', 'sweep.model.policy', 'sweep.days', 'sweep.network.kiranaCount', 'model.operations.timetable', 'model.operations.timetable.x', 'nope', 'model.nope', '__proto__', 'constructor', 'model.__proto__.x', 'region'];
const names = builtinNames();
const failures: string[] = [];
let valid = 0, refused = 0;
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const base = r() < 0.5 ? 'tiny' : pick(names);
  const sets: string[] = [];
  const k = 1 + Math.floor(r() * 3);
  for (let j = 0; j < k; j++) {
    if (r() < 0.6) { const [p, f] = pick(leaves); sets.push(`${p}=${validish(f)}`); }
    else sets.push(`${r() < 0.8 ? pick(leafPaths) : pick(EXTRA_PATHS)}=${pick(VALUES)}`);
  }
  let ref = base;
  if (r() < 0.3) {
    const text = readFileSync(`${BUILTIN_DIR}${base}.yaml`, 'utf8');
    const cut = r() < 0.5 ? text.slice(0, Math.floor(r() * text.length)) : text.replace(/\d+/, pick(['1e9', '-5', 'x', '&a [*a]']));
    ref = `/tmp/fz/case-${i % 10}.yaml`;
    writeFileSync(ref, cut);
  }
  const c0 = performance.now();
  if (process.env.TRACE) console.log("CASE", i, base);
  const tag = `${ref} ${sets.map((s) => `--set '${s.slice(0, 80)}'`).join(' ')}`;
  if (process.env.TRACE) console.log(tag);
  try {
    const s = await loadOrExit(ref, { set: sets, replications: 1, days: 1, scale: 0.01 });
    valid++;
    if (process.env.RUN && (s.region.districts.length > 0 || s.region.states.length > 0)) {
      try {
        await runReplication(jobFor(runSpecFor(s), 0));
      } catch (e) {
        failures.push(`RUN ${tag}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
  } catch (e) {
    if (e instanceof UsageError) refused++;
    else failures.push(`LOAD ${tag}: ${(e as Error).name} ${(e as Error).message.split('\n')[0]?.slice(0, 200)}`);
  }
  const ms = performance.now() - c0;
  if (ms > 2000) console.log(`SLOW ${ms.toFixed(0)} ms: ${tag}`);
}
console.log(`${N} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${valid} valid, ${refused} refused, ${failures.length} failures`);
for (const f of failures.slice(0, 40)) console.log(f);
