import { describe, expect, it } from 'vitest';
import { compare, compareToJson, formatCompareTable, renderCompareHtml } from './index.ts';
import { syntheticResultSet } from './test-helpers.ts';

const a = syntheticResultSet({
  dir: 'results/baselines/regression-small',
  metrics: {
    'cost.perParcel': [60, 61, 62, 63, 64],
    'rto.share{operator=india-post}': [0.08, 0.09, 0.07, 0.085, 0.075],
    'parcels.lost': [0, 0, 0, 0, 0],
    'brand.new': [1, Number.NaN, Number.NaN, Number.NaN, Number.NaN],
  },
  histogram: [{ hour: 12, count: 10 }, { hour: 24, count: 30 }, { hour: 36, count: 5 }],
});
const b = syntheticResultSet({
  dir: 'results/run-7',
  metrics: {
    'cost.perParcel': [66, 67.2, 68.1, 69.3, 70.4],
    'rto.share{operator=india-post}': [0.081, 0.088, 0.072, 0.084, 0.076],
    'parcels.lost': [0, 0, 0, 0, 0],
    'brand.new': [1, 2, 3, 4, 5],
  },
  histogram: [{ hour: 12, count: 12 }, { hour: 24, count: 25 }, { hour: 36, count: 9 }],
});
const report = compare(a, b);

describe('formatCompareTable', () => {
  const text = formatCompareTable(report);
  const lines = text.split('\n');

  it('states the test and the correction method', () => {
    expect(text).toContain('Test: paired t-test on per-replication differences');
    expect(text).toContain('Holm (controls the family-wise error rate), alpha = 0.05');
    expect(formatCompareTable(compare(a, b, { correction: 'bh' }))).toContain('Benjamini–Hochberg (controls the false discovery rate)');
  });

  it('aligns every row under the header', () => {
    const header = lines.find((l) => l.startsWith('metric'))!;
    const rows = lines.filter((l) => /^(cost|rto|parcels|brand)/.test(l));
    expect(rows).toHaveLength(4);
    const verdictColumn = header.indexOf('verdict');
    for (const row of rows) expect(row.slice(verdictColumn)).toMatch(/^(same|worse|better|changed|inconclusive)/);
  });

  it('ends with a one-line verdict naming the regression and the exit code', () => {
    expect(lines.at(-2)).toMatch(/^Verdict: 1 worse, 0 better, 0 changed, \d same, \d inconclusive \(need more replications\) of 4 metrics: REGRESSION: cost\.perParcel \+\d+\.\d %\s?\(exit 3\)$/);
  });

  it('explains rows that need a word', () => {
    expect(text).toContain('brand.new: fewer than 2 replications with finite values on both sides (1): no test');
  });
});

describe('compareToJson', () => {
  it('is valid JSON with the method in words, the verdict line and the exit code; NaN becomes null', () => {
    const json = JSON.parse(compareToJson(report));
    expect(json.correctionMethod).toMatch(/^Holm/);
    expect(json.exitCode).toBe(3);
    expect(json.verdictSummary).toMatch(/^Verdict: 1 worse/);
    const brandNew = json.rows.find((r: { metric: string }) => r.metric === 'brand.new');
    expect(brandNew.a.sd).toBeNull();
    expect(brandNew.p).toBeNull();
  });
});

describe('renderCompareHtml', () => {
  const html = renderCompareHtml(report, a, b);

  it('is one self-contained page: no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|src=|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('draws a forest plot row per metric and the verdict line', () => {
    expect(html.match(/class="metric"/g)).toHaveLength(4);
    expect(html).toContain('rto.share{operator=india-post}');
    expect(html).toContain('REGRESSION: cost.perParcel');
  });

  it('overlays the lead-time distributions only when both folders have them', () => {
    expect(html).toContain('Lead-time distributions');
    expect(html.match(/<path d="M/g)).toHaveLength(2);
    const { leadTimeHistogram: _dropped, ...bare } = b;
    expect(renderCompareHtml(report, a, bare)).not.toContain('Lead-time distributions');
  });

  it('escapes names that could break the markup', () => {
    const x = syntheticResultSet({ metrics: { 'odd<metric>&"': [1, 2, 3] } });
    const page = renderCompareHtml(compare(x, x), x, x);
    expect(page).toContain('odd&lt;metric&gt;&amp;&quot;');
    expect(page).not.toContain('odd<metric>');
  });
});
