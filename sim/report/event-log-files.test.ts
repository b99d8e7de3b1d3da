import { describe, expect, it } from 'vitest';
import type { ReplicationOutput } from '../run/index.ts';
import { eventLogFiles, istTime, MAX_OCEL_EVENTS } from './index.ts';

const output = (replication: number, tables: Record<string, unknown>): ReplicationOutput => ({ key: { scenarioHash: 'h', seed: 1, replication }, metrics: {}, tables, events: 0 });
const places = { nodes: { 0: ['Hub, North', 'sort-centre', 'amazon', 'Kerala'], 1: ['Station "A"', 'delivery-station', 'amazon', 'Kerala'] }, lanes: { 5: { mode: 'rail' } } };

describe('eventLogFiles', () => {
  it('writes nothing when no replication logged events', () => {
    expect(eventLogFiles([output(0, { daily: {} })], '2024-10-01')).toBeUndefined();
  });

  it('quotes names as RFC 4180 says, and fills the columns each event type has', () => {
    const log = [
      { type: 'departed', t: 61.5, parcel: 3, lane: 5, from: 0, to: 1 },
      { type: 'attempt', t: 1500, parcel: 3, node: 1, attempt: 1, success: false, refused: true },
      { type: 'returned', t: 9000, parcel: 3 },
    ];
    const { files, record } = eventLogFiles([output(2, { eventLog: log, eventLogDropped: 4, eventLogPlaces: places })], '2024-10-01')!;
    const lines = files['events.csv']!.trimEnd().split('\n');
    expect(lines[1]).toBe('2,3,61.5,2024-10-01T01:01:30+05:30,departed,"Hub, North",sort-centre,amazon,"Station ""A""",rail,,,,,,,,,');
    expect(lines[2]).toBe('2,3,1500,2024-10-02T01:00:00+05:30,attempt,"Station ""A""",delivery-station,amazon,,,1,false,true,,,,,,');
    expect(lines[3]).toBe('2,3,9000,2024-10-07T06:00:00+05:30,returned,,,,,,,,,,,,,,');
    expect(record).toMatchObject({ events: 3, dropped: 4 });
  });

  it(`keeps events.csv alone, and says why, past ${MAX_OCEL_EVENTS.toLocaleString('en-US')} events`, () => {
    const log = Array.from({ length: MAX_OCEL_EVENTS + 1 }, (_, i) => ({ type: 'arrived', t: i, parcel: i, node: 0 }));
    const { files, record } = eventLogFiles([output(0, { eventLog: log, eventLogPlaces: places })], '2024-10-01')!;
    expect(Object.keys(files)).toEqual(['events.csv']);
    expect(record.note).toContain('events.ocel.json not written: 200,001 events');
  });
});

describe('istTime', () => {
  it('is the IST wall clock, whatever the machine’s time zone, across month ends', () => {
    expect(istTime('2024-10-31', 0)).toBe('2024-10-31T00:00:00+05:30');
    expect(istTime('2024-10-31', 1440 + 90.5)).toBe('2024-11-01T01:30:30+05:30');
    expect(Date.parse(istTime('2024-10-01', 330))).toBe(Date.UTC(2024, 9, 1, 0, 0, 0)); // 05:30 IST is midnight UTC
  });
});
