import { describe, expect, it } from 'vitest';
import { formatSummaryTable, type ReplicationOutput, replicationsCsv, summarize, summaryJson } from './index.ts';

const meta = { scenario: 'test', scenarioHash: 'ab'.repeat(32), seed: 7 };
const output = (replication: number, metrics: Record<string, number>): ReplicationOutput => ({
  key: { scenarioHash: meta.scenarioHash, seed: 7, replication },
  metrics,
  tables: {},
  events: 0,
});

describe('summarize', () => {
  it('gives mean, sample sd, Student-t 95 % CI and n', () => {
    const s = summarize([output(0, { x: 1 }), output(1, { x: 2 }), output(2, { x: 3 })], meta);
    const m = s.metrics.x!;
    expect(m.mean).toBe(2);
    expect(m.sd).toBe(1);
    expect(m.n).toBe(3);
    // t(0.975, 2) ≈ 4.3026527 (tables: 4.303).
    expect(m.ci95[0]).toBeCloseTo(2 - 4.3026527297 / Math.sqrt(3), 9);
    expect(m.ci95[1]).toBeCloseTo(2 + 4.3026527297 / Math.sqrt(3), 9);
  });

  it('counts only finite values in n, and writes undefined statistics as null', () => {
    const s = summarize([output(0, { x: 1, y: Number.NaN }), output(1, { x: Number.NaN, y: Number.NaN }), output(2, { x: 3, y: Number.NaN })], meta);
    expect(s.metrics.x).toMatchObject({ mean: 2, n: 2 });
    const json = JSON.parse(summaryJson(s));
    expect(json.metrics.y).toEqual({ mean: null, sd: null, ci95: [null, null], n: 0 });
  });

  it('keeps metrics in the order the first replication produced them, later newcomers after', () => {
    const s = summarize([output(0, { 'b.z': 1, 'a.y': 2 }), output(1, { 'a.y': 1, 'c.new': 5, 'b.z': 2 })], meta);
    expect(Object.keys(s.metrics)).toEqual(['b.z', 'a.y', 'c.new']);
    expect(s.metrics['c.new']!.n).toBe(1);
  });

  it('writes summary.json in the documented shape', () => {
    const text = summaryJson(summarize([output(0, { 'rto.share{operator=india-post}': 0.1 }), output(1, { 'rto.share{operator=india-post}': 0.3 })], meta));
    expect(Object.keys(JSON.parse(text))).toEqual(['scenario', 'scenarioHash', 'seed', 'replications', 'metrics']);
    expect(text).toContain('"rto.share{operator=india-post}": {\n      "mean": 0.2,');
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('replicationsCsv', () => {
  it('writes one row per replication in index order, empty cells for NaN, quoted awkward names', () => {
    const csv = replicationsCsv([output(0, { a: 0.1, 'b,c': Number.NaN }), output(1, { a: 1 / 3, 'b,c': 2 })]);
    expect(csv).toBe('replication,a,"b,c"\n0,0.1,\n1,0.3333333333333333,2\n');
  });
});

describe('formatSummaryTable', () => {
  it('shows metric, mean and 95 % CI with four significant digits', () => {
    const table = formatSummaryTable(summarize([output(0, { 'leadTime.hours.mean': 26.24, 'parcels.created': 8508 }), output(1, { 'leadTime.hours.mean': 26.48, 'parcels.created': 8600 })], meta));
    expect(table).toContain('test: 2 replications, seed 7');
    expect(table).toMatch(/leadTime\.hours\.mean\s+26\.36\s+\[24\.84, 27\.88\]/);
  });
});

describe('intervals stay within what a metric can be', () => {
  it('clamps shares to [0, 1] and counts to ≥ 0, and leaves the possible side and the mean alone', () => {
    // Two replications of tiny gave within72h 93.3 % – 101.7 % and parcels.returned [−5.97, 82.97].
    const s = summarize([output(0, { 'delivered.within72h.share': 0.99, 'parcels.returned': 7, 'leadTime.hours.mean': 40, other: 1 }), output(1, { 'delivered.within72h.share': 0.96, 'parcels.returned': 70, 'leadTime.hours.mean': 41, other: 30 })], meta);
    const t = 12.706204736174703; // t(0.975, 1)
    const share = s.metrics['delivered.within72h.share']!;
    expect(share.mean).toBeCloseTo(0.975, 12);
    expect(share.ci95[0]).toBeCloseTo(0.975 - t * 0.015, 9);
    expect(share.ci95[1]).toBe(1);
    const returned = s.metrics['parcels.returned']!;
    expect(returned.ci95[0]).toBe(0);
    expect(returned.ci95[1]).toBeCloseTo(38.5 + t * 31.5, 9);
    // A metric with no known range keeps the plain t-interval, impossible or not.
    expect(s.metrics.other!.ci95[0]).toBeCloseTo(15.5 - t * 14.5, 9);
  });

  it('metricRange knows the built-in families, slices included, and leaves unknown names unbounded', async () => {
    const { metricRange } = await import('./index.ts');
    expect(metricRange('rto.share{operator=india-post}')).toEqual([0, 1]);
    expect(metricRange('firstAttempt.success.share')).toEqual([0, 1]);
    expect(metricRange('parcels.inFlight{state=Kerala}')).toEqual([0, Infinity]);
    expect(metricRange('cost.perDelivered.inr')).toEqual([0, Infinity]);
    expect(metricRange('node.utilisation{type=kirana}')).toEqual([0, Infinity]);
    expect(metricRange('my.metric')).toEqual([-Infinity, Infinity]);
  });
});

describe('formatSummaryTable with few replications', () => {
  it('says there is no interval with one replication, and that two to four give rough ones', () => {
    const one = formatSummaryTable(summarize([output(0, { x: 1 })], meta));
    expect(one).toContain('note: 1 replication, so no confidence interval');
    const two = formatSummaryTable(summarize([output(0, { x: 1 }), output(1, { x: 2 })], meta));
    expect(two).toContain('note: only 2 replications, so the intervals are wide and rough');
    const five = formatSummaryTable(summarize([0, 1, 2, 3, 4].map((r) => output(r, { x: r })), meta));
    expect(five).not.toContain('note:');
  });
});
