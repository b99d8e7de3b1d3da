import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The folder of the built-in scenarios (`scenarios/` at the repository root). */
export const BUILTIN_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Built-in scenario names (file names without `.yaml`), sorted. */
export function builtinNames(dir = BUILTIN_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Each built-in's name and question (read from the file, unresolved). */
export function listBuiltins(dir = BUILTIN_DIR): { name: string; question: string; file: string }[] {
  return builtinNames(dir).map((name) => {
    const file = `${dir}${name}.yaml`;
    const data = parse(readFileSync(file, 'utf8')) as { question?: unknown } | null;
    return { name, question: typeof data?.question === 'string' ? data.question : '', file };
  });
}
