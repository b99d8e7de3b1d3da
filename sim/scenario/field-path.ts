/** A path into a scenario: object keys and array indices. */
export type FieldPath = readonly (string | number)[];

/** `['model', 'disruptions', 'diwali', 'saleDays', 0]` → `model.disruptions.diwali.saleDays[0]`; keys that are not plain words are quoted: `nodeOverrides["Cochin NSH"]`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * The inverse of `formatPath`: `model.nodeOverrides["Cochin NSH"].capacityMultiplier` →
 * segments. Throws on malformed text (an unclosed bracket, an empty segment).
 */
export function parsePath(text: string): (string | number)[] {
  const segs: (string | number)[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) throw new Error(`unclosed "[" in path ${JSON.stringify(text)}`);
      const inner = text.slice(i + 1, close);
      if (/^\d+$/.test(inner)) segs.push(Number(inner));
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) segs.push(JSON.parse(inner) as string);
      else throw new Error(`"[${inner}]" in path ${JSON.stringify(text)} must be an index [0] or a quoted key ["a key"]`);
      i = close + 1;
      if (text[i] === '.') i++;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
    const word = text.slice(i, j);
    if (word === '') throw new Error(`empty segment in path ${JSON.stringify(text)}`);
    segs.push(word);
    i = j < text.length && text[j] === '.' ? j + 1 : j;
    if (text[j] === '.' && i === text.length) throw new Error(`path ${JSON.stringify(text)} ends with "."`);
  }
  if (segs.length === 0) throw new Error('empty path');
  return segs;
}

/** The value at `path`, or undefined. */
export function getAt(value: unknown, path: FieldPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** How many leading segments of `path` exist in `value`. */
export function existingDepth(value: unknown, path: FieldPath): number {
  let v = value;
  for (let i = 0; i < path.length; i++) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, path[i]!)) return i;
    v = (v as Record<string | number, unknown>)[path[i]!];
  }
  return path.length;
}

/** A nested object holding `value` at `path` (arrays are not created: indices become keys). */
export function objectAt(path: FieldPath, value: unknown): unknown {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) out = { [String(path[i])]: out };
  return out;
}
