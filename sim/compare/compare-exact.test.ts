import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_REGRESSION, compareExact, exitCodeForExact, parseResultSet } from './index.ts';
import { syntheticFolder, syntheticResultSet } from './test-helpers.ts';

const metrics = { 'parcels.delivered': [100, 101, 102], 'cost.total': [5.5, 5.25, 5.125] };

describe('compareExact', () => {
  it('calls byte-identical summaries and replications identical, whatever the manifests say', () => {
    const raw = syntheticFolder({ metrics });
    const a = parseResultSet(raw);
    const b = parseResultSet({ ...raw, dir: 'other', manifestJson: raw.manifestJson.replace('1.5', '99') });
    const result = compareExact(a, b);
    expect(result).toEqual({ identical: true });
    expect(exitCodeForExact(result)).toBe(EXIT_OK);
  });

  it('names the first replication and metric that differ and both values', () => {
    const a = syntheticResultSet({ metrics });
    const b = syntheticResultSet({ metrics: { 'parcels.delivered': [100, 101, 103], 'cost.total': [5.5, 5.250000000000001, 5.125] } });
    const result = compareExact(a, b);
    expect(result).toMatchObject({ identical: false, file: 'replications.csv', metric: 'cost.total', replication: 1, a: '5.25', b: '5.250000000000001' });
    expect(exitCodeForExact(result)).toBe(EXIT_REGRESSION);
    if (!result.identical) expect(result.message).toBe('replications.csv: cost.total differs in replication 1: A "5.25", B "5.250000000000001"');
  });

  it('names a metric that differs only in the summary', () => {
    const raw = syntheticFolder({ metrics });
    const a = parseResultSet(raw);
    const b = parseResultSet({ ...raw, summaryJson: raw.summaryJson.replace('"n": 3\n    }\n  }', '"n": 4\n    }\n  }') });
    expect(compareExact(a, b)).toMatchObject({ identical: false, file: 'summary.json', metric: 'cost.total' });
  });

  it('reports a different header or row count as structural', () => {
    const a = syntheticResultSet({ metrics });
    const b = syntheticResultSet({ metrics: { 'parcels.delivered': [100, 101, 102], 'cost.perParcel': [5.5, 5.25, 5.125] } });
    expect(compareExact(a, b)).toMatchObject({ identical: false, metric: 'cost.total', replication: null, a: 'cost.total', b: 'cost.perParcel' });
    const c = syntheticResultSet({ metrics: { 'parcels.delivered': [100, 101], 'cost.total': [5.5, 5.25] } });
    expect(compareExact(a, c)).toMatchObject({ identical: false, message: 'replications.csv: A has 3 rows, B has 2' });
  });
});
