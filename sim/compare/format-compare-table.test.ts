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

  it('aligns every row under the header, grouped by slice with the slice named once', () => {
    const header = lines.find((l) => l.startsWith('metric'))!;
    const rows = lines.filter((l) => /^ {2}(cost|rto|parcels|brand)[^:]*$/.test(l));
    expect(rows).toHaveLength(4);
    const verdictColumn = header.indexOf('verdict');
    for (const row of rows) expect(row.slice(verdictColumn)).toMatch(/^(same|worse|better|changed|inconclusive)/);
    // The slice is a group's title; its rows carry the base name.
    const slice = lines.indexOf('operator=india-post');
    expect(lines.indexOf('overall')).toBeLessThan(slice);
    expect(lines[slice + 1]).toMatch(/^ {2}rto\.share +0\.08/);
  });

  it('ends with a one-line verdict that fits a terminal: outcome, exit code, counts, the worst by name', () => {
    expect(lines.at(-2)).toBe('Verdict: REGRESSION (exit 3): 1 worse (cost.perParcel +10.0 %), 1 same, 2 inconclusive of 4 metrics');
    expect(lines.at(-2)!.length).toBeLessThanOrEqual(100);
  });

  it('by default lists the headline metrics and those whose verdict is not "same"; all: true every one', () => {
    const short = formatCompareTable(report, { all: false, headline: ['parcels.lost'] });
    const rows = short.split('\n').filter((l) => /^ {2}\S/.test(l) && !l.includes(':'));
    // Hidden: cost.perParcel's neighbour parcels.lost would be, but it is a headline; nothing else is "same".
    const two = formatCompareTable(report, { all: false, headline: [] });
    expect(two).toContain('Shown: 0 headline metrics and 3 others whose verdict is not "same", of 4 (--all shows every one).');
    expect(two).not.toMatch(/^ {2}parcels\.lost/m);
    expect(rows.map((l) => l.trim().split(/ +/)[0])).toEqual(['cost.perParcel', 'parcels.lost', 'brand.new', 'rto.share']);
    expect(short).toContain('Shown: 1 headline metric and 3 others whose verdict is not "same", of 4 (--all shows every one).');
  });

  it('keeps the verdict line within 100 characters for a thousand metrics, many of them worse', () => {
    const many = Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`leadTime.hours.mean{state=State number ${i}}`, [1, 2, 3, 4, 5]]));
    const worse = Object.fromEntries(Object.keys(many).map((k) => [k, [11, 12.5, 13, 14.2, 15]]));
    const big = compare(syntheticResultSet({ metrics: many }), syntheticResultSet({ metrics: worse }));
    const verdict = formatCompareTable(big).trimEnd().split('\n').at(-1)!;
    // The worst one's name (with its state) would not fit: counts only.
    expect(verdict).toBe('Verdict: REGRESSION (exit 3): 1200 worse of 1200 metrics');
    expect(verdict.length).toBeLessThanOrEqual(100);
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
    expect(json.verdictSummary).toMatch(/^Verdict: REGRESSION \(exit 3\): 1 worse/);
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
    expect(html).toContain('REGRESSION (exit 3)');
    expect(html).toContain('1 worse (cost.perParcel +10.0 %)');
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
