import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { assertReplaceableFolder } from './output-guard.ts';
import { WRITTEN_BY } from './written-by.ts';

/** Temp folders being written now, so an interrupt handler can remove them (`removePartialFolders`). */
const partial = new Set<string>();

/**
 * Writes a result folder atomically: every file goes into a hidden sibling temp folder
 * (`.name.partial-<pid>`), `manifest.json` last, and the folder is renamed into place in one step;
 * a folder already there is swapped out and removed. A run interrupted before the rename leaves
 * only the hidden temp folder (removed by `removePartialFolders` when the interrupt is handled),
 * never a folder that looks complete. `files` maps a relative path (`points/a/summary.json`
 * allowed) to its text; `manifest.json` (a JSON object) gains `writtenBy` and the list of
 * `files`, so a later write knows what it may replace. An existing `dir` that is not such a
 * folder is never touched: OutputRefusedError (`assertReplaceableFolder`).
 */
export function writeResultFolder(dir: string, given: Readonly<Record<string, string>>, flag = '--out'): void {
  assertReplaceableFolder(dir, flag);
  const files = withOwnership(given);
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.${basename(dir)}.partial-${process.pid}`);
  const old = join(parent, `.${basename(dir)}.old-${process.pid}`);
  partial.add(temp);
  try {
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp);
    const names = Object.keys(files).sort((a, b) => Number(isManifest(a)) - Number(isManifest(b)) || (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const path = join(temp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, files[name]!);
    }
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(temp, dir);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(temp, { recursive: true, force: true });
    partial.delete(temp);
  }
}

/** The manifest says who wrote the folder and which files are its own. */
function withOwnership(files: Readonly<Record<string, string>>): Record<string, string> {
  const text = files['manifest.json'];
  if (text === undefined) throw new Error('writeResultFolder: a result folder needs a manifest.json');
  const names = Object.keys(files).sort();
  const manifest = JSON.parse(text) as Record<string, unknown>;
  return { ...files, 'manifest.json': `${JSON.stringify({ writtenBy: WRITTEN_BY, ...manifest, files: names }, null, 2)}\n` };
}

/** The top-level manifest marks a folder complete, so it is written last. */
function isManifest(name: string): boolean {
  return name === 'manifest.json';
}

/** Removes temp folders of writes still in progress (call from a SIGINT handler before exiting). */
export function removePartialFolders(): void {
  for (const temp of partial) rmSync(temp, { recursive: true, force: true });
  partial.clear();
}
