import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const sim = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { cwd, encoding: 'utf8' });
const QUICK = ['--days', '1', '--replications', '1'];

/** Every file under `dir`, with its text: what a user would lose. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

describe('no command deletes or overwrites a file the tool did not write', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sim-out-'));
  const own = join(tmp, 'own');

  it('sim run --out into a folder of the user’s exits 2, names what it holds, and touches nothing', () => {
    const mine = join(tmp, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'notes');
    const before = snapshot(tmp);
    const r = sim(tmp, 'run', 'tiny', ...QUICK, '--out', mine);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`--out ${mine}: is a folder this tool did not write`);
    expect(r.stderr).toContain('notes.txt');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshot(tmp)).toEqual(before);
  });

  it('--out . (the working folder) is refused the same way', () => {
    const cwd = join(tmp, 'work');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'thesis.tex'), 'years of work');
    const r = sim(cwd, 'run', 'tiny', ...QUICK, '--out', '.');
    expect(r.status, r.stderr).toBe(2);
    expect(readdirSync(cwd)).toEqual(['thesis.tex']);
  });

  it('--out naming a file is refused', () => {
    const file = join(tmp, 'data.csv');
    writeFileSync(file, 'a,b\n');
    const r = sim(tmp, 'run', 'tiny', ...QUICK, '--out', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is a file, not a result folder');
    expect(readFileSync(file, 'utf8')).toBe('a,b\n');
  });

  it('a result folder the tool wrote is replaced, atomically, and its manifest says who wrote which files', () => {
    expect(sim(tmp, 'run', 'tiny', ...QUICK, '--out', own).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(own, 'manifest.json'), 'utf8'));
    expect(manifest.writtenBy).toBe('india-parcel-sim');
    expect(manifest.files).toEqual(readdirSync(own).sort());
    const r = sim(tmp, 'run', 'tiny', '--days', '1', '--replications', '1', '--seed', '2', '--out', own);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(own, 'summary.json'), 'utf8')).seed).toBe(2);
    expect(readdirSync(tmp).filter((f) => f.startsWith('.'))).toEqual([]); // no temp folders left
  });

  it('a result folder with a file the user added is not replaced: the run would delete it', () => {
    writeFileSync(join(own, 'my-notes.md'), 'why seed 2');
    const before = snapshot(own);
    const r = sim(tmp, 'run', 'tiny', ...QUICK, '--out', own);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('my-notes.md');
    expect(snapshot(own)).toEqual(before);
  });

  it('sim sweep --out into a user folder is refused before anything runs', () => {
    const mine = join(tmp, 'mine');
    const r = sim(tmp, 'sweep', 'tiny', '--param', 'model.policy=amazon,kirana', ...QUICK, '--out', mine);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('sweep of'); // refused before the sweep started
    expect(readdirSync(mine)).toEqual(['notes.txt']);
  });

  it('sim report and sim compare --html overwrite only HTML the tool wrote', () => {
    const own2 = join(tmp, 'own2');
    expect(sim(tmp, 'run', 'tiny', ...QUICK, '--out', own2).status).toBe(0);
    const page = join(tmp, 'page.html');
    writeFileSync(page, '<html>my page</html>');
    const report = sim(tmp, 'report', own2, '--out', page);
    expect(report.status).toBe(2);
    expect(report.stderr).toContain('was not written by this tool');
    const compare = sim(tmp, 'compare', own2, own2, '--html', page);
    expect(compare.status).toBe(2);
    expect(readFileSync(page, 'utf8')).toBe('<html>my page</html>');
    // The tool's own pages are replaced freely: twice in a row works.
    for (let i = 0; i < 2; i++) {
      expect(sim(tmp, 'report', own2).status).toBe(0);
      expect(sim(tmp, 'compare', own2, own2, '--html', join(tmp, 'diff.html')).status).toBe(0);
    }
    expect(readFileSync(join(own2, 'report.html'), 'utf8')).toContain('<meta name="generator" content="india-parcel-sim">');
    // and a folder holding the tool's report is still the tool's folder
    expect(sim(tmp, 'run', 'tiny', ...QUICK, '--out', own2).status).toBe(0);
  });

  it('sim compare --update-baseline refuses a baselines folder that holds other files', () => {
    const root = join(tmp, 'baselines');
    mkdirSync(join(root, 'tiny'), { recursive: true });
    writeFileSync(join(root, 'tiny', 'README'), 'keep');
    const r = sim(tmp, 'compare', own, '--update-baseline', '--reason', 'test', '--baselines', root);
    expect(r.status).toBe(2);
    expect(readdirSync(join(root, 'tiny'))).toEqual(['README']);
  });
});
