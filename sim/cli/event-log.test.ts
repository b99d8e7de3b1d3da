import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const SIM = fileURLToPath(new URL('../../bin/sim.js', import.meta.url));
const sim = (...args: string[]) => spawnSync(process.execPath, [SIM, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'sim-events-'));
const out = join(tmp, 'logged');
const LOG = ['--set', 'model.eventLog.enabled=true', '--set', 'model.eventLog.sampleShare=1'];

/** A CSV of plain fields (the event log quotes names with commas; tiny has none) as records. */
function table(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trimEnd().split('\n');
  const names = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [names[i]!, v])));
}

describe('--set model.eventLog.enabled=true writes the sampled parcels’ events into the result folder', () => {
  beforeAll(() => {
    const r = sim('run', 'tiny', '--days', '2', ...LOG, '--workers', '2', '--out', out);
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);

  it('events.csv: one row per event, and with every parcel sampled its rows add up to the run’s own metrics', () => {
    const events = table(readFileSync(join(out, 'events.csv'), 'utf8'));
    expect(Object.keys(events[0]!).slice(0, 9)).toEqual(['replication', 'parcel', 'minute', 'time', 'event', 'node', 'node_type', 'operator', 'to_node']);
    const reps = table(readFileSync(join(out, 'replications.csv'), 'utf8'));
    for (const rep of reps) {
      const mine = events.filter((e) => e.replication === rep.replication);
      const count = (type: string) => mine.filter((e) => e.event === type).length;
      expect(count('created')).toBe(Number(rep['parcels.created']));
      expect(count('delivered')).toBe(Number(rep['parcels.delivered']));
      expect(count('returned')).toBe(Number(rep['parcels.returned']));
      const lead = mine.filter((e) => e.event === 'delivered').map((e) => Number(e.lead_time_h));
      expect(lead.reduce((a, b) => a + b, 0) / lead.length).toBeCloseTo(Number(rep['leadTime.hours.mean']), 3);
    }
    // Every parcel's events are in time order, begin with its order and name where they happen.
    const first = events.filter((e) => e.replication === '0' && e.parcel === '0');
    expect(first[0]).toMatchObject({ event: 'created', node_type: 'fulfilment-centre', district: 'Alappuzha' });
    expect(first.map((e) => Number(e.minute))).toEqual([...first.map((e) => Number(e.minute))].sort((x, y) => x - y));
    expect(first.filter((e) => e.event !== 'returned').every((e) => e.node !== '')).toBe(true);
    expect(first[0]!.time).toMatch(/^2024-10-01T\d\d:\d\d:\d\d\+05:30$/);
  });

  it('events.ocel.json is an OCEL 2.0 log: declared types, every related object present, the same events', () => {
    const ocel = JSON.parse(readFileSync(join(out, 'events.ocel.json'), 'utf8'));
    expect(Object.keys(ocel).sort()).toEqual(['eventTypes', 'events', 'objectTypes', 'objects']);
    const csvRows = readFileSync(join(out, 'events.csv'), 'utf8').trimEnd().split('\n').length - 1;
    expect(ocel.events).toHaveLength(csvRows);
    const types = new Map<string, Set<string>>(ocel.eventTypes.map((t: { name: string; attributes: { name: string }[] }) => [t.name, new Set(t.attributes.map((a) => a.name))]));
    const objectTypes = new Set(ocel.objectTypes.map((t: { name: string }) => t.name));
    const objects = new Set<string>();
    for (const o of ocel.objects) {
      expect(objectTypes.has(o.type)).toBe(true);
      objects.add(o.id);
    }
    const ids = new Set<string>();
    for (const e of ocel.events) {
      expect(types.has(e.type), e.type).toBe(true);
      for (const a of e.attributes) expect(types.get(e.type)!.has(a.name), `${e.type}.${a.name}`).toBe(true);
      for (const r of e.relationships) expect(objects.has(r.objectId), r.objectId).toBe(true);
      expect(Number.isNaN(Date.parse(e.time))).toBe(false);
      ids.add(e.id);
    }
    expect(ids.size).toBe(ocel.events.length);
  });

  it('the manifest says how many events and how big each file is; the files are listed as the tool’s own', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.eventLog.dropped).toBe(0);
    expect(m.eventLog.events).toBe(readFileSync(join(out, 'events.csv'), 'utf8').trimEnd().split('\n').length - 1);
    for (const f of ['events.csv', 'events.ocel.json']) {
      expect(m.eventLog.files[f]).toBe(statSync(join(out, f)).size);
      expect(m.files).toContain(f);
    }
  });

  it('is the same on one worker as on two, and absent when the log is off', () => {
    const one = join(tmp, 'one-worker');
    expect(sim('run', 'tiny', '--days', '2', ...LOG, '--workers', '1', '--out', one).status).toBe(0);
    for (const f of ['events.csv', 'events.ocel.json']) expect(readFileSync(join(one, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'));
    const off = join(tmp, 'off');
    expect(sim('run', 'tiny', '--days', '1', '--replications', '1', '--out', off).status).toBe(0);
    expect(existsSync(join(off, 'events.csv'))).toBe(false);
    expect(JSON.parse(readFileSync(join(off, 'manifest.json'), 'utf8')).eventLog).toBeUndefined();
  }, 60_000);
});
