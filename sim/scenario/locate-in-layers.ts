import { existingDepth, type FieldPath } from './field-path.ts';
import type { SourcePosition } from './scenario.ts';
import type { ScenarioLayer } from './scenario-layer.ts';

/**
 * Where a field of the merged scenario came from: the topmost layer that wrote it, or failing
 * that, the topmost layer that wrote the longest part of its path (a required field missing from
 * a disruption points at the disruption). Undefined when no layer wrote any of it (a default).
 */
export function locateInLayers(layers: readonly ScenarioLayer[], path: FieldPath, key = false): SourcePosition | undefined {
  let best: ScenarioLayer | undefined;
  let bestDepth = 0;
  for (let i = layers.length - 1; i >= 0; i--) {
    const depth = existingDepth(layers[i]!.data, path);
    if (depth > bestDepth) {
      best = layers[i];
      bestDepth = depth;
    }
  }
  return best?.locate(path.slice(0, bestDepth), key && bestDepth === path.length);
}
