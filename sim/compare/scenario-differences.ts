/** A field whose value differs between two resolved scenarios (`manifest.json`'s `scenario`). */
export interface ScenarioDifference {
  /** Dotted path, `model.policy`; keys that are not plain words are quoted: `model.nodeOverrides["Cochin NSH"]`. */
  readonly path: string;
  /** The values as JSON text; `undefined` where the field is absent on that side. */
  readonly a: string | undefined;
  readonly b: string | undefined;
}

/**
 * The fields in which two resolved scenarios differ, in the order of A's fields (then B's extra
 * ones): objects compared key by key, lists and other values whole. `question` is left out (it
 * describes, it does not simulate). Empty when either side is not an object (manifests of older
 * versions held no resolved scenario).
 */
export function scenarioDifferences(a: unknown, b: unknown): ScenarioDifference[] {
  if (!isObject(a) || !isObject(b)) return [];
  const out: ScenarioDifference[] = [];
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (isObject(x) && isObject(y)) {
      for (const key of [...Object.keys(x), ...Object.keys(y).filter((k) => !Object.hasOwn(x, k))]) {
        if (path === '' && key === 'question') continue;
        walk(x[key], y[key], join(path, key));
      }
      return;
    }
    const tx = x === undefined ? undefined : JSON.stringify(x);
    const ty = y === undefined ? undefined : JSON.stringify(y);
    if (tx !== ty) out.push({ path, a: tx, b: ty });
  };
  walk(a, b, '');
  return out;
}

/** One line a difference: `model.policy: "amazon" → "kirana"`, long values cut short. */
export function formatDifference(d: ScenarioDifference): string {
  const show = (v: string | undefined): string => (v === undefined ? '(absent)' : v.length > 40 ? `${v.slice(0, 39)}…` : v);
  return `${d.path}: ${show(d.a)} → ${show(d.b)}`;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function join(path: string, key: string): string {
  const k = /^[A-Za-z_][\w-]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return path === '' || k.startsWith('[') ? `${path}${k}` : `${path}.${k}`;
}
