import { listBuiltins } from '../scenario/index.ts';

/** `sim list`: the built-in scenarios and the question each answers. */
export function listCommand(args: { json?: boolean }): void {
  const all = listBuiltins().map(({ name, question }) => ({ name, question }));
  if (args.json) {
    process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    return;
  }
  const width = Math.max(...all.map((s) => s.name.length));
  process.stdout.write(`${all.map((s) => `  ${s.name.padEnd(width)}  ${s.question}`).join('\n')}\n\nRun one: sim run <name>; see its fields: scenarios/<name>.yaml\n`);
}
