import { type FieldPath, objectAt, parsePath } from './field-path.ts';
import { parseYamlSafely } from './parse-yaml-safely.ts';

/** A `--set path=value` from the command line, parsed. */
export interface SetOverride {
  /** For messages: the argument as given (`--set model.policy=kirana`). */
  source: string;
  path: FieldPath;
  value: unknown;
}

/**
 * `model.policies.indiaPost.tracking=true` → path and value. The value is read as YAML, so
 * `3`, `true`, `null` (delete: back to the default), `[1, 2]` and `{a: 1}` mean what they say and
 * anything else is a string. Throws an Error naming the argument when it is malformed.
 */
export function parseSet(text: string, flag = '--set'): SetOverride {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`${flag} ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)}: must be path=value, e.g. ${flag} model.policy=kirana`);
  // Messages quote the argument; a huge one (a value built to flood the screen) is cut short.
  const source = `${flag} ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
  let path: FieldPath;
  try {
    path = parsePath(text.slice(0, eq).trim());
  } catch (error) {
    throw new Error(`${source}: ${(error as Error).message}`);
  }
  const index = path.findIndex((seg) => typeof seg === 'number');
  if (index >= 0) throw new Error(`${source}: a list is set whole (a patch replaces lists), e.g. ${flag} ${text.slice(0, eq).replace(/\[\d+\].*$/, '')}=[…]`);
  const { value, problems } = parseYamlSafely(text.slice(eq + 1));
  if (problems.length > 0) throw new Error(`${source}: the value is not valid YAML or JSON (${problems[0]!.message})`);
  return { source, path, value: value === undefined ? null : value };
}

/** The patch a `--set` stands for. */
export function setPatch(set: SetOverride): unknown {
  return objectAt(set.path, set.value);
}
