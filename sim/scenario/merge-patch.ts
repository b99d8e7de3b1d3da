/**
 * JSON Merge Patch (RFC 7396): objects merge key by key, `null` deletes a key, anything else
 * (arrays included) replaces. Returns a new value; neither input is changed. `keepsNull(path)`
 * names the maps whose entries take `null` as a value (`network.nodes`: null removes the node),
 * where a `null` is kept instead of deleting the key.
 */
export function mergePatch(target: unknown, patch: unknown, keepsNull?: (path: readonly string[]) => boolean, path: readonly string[] = []): unknown {
  if (!isPlainObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null && keepsNull?.(path)) out[key] = null;
    else if (value === null) delete out[key];
    else out[key] = mergePatch(out[key] === null ? undefined : out[key], value, keepsNull, [...path, key]);
  }
  return out;
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
