import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * For tests of what V8 makes of our objects (elements kinds, hidden classes): runs `expression` in
 * a fresh Node with V8's natives syntax (`%HaveSameMap`, `%HasSmiElements`…), with the module at
 * `moduleUrl` imported as `m`, and returns the expression's value as JSON. A fresh process because
 * the syntax is a flag of the whole process, and because first-run effects need a first run.
 * `flags`: more V8 flags for that Node (e.g. `--no-concurrent-recompilation`, so that what is
 * optimised is optimised when the expression looks).
 */
export function v8Says(moduleUrl: URL, expression: string, flags: readonly string[] = []): string {
  const code = `const m = await import(${JSON.stringify(moduleUrl.href)}); console.log(JSON.stringify(${expression}));`;
  return execFileSync(process.execPath, ['--allow-natives-syntax', ...flags, '--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    encoding: 'utf8',
  }).trim();
}
