import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { GENERATOR_META, WRITTEN_BY } from './written-by.ts';

/** The HTML files the tool writes into result folders (`sim report`, `sim compare --html DIR/…`). */
const ADDED_LATER = new Set(['report.html', 'compare.html']);

/**
 * Files of result folders written before manifests listed their files: a folder from an older
 * version holding only these can be replaced, anything else in it is someone's work.
 */
const LEGACY_FILES = new Set(['manifest.json', 'summary.json', 'replications.csv', 'daily.csv', 'districts.csv', 'nodes.csv', 'leadtime-histogram.csv', 'sweep.csv', 'points']);

/** A write the tool refused because it would delete or overwrite something it did not write (exit 2). */
export class OutputRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputRefusedError';
  }
}

/**
 * Why folder `dir` must not be replaced, or undefined when it may be: it does not exist, is
 * empty, or is a result folder this tool wrote (its manifest says so) holding nothing but the
 * files that manifest lists (and the reports the tool adds later). Anything else — a file, a
 * folder of the user's, a result folder someone added notes to — is refused, untouched.
 */
export function refusalToReplaceFolder(dir: string, flag = '--out'): string | undefined {
  if (!existsSync(dir)) return undefined;
  const stat = lstatSync(dir);
  const nothing = 'nothing was written; give a new folder, or a result folder this tool wrote';
  if (!stat.isDirectory()) return `${flag} ${dir}: exists and is ${stat.isSymbolicLink() ? 'a symbolic link' : 'a file'}, not a result folder; ${nothing}`;
  const entries = readdirSync(dir).sort();
  if (entries.length === 0) return undefined;
  const manifest = readManifest(`${dir}/manifest.json`);
  if (manifest === undefined) {
    return `${flag} ${dir}: is a folder this tool did not write (no manifest.json of a result folder; it holds ${listed(entries)}); it would be replaced, so ${nothing}`;
  }
  const ours = manifestFiles(manifest);
  const foreign = entries.filter((e) => !ours.has(e) && !ADDED_LATER.has(e));
  if (foreign.length > 0) {
    return `${flag} ${dir}: is a result folder that also holds files this tool did not write (${listed(foreign)}); replacing it would delete them, so ${nothing}`;
  }
  return undefined;
}

/** Throws OutputRefusedError when `dir` may not be replaced (see refusalToReplaceFolder). */
export function assertReplaceableFolder(dir: string, flag = '--out'): void {
  const why = refusalToReplaceFolder(dir, flag);
  if (why !== undefined) throw new OutputRefusedError(why);
}

/**
 * Throws OutputRefusedError when file `path` exists and is not an HTML file this tool wrote (it
 * carries `<meta name="generator" content="india-parcel-sim">`).
 */
export function assertReplaceableHtml(path: string, flag: string): void {
  if (!existsSync(path)) return;
  const stat = lstatSync(path);
  if (!stat.isFile()) throw new OutputRefusedError(`${flag} ${path}: exists and is not a file; nothing was written; give a new file name`);
  const head = readFileSync(path, 'utf8').slice(0, 4096);
  if (!head.includes(GENERATOR_META)) {
    throw new OutputRefusedError(`${flag} ${path}: exists and was not written by this tool; nothing was written; give a new file name or remove it yourself`);
  }
}

function readManifest(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (m === null || typeof m !== 'object' || Array.isArray(m)) return undefined;
    const r = m as Record<string, unknown>;
    if (r.writtenBy === WRITTEN_BY) return r;
    // Folders from before `writtenBy`: a result folder's manifest always had these two.
    return typeof r.scenarioHash === 'string' && typeof r.version === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Top-level names of the files a manifest lists (`points/01-a/summary.json` → `points`). */
function manifestFiles(m: Record<string, unknown>): Set<string> {
  if (!Array.isArray(m.files)) return LEGACY_FILES;
  return new Set(['manifest.json', ...m.files.filter((f): f is string => typeof f === 'string').map((f) => f.split('/')[0]!)]);
}

function listed(names: readonly string[]): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
}
