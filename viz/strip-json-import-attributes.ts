import type { Plugin } from 'vite';

/** `import('./x.json', { with: { type: 'json' } })`, with either quote and any spacing. */
const DYNAMIC_JSON_IMPORT = /\bimport\(\s*(['"][^'"\n]+\.json['"])\s*,\s*\{\s*with\s*:\s*\{\s*type\s*:\s*['"]json['"]\s*,?\s*\}\s*,?\s*\}\s*,?\s*\)/g;

/** The code with every dynamic JSON import's `{ with: { type: 'json' } }` removed (the specifier kept). */
export function stripDynamicJsonImportAttributes(code: string): string {
  return code.replace(DYNAMIC_JSON_IMPORT, 'import($1)');
}

/**
 * Vite's dev server serves a JSON import as a JavaScript module (`?import`), but it strips the
 * import attributes of static imports only (vitejs/vite#19095): a dynamic import keeps
 * `with { type: 'json' }`, and Chromium then refuses the module ("Expected a JSON module script").
 * Node needs the attribute (sim/data loads the dataset that way in tsx and vitest), so the page's
 * dev server drops it instead; the production build (Rolldown) handles it itself.
 */
export function stripJsonImportAttributes(): Plugin {
  return {
    name: 'india-parcel-sim:strip-json-import-attributes',
    apply: 'serve',
    transform(code, id) {
      if (!/\.[cm]?[jt]s(\?|$)/.test(id) || !code.includes('json')) return null;
      const out = stripDynamicJsonImportAttributes(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}
