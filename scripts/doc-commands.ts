/**
 * The commands a Markdown file shows a user, in the order it shows them, for the docs test
 * (`scripts/docs.test.ts`): lines of `sh` blocks, `$ command` lines of transcript blocks (with the
 * output printed under them), and inline code that is a whole command (`npx sim run tiny`).
 * Templates with placeholders (`sim run <scenario>`, `--out DIR`, `[--metric m]`, `…`) are not
 * commands and are left out.
 */
export interface DocCommand {
  /** The command as the file shows it. */
  command: string;
  /** 1-based line of the file. */
  line: number;
  /** The output a transcript block shows under it (empty when none is shown). */
  shown: string[];
}

const COMMAND = /^(?:[A-Z][A-Z0-9_]*=\S+\s+)*(?:npx sim|sim|npm start|npm run|npm ci|npm test|npx tsx|node bin\/sim\.js)(?:\s|$)/;
/** Placeholders: angle or square brackets, an ellipsis, alternatives (`run|sweep`), UPPER-CASE words. */
const PLACEHOLDER = /[<>[\]…|]|\b[A-Z]{1,5}\b(?!=)/;

export function docCommands(markdown: string): DocCommand[] {
  const lines = markdown.split('\n');
  const out: DocCommand[] = [];
  let fence: { lang: string; transcript: boolean } | null = null;
  let current: DocCommand | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const text = raw.trim();
    if (text.startsWith('```')) {
      if (fence === null) {
        const lang = text.slice(3).trim();
        const next = lines.slice(i + 1).find((l) => l.trim() !== '')?.trim() ?? '';
        fence = { lang, transcript: lang === '' && next.startsWith('$ ') };
      } else {
        fence = null;
        current = null;
      }
      continue;
    }
    if (fence !== null) {
      if (fence.transcript) {
        if (text.startsWith('$ ')) {
          current = { command: text.slice(2).trim(), line: i + 1, shown: [] };
          out.push(current);
        } else if (current !== null) current.shown.push(raw);
      } else if (['sh', 'bash', 'shell'].includes(fence.lang)) {
        const command = text.replace(/\s+#.*$/, '').trim();
        if (command !== '' && !command.startsWith('#') && COMMAND.test(command) && !PLACEHOLDER.test(command)) out.push({ command, line: i + 1, shown: [] });
      }
      continue;
    }
    for (const m of raw.matchAll(/`([^`]+)`/g)) {
      const command = m[1]!.trim();
      if (COMMAND.test(command) && !PLACEHOLDER.test(command)) out.push({ command, line: i + 1, shown: [] });
    }
  }
  // Trailing blank lines of a transcript are layout, not output.
  for (const c of out) while (c.shown.length > 0 && c.shown[c.shown.length - 1]!.trim() === '') c.shown.pop();
  return out;
}

/**
 * A line of output with what varies from run to run made alike: numbers (with grouping, signs,
 * decimals, exponents), hashes and result paths, spacing, and the names in the bottleneck lines
 * (which nodes hold parcels up depends on the scale). The docs promise the same lines "apart from
 * the numbers".
 */
export function normalizeOutputLine(line: string): string {
  return line
    .replace(/results\/\S+/g, 'results/#')
    .replace(/\b[0-9a-f]{8,}\b/g, '#')
    // Grouped thousands only in threes, so the comma between an interval's two bounds stays.
    .replace(/[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[-+]?\d+)?/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(node|lane) # .*/, '$1 #')
    .replace(/^(shifting bottleneck [^:]*:).*/, '$1');
}

/** The shown lines missing from `printed` (normalized, in order: each after the previous match). */
export function missingLines(shown: readonly string[], printed: string): string[] {
  const got = printed.split('\n').map(normalizeOutputLine);
  const missing: string[] = [];
  let at = 0;
  for (const line of shown) {
    const want = normalizeOutputLine(line);
    if (want === '') continue;
    const found = got.indexOf(want, at);
    if (found === -1) missing.push(line);
    else at = found + 1;
  }
  return missing;
}
