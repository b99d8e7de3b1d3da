import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CompareInputError, EXIT_BAD_INPUT, loadResultSet, parseReplicationsCsv } from './index.ts';
import { syntheticFolder, tempRoot, writeSyntheticFolder } from './test-helpers.ts';

const root = tempRoot();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const metrics = { 'leadTime.hours.p90': [30.5, 31.25, Number.NaN], 'rto.share{operator=india-post}': [0.05, 0.06, 0.07] };

describe('loadResultSet', () => {
  it('reads a result folder: manifest, summary and per-replication values, empty cells as NaN', () => {
    const dir = writeSyntheticFolder(root, 'ok', { metrics });
    const set = loadResultSet(dir);
    expect(set.dir).toBe(dir);
    expect(set.manifest.scenarioName).toBe('regression-small');
    expect(set.replications.metrics).toEqual(['leadTime.hours.p90', 'rto.share{operator=india-post}']);
    expect(set.replications.replications).toEqual([0, 1, 2]);
    expect(set.replications.values['leadTime.hours.p90']).toEqual([30.5, 31.25, Number.NaN]);
    expect(set.leadTimeHistogram).toBeUndefined();
  });

  it('reads leadtime-histogram.csv when present', () => {
    const dir = writeSyntheticFolder(root, 'hist', { metrics, histogram: [{ hour: 0, count: 3 }, { hour: 6, count: 9 }] });
    expect(loadResultSet(dir).leadTimeHistogram).toEqual([{ hour: 0, count: 3 }, { hour: 6, count: 9 }]);
  });

  it('names a missing folder and exits 2', () => {
    const dir = join(root, 'nope');
    expect(() => loadResultSet(dir)).toThrow(new RegExp(`result folder ${dir}: not found`));
    try {
      loadResultSet(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(CompareInputError);
      expect((error as CompareInputError).exitCode).toBe(EXIT_BAD_INPUT);
    }
  });

  it('names the folder and every missing file', () => {
    const dir = writeSyntheticFolder(root, 'partial', { metrics });
    rmSync(join(dir, 'summary.json'));
    rmSync(join(dir, 'replications.csv'));
    expect(() => loadResultSet(dir)).toThrow(new RegExp(`result folder ${dir}: missing summary.json, replications.csv`));
  });

  it('names a file that is not valid JSON', () => {
    const dir = writeSyntheticFolder(root, 'badjson', { metrics });
    writeFileSync(join(dir, 'manifest.json'), '{ "scenarioName": ');
    expect(() => loadResultSet(dir)).toThrow(new RegExp(`${dir}/manifest.json: not valid JSON`));
  });

  it('lists every missing manifest field', () => {
    const dir = writeSyntheticFolder(root, 'fields', { metrics });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ scenarioName: 'x', seed: true }));
    expect(() => loadResultSet(dir)).toThrow(/"scenarioHash" must be a non-empty string \(hex\), given nothing; "seed" must be a number or a string, given true; "replications"/);
  });

  it('refuses a folder whose files disagree', () => {
    const dir = writeSyntheticFolder(root, 'disagree', { metrics });
    const raw = syntheticFolder({ metrics });
    writeFileSync(join(dir, 'summary.json'), raw.summaryJson.replace('abc123def4567890', 'ffff'));
    expect(() => loadResultSet(dir)).toThrow(/the files disagree: summary.json has scenarioHash ffff, manifest.json abc123def4567890/);
  });
});

describe('parseReplicationsCsv', () => {
  it('reads quoted fields, CRLF line ends and Infinity', () => {
    const table = parseReplicationsCsv('replication,"odd,name",b\r\n0,1,Infinity\r\n1,"2",\r\n', 'x.csv');
    expect(table.metrics).toEqual(['odd,name', 'b']);
    expect(table.values['odd,name']).toEqual([1, 2]);
    expect(table.values.b).toEqual([Infinity, Number.NaN]);
  });

  it('names the file, line and metric of a cell that is not a number', () => {
    expect(() => parseReplicationsCsv('replication,cost.total\n0,12\n1,abc\n', 'r/replications.csv')).toThrow(
      'r/replications.csv: line 3, metric cost.total: must be a number or empty, given "abc"',
    );
  });

  it('refuses a header without the replication column or with a short row', () => {
    expect(() => parseReplicationsCsv('rep,a\n0,1\n', 'f')).toThrow(/the header must start with "replication"/);
    expect(() => parseReplicationsCsv('replication,a,b\n0,1\n', 'f')).toThrow(/line 2 has 2 fields; the header has 3/);
  });
});
