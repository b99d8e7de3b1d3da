import { loadOrExit } from '../sim/cli/load-or-exit.ts';
const [ref, ...sets] = process.argv.slice(2);
try { const s = await loadOrExit(ref!, { set: sets }); console.log('valid', s.name); } catch (e) { console.log((e as Error).stack); }
