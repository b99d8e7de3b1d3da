import { parseDocument, LineCounter } from 'yaml';
const [kind, nStr] = process.argv.slice(2);
const n = Number(nStr);
const text = kind === 'flow' ? 'a: ' + '['.repeat(n) + ']'.repeat(n) : 'a:\n' + Array.from({length: n}, (_, i) => ' '.repeat(i + 1) + 'b:').join('\n');
const t0 = performance.now();
try { const d = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true }); console.log(n, 'errors', d.errors.length, d.errors[0]?.message.slice(0,80)); if (d.errors.length === 0) { d.toJS({ maxAliasCount: 100 }); console.log('toJS ok'); } } catch (e) { console.log(n, 'threw', (e as Error).name, (e as Error).message.slice(0, 100)); }
console.log((performance.now() - t0).toFixed(0), 'ms');
