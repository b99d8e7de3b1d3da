import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadIndiaData } from '../data/index.ts';
import { formatIssue, loadScenario } from './index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BAD = fileURLToPath(new URL('./fixtures/bad/', import.meta.url));
const rel = (name: string): string => relative(process.cwd(), join(BAD, name));

/** Each bad file and a line its problems must include: position, path and message. */
const CASES: [file: string, expected: (f: string) => string][] = [
  ['unknown-field.yaml', (f) => `${f}:3:1  modle  unknown field "modle" (did you mean "model"?)`],
  ['nested-typo.yaml', (f) => `${f}:4:3  model.polcy  unknown field "polcy" (did you mean "policy"?); valid fields in model: startDate`],
  ['wrong-level.yaml', (f) => `${f}:3:1  policy  unknown field "policy" (it belongs in model.policy)`],
  ['wrong-type.yaml', (f) => `${f}:3:15  replications  must be an integer in [1, 1000] (replications), given "four"`],
  ['out-of-range.yaml', (f) => `${f}:3:8  scale  must be a number in (0, 1], given 2`],
  ['bad-enum.yaml', (f) => `${f}:4:11  model.policy  must be one of amazon, india-post-rural, shared-warehouses, kirana, b2b, given "amazn" (did you mean "amazon"?)`],
  ['bad-date.yaml', (f) => `${f}:4:14  model.startDate  must be an ISO date YYYY-MM-DD, given "2024-13-01"`],
  ['date-range.yaml', (f) => `${f}:9:11  model.disruptions.rains.to  must be on or after from (2024-10-05), given "2024-10-02"`],
  ['outside-period.yaml', (f) => `${f}:7:13  model.disruptions.diwali.from  the disruption (2023-11-01..2023-11-10) lies outside the simulated days 2024-10-01..2024-10-07`],
  ['missing-base.yaml', (f) => `${f}:1:10  extends  no built-in scenario named "basline" (did you mean "baseline"?)`],
  ['missing-base-file.yaml', (f) => `${f}:1:10  extends  no file ${rel('no-such-base.yaml')}`],
  ['cycle-a.yaml', () => `${rel('cycle-b.yaml')}:1:10  extends  extends cycle: ${rel('cycle-a.yaml')} → ${rel('cycle-b.yaml')} → ${rel('cycle-a.yaml')}`],
  ['unknown-node.yaml', (f) => `${f}:7:13  model.disruptions.flood.node  no node named "Alappuzha ICHH" in this scenario's network (region: districts 598) (did you mean "Alappuzha ICH"?)`],
  ['unknown-state.yaml', (f) => `${f}:5:12  region.states[0]  unknown state "Kerla" (did you mean "Kerala"?)`],
  ['sweep-unknown-param.yaml', (f) => `${f}:4:3  sweep["network.kiranaCont"]  sweeps over "network.kiranaCont", which is not a parameter of this scenario (did you mean "network.kiranaCount"?)`],
  ['sweep-bad-value.yaml', (f) => `${f}:4:32  sweep["network.kiranaCount"][1]  network.kiranaCount: must be an integer in [0, 200,000] (stores), given -5`],
  ['syntax-error.yaml', (f) => `${f}:5:1  not valid YAML: All mapping items must start at the same column`],
  ['missing-question.yaml', (f) => `${f}:1:1  question  is required in every scenario file`],
  ['missing-field.yaml', (f) => `${f}:6:7  model.disruptions.sale.saleDays  is required`],
  ['unknown-type.yaml', (f) => `${f}:6:13  model.disruptions.rains.type  must be one of festive, monsoon, hub-closure, given "mansoon" (did you mean "monsoon"?)`],
  ['list-length.yaml', (f) => `${f}:5:13  model.demand.weekly  must be a list of 7 items of numbers`],
  ['not-ascending.yaml', (f) => `${f}:5:30  model.operations.handoffDepartures[1]  must be greater than the one before (600), given 300`],
  ['unknown-field.json', (f) => `${f}:5:5  network.kiranaCuont  unknown field "kiranaCuont" (did you mean "kiranaCount"?)`],
  ['many-problems.yaml', (f) => `${f}:8:25  model.customer.availabilityAmazon  must be a share in [0, 1], given 1.5`],
];

describe('bad scenario files', () => {
  it('every fixture in fixtures/bad/ has a case here', () => {
    const files = readdirSync(BAD).filter((f) => f !== 'cycle-b.yaml');
    expect(files.sort()).toEqual(CASES.map(([f]) => f).sort());
  });

  it.each(CASES)('%s is reported with its position, path and what is valid', async (file, expected) => {
    const { issues } = await loadScenario(join(BAD, file), { data: loadIndiaData });
    const lines = issues.map(formatIssue);
    expect(lines.some((l) => l.startsWith(expected(rel(file)))), `${lines.join('\n')}\n\ndoes not include\n${expected(rel(file))}`).toBe(true);
  });

  it('a file with several problems lists every one of them, in file order', async () => {
    const { issues } = await loadScenario(join(BAD, 'many-problems.yaml'), { data: loadIndiaData });
    expect(issues.map((i) => i.path)).toEqual(['days', 'scale', 'model.policy', 'model.customer.availabilityAmazon']);
  });

  it('sim validate and sim run exit with 2 and write nothing for every bad file', () => {
    const out = mkdtempSync(join(tmpdir(), 'sim-bad-'));
    const files = CASES.map(([f]) => join(BAD, f));
    const validate = spawnSync(process.execPath, [join(ROOT, 'bin/sim.js'), 'validate', ...files], { encoding: 'utf8' });
    expect(validate.status).toBe(2);
    expect(validate.stderr).toContain(`problems in ${CASES.length} of ${CASES.length} files`);
    for (const file of ['bad-enum.yaml', 'unknown-node.yaml']) {
      const target = join(out, file);
      const run = spawnSync(process.execPath, [join(ROOT, 'bin/sim.js'), 'run', join(BAD, file), '--out', target], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain('nothing was run');
      expect(run.stdout).toBe('');
      expect(existsSync(target)).toBe(false);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('a bad --set names the argument, the path and what is valid', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/sim.js'), 'validate', 'tiny', '--set', 'model.policy=kirna', '--days', '0'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--days days=0  days  must be an integer in [1, 366] (days), given 0');
    expect(run.stderr).toContain('--set model.policy=kirna  model.policy  must be one of amazon, india-post-rural, shared-warehouses, kirana, b2b, given "kirna" (did you mean "kirana"?)');
  });
});
