import { parseDocument, LineCounter } from 'yaml';
for (const n of [10, 20, 25, 30, 200]) {
  const text = '[ '.repeat(n) + '1' + ' ]: 0'.repeat(n);
  const t0 = performance.now();
  const d = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  let e = d.errors[0]?.message.slice(0, 60);
  try { if (!e) d.toJS({ maxAliasCount: 100 }); } catch (x) { e = 'toJS ' + (x as Error).message.slice(0, 60); }
  console.log(n, (performance.now() - t0).toFixed(0), 'ms', e);
}
const long = 'a: "' + 'x'.repeat(5_000_000) + '"';
let t0 = performance.now(); parseDocument(long, { prettyErrors: false }); console.log('5MB string', (performance.now() - t0).toFixed(0), 'ms');
const many = Array.from({ length: 100000 }, (_, i) => `k${i}: ${i}`).join('\n');
t0 = performance.now(); parseDocument(many, { prettyErrors: false, uniqueKeys: true }).toJS(); console.log('100k keys', (performance.now() - t0).toFixed(0), 'ms');
