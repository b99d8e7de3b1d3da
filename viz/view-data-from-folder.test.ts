import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv, simRunFolder } from './result-folder-for-tests.ts';
import { folderLabel, viewDataFromFolder } from './view-data-from-folder.ts';

let dir: string;
let files: Map<string, string>;

beforeAll(async () => {
  dir = await simRunFolder(join(mkdtempSync(join(tmpdir(), 'viz-folder-')), 'tiny'), ['tiny', '--days', '2']);
  files = new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
});

/** The folder's files with one replaced (or removed with undefined). */
function withFile(name: string, text: string | undefined): Map<string, string> {
  const out = new Map(files);
  if (text === undefined) out.delete(name);
  else out.set(name, text);
  return out;
}

/** A CSV text with its columns in reverse order and a column the reader does not know. */
function reordered(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line, i) => [i === 0 ? 'laterColumn' : 'x', ...line.split(',').reverse()].join(','))
    .join('\n');
}

describe('viewDataFromFolder, on a folder written by `sim run tiny`', () => {
  it('keys every district row by its Census code, with the name and numbers of its districts.csv row', () => {
    const view = viewDataFromFolder('tiny', files);
    const rows = readCsv(join(dir, 'districts.csv'));
    expect(view.districts).toHaveLength(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    for (const [i, row] of rows.entries()) {
      expect(view.districts[i]).toEqual({
        code: Number(row.code),
        name: row.district,
        state: row.state,
        created: Number(row.created),
        delivered: Number(row.delivered),
        returned: Number(row.returned),
        leadTimeHoursMean: Number(row.leadTimeHoursMean),
        within48hShare: Number(row.within48hShare),
      });
    }
    // tiny is Alappuzha (Census code 598): the district the CLI test finds in the same file.
    expect(view.districts.map((d) => d.code)).toContain(598);
    expect(view.source).toBe('folder');
  });

  it('reads the daily and node-type tables and the histogram by column name', () => {
    const view = viewDataFromFolder('tiny', files);
    const daily = readCsv(join(dir, 'daily.csv'));
    expect(view.daily.map((d) => [d.day, d.created, d.backlog])).toEqual(daily.map((r) => [Number(r.day), Number(r.created), Number(r.backlog)]));
    const types = readCsv(join(dir, 'node-types.csv'));
    expect(view.nodes.map((n) => [n.type, n.nodes, n.utilisation])).toEqual(types.map((r) => [r.type, Number(r.nodes), Number(r.utilisation)]));
    expect(view.histogram.reduce((s, b) => s + b.count, 0)).toBe(readCsv(join(dir, 'leadtime-histogram.csv')).reduce((s, r) => s + Number(r.count), 0));
  });

  it('finds columns by name in any order, ignoring columns it does not know', () => {
    const plain = viewDataFromFolder('tiny', files);
    const shuffled = viewDataFromFolder('tiny', withFile('districts.csv', reordered(files.get('districts.csv')!)));
    expect(shuffled.districts).toEqual(plain.districts);
    expect(viewDataFromFolder('tiny', withFile('daily.csv', reordered(files.get('daily.csv')!))).daily).toEqual(plain.daily);
  });

  it('takes the by-type table from node-types.csv (the new name) as from the old by-type nodes.csv, and says an old folder has no node rows', () => {
    const plain = viewDataFromFolder('tiny', files);
    const old = withFile('node-types.csv', undefined);
    old.set('nodes.csv', files.get('node-types.csv')!);
    old.delete('lanes.csv');
    const view = viewDataFromFolder('tiny', old);
    expect(view.nodes).toEqual(plain.nodes);
    expect(view.perNode).toBeUndefined();
    expect(view.perNodeNote).toBe('This result has no per-node table: its nodes.csv is the by-type table of folders written before sim run wrote one row per node.');
    expect(view.perLane).toBeUndefined();
    expect(view.perLaneNote).toBe('This result has no lanes.csv: it was written before sim run wrote one.');
  });

  it('reads every row of nodes.csv and lanes.csv by column name, in any column order', () => {
    const view = viewDataFromFolder('tiny', files);
    const nodes = readCsv(join(dir, 'nodes.csv'));
    expect(view.perNode).toHaveLength(nodes.length);
    expect(nodes.length).toBeGreaterThan(100);
    const text = ['name', 'type', 'operator', 'district', 'state'];
    for (const [i, row] of nodes.entries()) {
      const shown = view.perNode![i]! as unknown as Record<string, unknown>;
      for (const [column, cell] of Object.entries(row)) {
        const want = text.includes(column) ? cell : column === 'districtCode' && cell === '' ? null : Number(cell);
        expect(shown[column], `${column} of node ${row.id}`).toBe(want);
      }
    }
    const lanes = readCsv(join(dir, 'lanes.csv'));
    expect(view.perLane!.map((l) => [l.from, l.toName, l.mode, l.meanFill, l.waitParcelHours])).toEqual(lanes.map((r) => [Number(r.from), r.toName, r.mode, Number(r.meanFill), Number(r.waitParcelHours)]));
    const shuffled = viewDataFromFolder('tiny', withFile('nodes.csv', reordered(files.get('nodes.csv')!)));
    expect(shuffled.perNode).toEqual(view.perNode);
    expect(viewDataFromFolder('tiny', withFile('lanes.csv', reordered(files.get('lanes.csv')!))).perLane).toEqual(view.perLane);
  });

  it('sums a one-row-per-node nodes.csv by type when there is no node-types.csv', () => {
    const perNode = [
      'id,name,type,operator,district,state,lat,lon,capacityPerDay,handledPerDay,utilisation,queueMean,queueMax,waitHoursMean,waitHoursP90',
      '0,FC Bhiwandi,fulfilment-centre,amazon,Thane,Maharashtra,19.3,73.06,1000,600,0.6,0,0,1,2',
      '1,FC Hoskote,fulfilment-centre,amazon,Bangalore Rural,Karnataka,13.07,77.8,3000,1400,0.466667,0,0,1,2',
      '2,"Station, Kochi",delivery-station,amazon,Ernakulam,Kerala,9.98,76.28,500,100,0.2,3,9,4,8',
    ].join('\n');
    const noTypes = withFile('nodes.csv', perNode);
    noTypes.delete('node-types.csv');
    const view = viewDataFromFolder('tiny', noTypes);
    // A per-node table short of columns still gives the by-type sums, and says which columns it lacks.
    expect(view.perNode).toBeUndefined();
    expect(view.perNodeNote).toMatch(/^This result has no per-node table: result folder tiny: nodes\.csv has no column "districtCode", "staff", "expectedPerDay", "waitParcelHours" \(its columns: id, name,/);
    expect(view.nodes).toEqual([
      { type: 'fulfilment-centre', nodes: 2, capacityPerDay: 4000, handledPerDay: 2000, utilisation: 0.5 },
      { type: 'delivery-station', nodes: 1, capacityPerDay: 500, handledPerDay: 100, utilisation: 0.2 },
    ]);
  });

  it('treats missing optional files as absent, and a lanes.csv it cannot read as a note naming its missing columns', () => {
    let partial = new Map(files);
    for (const name of ['daily.csv', 'districts.csv', 'nodes.csv', 'node-types.csv', 'leadtime-histogram.csv']) partial.delete(name);
    partial.set('lanes.csv', 'from,to,mode,parcelsPerDay\n1,2,road,5\n');
    const view = viewDataFromFolder('tiny', partial);
    expect([view.districts, view.daily, view.nodes, view.histogram]).toEqual([[], [], [], []]);
    expect([view.perNode, view.perLane]).toEqual([undefined, undefined]);
    expect(view.perNodeNote).toBe('This result has no per-node table (no nodes.csv).');
    expect(view.perLaneNote).toMatch(/^This result has no lane table the page can read: result folder tiny: lanes\.csv has no column "fromName", "toName",/);
    expect(view.set.summary.metrics['parcels.created']?.mean).toBeGreaterThan(0);
    partial = withFile('summary.json', undefined);
    expect(() => viewDataFromFolder('tiny', partial)).toThrow('result folder tiny: summary.json is missing');
  });

  it('names the file and the column when a column it needs is missing, instead of drawing NaN', () => {
    const noCode = files.get('districts.csv')!.replace(/^code,/, 'censusCode,');
    expect(() => viewDataFromFolder('tiny', withFile('districts.csv', noCode))).toThrow(/districts\.csv has no column "code" \(its columns: censusCode, district, state,/);
  });

  it('labels a folder by its last path segment', () => {
    expect(folderLabel('/@fs/tmp/runs/baseline-1-ab12/')).toBe('baseline-1-ab12');
    expect(folderLabel('results\\kirana')).toBe('kirana');
  });
});
