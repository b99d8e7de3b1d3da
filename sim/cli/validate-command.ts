import { loadIndiaData, loadIndiaShapes } from '../data/index.ts';
import { formatIssues, loadScenario } from '../scenario/index.ts';
import { UsageError } from './exit-codes.ts';
import { overridesFrom, type ScenarioArgs } from './load-or-exit.ts';

/** `sim validate <files…>`: every problem of every file, or "ok" per file; exit 2 if any file has a problem. */
export async function validateCommand(args: ScenarioArgs & { files: string[]; json?: boolean }): Promise<void> {
  const sets = overridesFrom(args);
  const results = [];
  for (const file of args.files) {
    const { scenario, issues } = await loadScenario(file, { sets, data: loadIndiaData, shapes: loadIndiaShapes });
    results.push({ file, name: scenario.name, issues });
  }
  const bad = results.filter((r) => r.issues.length > 0);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    if (bad.length > 0) process.exitCode = 2;
    return;
  }
  for (const r of results) if (r.issues.length === 0) process.stdout.write(`ok  ${r.file}  (${r.name})\n`);
  if (bad.length > 0) {
    const total = bad.reduce((n, r) => n + r.issues.length, 0);
    throw new UsageError(`${formatIssues(bad.flatMap((r) => r.issues))}\n\n${total.toLocaleString('en-US')} problem${total === 1 ? '' : 's'} in ${bad.length} of ${results.length} file${results.length === 1 ? '' : 's'}.`);
  }
}
