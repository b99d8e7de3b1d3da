import { type Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';

/**
 * What reading a scenario's YAML may cost. A scenario file is a few kilobytes and a few levels
 * deep; these limits are far above that and far below what would take a machine down, so a
 * file built to exhaust memory or time (billion laughs, a megabyte of nesting) is refused with a
 * message in milliseconds rather than crashing the process.
 * - `bytes`: the largest file or `--set` value read (characters);
 * - `aliases`: yaml's `maxAliasCount`, how often an anchor's value may be reused by aliases
 *   before expansion counts as an attack (the library's default);
 * - `depth`: the deepest nesting of lists and mappings (a scenario needs about 6).
 */
export const YAML_LIMITS = { bytes: 1_048_576, aliases: 100, depth: 32 } as const;

export interface YamlProblem {
  message: string;
  /** Character offset in the text where the problem is, for a line and column. */
  offset: number;
}

export interface SafeYaml {
  doc: Document.Parsed;
  /** The value as plain JSON-like data; `{}` when there are problems. */
  value: unknown;
  problems: YamlProblem[];
}

/**
 * Parses YAML (JSON too) without letting the input decide how much memory or time it takes:
 * never throws; syntax errors, duplicate keys, alias expansion past `YAML_LIMITS.aliases`, text
 * longer than `YAML_LIMITS.bytes` and nesting deeper than `YAML_LIMITS.depth` come back as
 * problems with offsets. Duplicate keys are found here in one pass (yaml's `uniqueKeys` compares
 * every key with every other: ten thousand keys took two seconds, a hundred thousand minutes).
 */
export function parseYamlSafely(text: string, lineCounter: LineCounter = new LineCounter()): SafeYaml {
  if (text.length > YAML_LIMITS.bytes) {
    return {
      doc: parseDocument('', { lineCounter }),
      value: {},
      problems: [{ message: `${text.length.toLocaleString('en-US')} characters, more than the ${YAML_LIMITS.bytes.toLocaleString('en-US')} a scenario may have`, offset: 0 }],
    };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { doc: parseDocument('', { lineCounter }), value: {}, problems: [{ message: messageOf(error), offset: 0 }] };
  }
  const problems: YamlProblem[] = doc.errors.map((e) => ({ message: messageOf(e), offset: e.pos[0] }));
  if (problems.length === 0) problems.push(...duplicateKeys(doc));
  if (problems.length > 0) return { doc, value: {}, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases });
  } catch (error) {
    return { doc, value: {}, problems: [{ message: messageOf(error), offset: 0 }] };
  }
  const depth = nestingDepth(value, YAML_LIMITS.depth);
  if (depth > YAML_LIMITS.depth) {
    return { doc, value: {}, problems: [{ message: `lists and mappings nested more than ${YAML_LIMITS.depth} levels deep; a scenario needs about 6`, offset: 0 }] };
  }
  return { doc, value, problems };
}

/** The one-line message of a parse or expansion error, in words a user can act on. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split('\n')[0] ?? text;
  if (/call stack/i.test(first)) return `nested too deeply to read (more than ${YAML_LIMITS.depth} levels of lists and mappings is not a scenario)`;
  if (/excessive alias count/i.test(first)) {
    return `anchors and aliases expand too far (an anchor's value reused more than ${YAML_LIMITS.aliases} times: the shape of a file built to exhaust memory); write the values out or use fewer aliases`;
  }
  return first;
}

/** A key written twice in one mapping, at the second one (as yaml's uniqueKeys reports it). */
function duplicateKeys(doc: Document.Parsed): YamlProblem[] {
  const problems: YamlProblem[] = [];
  try {
    visit(doc, {
      Map(_key, map) {
        if (!isMap(map)) return;
        const seen = new Set<string>();
        for (const pair of map.items) {
          const k = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
          if (seen.has(k)) problems.push({ message: `Map keys must be unique: ${JSON.stringify(k)} is written twice`, offset: isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0 });
          seen.add(k);
        }
      },
    });
  } catch (error) {
    problems.push({ message: messageOf(error), offset: 0 });
  }
  return problems;
}

/** The nesting depth of plain data, counted without recursion and given up past `limit`. */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > deepest) deepest = d + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}
