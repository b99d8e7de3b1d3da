import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docCommands, missingLines, normalizeOutputLine, type DocCommand } from './doc-commands.ts';

/**
 * Every command README.md and scenarios/README.md show runs as shown, exits 0, and prints the
 * lines shown under it apart from the numbers. Scaled down by the one documented variable,
 * SIM_QUICK=1. Run in a scratch folder that links the project's files, so result folders land
 * there and `/tmp/…` in a command becomes the scratch folder's `tmp/…`.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = ['README.md', 'scenarios/README.md'];
/** Not run, and why. */
const NOT_RUN: Record<string, string> = {
  'npm test': 'this is the test it would start',
};
/** Servers: started, asked for their page, stopped. */
const SERVER = /^(?:npx sim viz|sim viz|npm run viz)\b/;

const scratch = mkdtempSync(join(tmpdir(), 'docs-test-'));
for (const entry of readdirSync(ROOT)) if (!['results', 'test-artifacts', '.git'].includes(entry)) symlinkSync(join(ROOT, entry), join(scratch, entry));
mkdirSync(join(scratch, 'tmp'));
mkdirSync(join(scratch, '.bin'));
// `sim …` as the scenarios README writes it: the command an `npm link` or `npx sim` gives.
writeFileSync(join(scratch, '.bin', 'sim'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/sim.js')}" "$@"\n`, { mode: 0o755 });
// scenarios/README.md's `sim validate my.yaml` and `sim run my.yaml` take the file it shows first.
const firstYaml = /```yaml\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'scenarios/README.md'), 'utf8'))?.[1] ?? '';
writeFileSync(join(scratch, 'my.yaml'), firstYaml.replace('$schema=./scenario.schema.json', '$schema=./scenarios/scenario.schema.json'));

const env = { ...process.env, SIM_QUICK: '1', PATH: `${join(scratch, '.bin')}:${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, NO_COLOR: '1', FORCE_COLOR: '0' };
const asRun = (command: string): string => command.replace(/^npm ci && /, '').replace(/(^|\s)\/tmp\//g, `$1${join(scratch, 'tmp')}/`);

interface Ran {
  code: number | null;
  printed: string;
}
const ran = new Map<string, Ran>();

function runShell(command: string): Ran {
  const r = spawnSync('bash', ['-c', command], { cwd: scratch, env, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, printed: `${r.stdout}\n${r.stderr}` };
}

/** Starts a server, waits for the address it prints, fetches the page, stops it. */
async function runServer(command: string): Promise<Ran> {
  const child = spawn('bash', ['-c', command], { cwd: scratch, env, detached: true });
  let printed = '';
  const url = await new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), 90_000);
    const look = (chunk: Buffer): void => {
      printed += chunk.toString();
      const m = /https?:\/\/(?:127\.0\.0\.1|localhost):\d+\/?\S*/.exec(printed.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', () => resolve(null));
  });
  let code: number | null = 1;
  if (url !== null) {
    const page = await fetch(url).catch(() => null);
    code = page?.ok === true && (await page.text()).includes('<') ? 0 : 1;
    printed += `\n(GET ${url}: ${page?.status ?? 'no answer'})`;
  }
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  return { code, printed };
}

async function run(c: DocCommand): Promise<Ran> {
  const command = asRun(c.command);
  // `npx sim run x` and `sim run x` are one command: run once, its output checked against both.
  const key = command.replace(/^npx sim /, 'sim ');
  let r = ran.get(key);
  if (r === undefined) {
    r = SERVER.test(c.command) ? await runServer(command) : runShell(command);
    ran.set(key, r);
  }
  return r;
}

for (const doc of DOCS) {
  const commands = docCommands(readFileSync(join(ROOT, doc), 'utf8'));
  describe(`${doc}: every command it shows runs as shown (SIM_QUICK=1)`, () => {
    it('shows commands at all (the extraction found them)', () => {
      expect(commands.length).toBeGreaterThan(10);
    });
    for (const c of commands) {
      const why = NOT_RUN[c.command];
      const name = `line ${c.line}: ${c.command}${c.shown.length > 0 ? ` prints the ${c.shown.length} lines shown` : ''}`;
      if (why !== undefined) {
        it.skip(`${name} (not run: ${why})`, () => {});
        continue;
      }
      it(name, { timeout: 320_000 }, async () => {
        const r = await run(c);
        expect(r.code, `${c.command} (as run: ${asRun(c.command)})\n${r.printed.slice(-3000)}`).toBe(0);
        const missing = missingLines(c.shown, r.printed);
        expect(missing, `lines shown under "$ ${c.command}" (${doc}:${c.line}) but not printed, numbers aside:\n${missing.map(normalizeOutputLine).join('\n')}\n--- printed:\n${r.printed.split('\n').map(normalizeOutputLine).join('\n')}`).toEqual([]);
      });
    }
  });
}

describe('the docs test itself', () => {
  it('finds sh lines, transcripts with their output and inline commands, and leaves templates out', () => {
    const md = ['Run `npx sim run tiny`, or `sim run <scenario>` or `sim run tiny --out DIR`.', '```sh', 'npm start   # go', '```', '```', '$ sim list', '  a  b', '', '```'].join('\n');
    expect(docCommands(md).map((c) => [c.command, c.shown])).toEqual([
      ['npx sim run tiny', []],
      ['npm start', []],
      ['sim list', ['  a  b']],
    ]);
  });

  it('compares output apart from numbers, hashes and bottleneck names, in order', () => {
    const printed = 'x: 4 replications, seed 1\n  parcels.created   1,400,421  [1,398,318, 1,402,525]\n  node 1  Pune SC (sort-centre, Pune)  9 parcel-h\nresults: results/x-1-69c6e35e';
    expect(missingLines(['x: 2 replications, seed 7', '  parcels.created  12  [3, 4.5e-4]', '  node 1  Hyderabad SC  1 parcel-h', 'results: results/x-1-00000000'], printed)).toEqual([]);
    expect(missingLines(['  parcels.delivered  12  [3, 4]'], printed)).toEqual(['  parcels.delivered  12  [3, 4]']);
    expect(missingLines(['results: results/a', 'x: 2 replications, seed 7'], printed)).toEqual(['x: 2 replications, seed 7']);
    // An interval's bounds stay two numbers whether or not they are grouped.
    expect(normalizeOutputLine('  p95  135  [135, 1,350]')).toBe(normalizeOutputLine('  p95  1,234,567  [0.5, 2]'));
    expect(normalizeOutputLine('  p95  135  [135, 135]')).toBe('p# # [#, #]');
  });
});
