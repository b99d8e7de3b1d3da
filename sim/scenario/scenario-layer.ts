import { isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import type { FieldPath } from './field-path.ts';
import { parseYamlSafely } from './parse-yaml-safely.ts';
import type { ScenarioIssue, SourcePosition } from './scenario.ts';

/**
 * One layer of a scenario (a file, or one `--set`) as data plus a way back to where each field
 * was written, so a problem found in the merged scenario points at the line that caused it.
 */
export interface ScenarioLayer {
  /** For messages: the file as given, or `--set model.policy=kirana`. */
  source: string;
  /** Absolute path of the file; undefined for the command line. */
  file?: string;
  /** The file could not be parsed: `data` is empty and its problems were reported. */
  broken?: boolean;
  /** The layer's data (a merge patch over the layers below). */
  data: unknown;
  /** Where the value at `path` (or, with `key`, its key) was written; falls back to the deepest part of the path that exists. */
  locate(path: FieldPath, key?: boolean): SourcePosition;
}

/**
 * Parses YAML (JSON is YAML too) keeping positions. Syntax errors, and input built to exhaust
 * memory or time (see `parseYamlSafely`), become issues (with line and column) and the layer
 * holds no data.
 */
export function parseLayer(text: string, source: string, file?: string): { layer: ScenarioLayer; issues: ScenarioIssue[] } {
  const lineCounter = new LineCounter();
  const { doc, value, problems } = parseYamlSafely(text, lineCounter);
  const pos = (offset: number): SourcePosition => {
    const p = lineCounter.linePos(offset);
    return { source, line: p.line, col: p.col };
  };
  const issues: ScenarioIssue[] = problems.map((p) => ({ path: '', message: `not valid YAML: ${p.message}`, at: pos(p.offset) }));
  const data = issues.length === 0 ? value : {};
  const locate = (path: FieldPath, key = false): SourcePosition => {
    let node: unknown = doc.contents;
    let at: SourcePosition = { source, line: 1, col: 1 };
    if (isNode(node) && node.range) at = pos(node.range[0]);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) return at;
        const keyNode = pair.key;
        if (isNode(keyNode) && keyNode.range) at = pos(keyNode.range[0]);
        if (last && key) return at;
        node = pair.value;
        // `key:` with nothing after it: the key is the best place to point at.
        if (isNode(node) && node.range && !(isScalar(node) && node.value === null && node.range[0] === node.range[1])) at = pos(node.range[0]);
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (!isNode(item) || !item.range) return at;
        node = item;
        at = pos(item.range[0]);
      } else {
        return at;
      }
    }
    return at;
  };
  return { layer: { source, ...(file !== undefined && { file }), ...(issues.length > 0 && { broken: true }), data, locate }, issues };
}

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'range' in x;
}

/** A layer made on the command line (`--set`, `--days`…): every position is the argument itself. */
export function argumentLayer(source: string, data: unknown): ScenarioLayer {
  return { source, data, locate: () => ({ source, line: 0, col: 0 }) };
}
