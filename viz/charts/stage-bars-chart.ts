import * as d3 from 'd3';
import { stageTable } from '../../sim/report/index.ts';
import { chartFrame, type FrameOptions } from './chart-frame.ts';

/** A summary's metric means by name (summary.json's `metrics`). */
type Means = Readonly<Record<string, { mean: number | null } | undefined>>;

/**
 * The stages of a delivered parcel's lead time (sim/model's `STAGES`, in the order a parcel meets
 * them), named for people. Colours: Okabe–Ito where it has them, so neighbouring segments stay
 * apart with the common colour-vision deficiencies; waits in warm colours, moving in cool ones.
 */
export const STAGE_STYLE: Readonly<Record<string, { label: string; color: string }>> = {
  pickWait: { label: 'waiting for the pick wave', color: '#F0E442' },
  pickPack: { label: 'pick and pack', color: '#999999' },
  departureWait: { label: 'waiting for a departure', color: '#D55E00' },
  transit: { label: 'in transit', color: '#0072B2' },
  sortHandoff: { label: 'sorting and hand-offs', color: '#56B4E9' },
  dwell: { label: 'dwell without tracking', color: '#882255' },
  lastMileWait: { label: 'waiting for a delivery wave', color: '#E69F00' },
  firstAttempt: { label: 'out for the first attempt', color: '#009E73' },
  reattempts: { label: 're-attempts', color: '#CC79A7' },
};

/** The slices of the stage table (sim/report's `stageTable`) as people read them. */
export const SLICE_LABEL: Readonly<Record<string, string>> = { all: 'all parcels', amazon: 'Amazon', 'india-post': 'India Post', kirana: 'kirana', urban: 'urban', rural: 'rural' };

/** One bar: a slice of one result, its stages' mean hours and the result's mean lead time for the slice. */
export interface StageBar {
  slice: string;
  /** Which result, when several share the chart ('A', 'B'); '' for one. */
  tag: string;
  stages: { stage: string; hours: number }[];
  /** `leadTime.hours.mean` of the slice, from the summary (the stages add up to it). */
  total: number;
}

/** A result's bars: all parcels, each operator and each area that delivered any; none when its summary has no stage metrics. */
export function stageBars(metrics: Means, tag = ''): StageBar[] {
  if (!Object.keys(metrics).some((k) => k.startsWith('leadTime.stage.hours.'))) return [];
  const { slices, rows } = stageTable(metrics as Readonly<Record<string, { mean: number } | undefined>>);
  return slices.map((slice, i) => ({
    slice,
    tag,
    stages: rows.filter((r) => r.stage !== 'total').map((r) => ({ stage: r.stage, hours: r.hours[i] ?? 0 })),
    total: rows.find((r) => r.stage === 'total')?.hours[i] ?? 0,
  }));
}

const h1 = (v: number): string => v.toFixed(1);

/**
 * "Where the time goes": a stacked bar per slice (all parcels, operator, area), segments the
 * stages' mean hours, so a bar's length is the slice's mean lead time. With two results (`tag`
 * A and B) their bars for a slice sit next to each other on one scale, which shows the stages a
 * change moved. Each segment's `<title>` gives its hours (hover in the page, tooltip in the
 * report); `data-hours` and the total's `data-total` carry the exact numbers.
 */
export function stageBarsChart(container: Element, results: readonly { tag: string; metrics: Means }[], options: FrameOptions = {}): SVGSVGElement {
  const bars = results.flatMap((r) => stageBars(r.metrics, r.tag));
  // Slices in stageTable's order (a slice only B has still takes its place), each result's bar under the slice.
  const canonical = Object.keys(SLICE_LABEL);
  const order = [...new Set(bars.map((b) => b.slice))].sort((a, b) => canonical.indexOf(a) - canonical.indexOf(b));
  bars.sort((a, b) => order.indexOf(a.slice) - order.indexOf(b.slice));
  const shown = Object.keys(STAGE_STYLE).filter((s) => bars.some((b) => b.stages.some((x) => x.stage === s && x.hours > 0)));
  const width = options.width ?? 700;
  const legendRows = legendLayout(shown, width - 16);
  const legendHeight = 16 * (legendRows.at(-1)?.row ?? 0) + 20;
  const band = 20;
  const margin = { top: 28 + legendHeight, right: 64, bottom: 34, left: results.length > 1 ? 110 : 92 };
  const height = options.height ?? margin.top + margin.bottom + Math.max(1, bars.length) * band * 1.25;
  const f = chartFrame(container, 'Where the time goes: mean hours per delivered parcel, by stage', { ...options, width, height, margin });
  f.svg.attr('class', 'stage-bars');
  if (bars.length === 0) {
    f.plot.append('text').attr('class', 'no-data').attr('x', f.width / 2).attr('y', f.height / 2).attr('text-anchor', 'middle').attr('fill', '#666').text('no stage breakdown in this result (written before sim run split lead time into stages)');
    return f.svg.node()!;
  }
  const legend = f.svg.append('g').attr('class', 'stage-legend').attr('transform', 'translate(8,26)');
  for (const item of legendRows) {
    const g = legend.append('g').attr('transform', `translate(${item.x},${item.row * 16})`).attr('data-stage', item.stage);
    g.append('rect').attr('width', 10).attr('height', 10).attr('fill', STAGE_STYLE[item.stage]!.color).attr('stroke', '#333').attr('stroke-width', 0.5);
    g.append('text').attr('x', 14).attr('y', 9).text(STAGE_STYLE[item.stage]!.label);
  }
  // A band per slice, and in it a bar per result (A above B), so a slice's bars sit together.
  const tags = [...new Set(bars.map((b) => b.tag))];
  const x = d3.scaleLinear().domain([0, d3.max(bars, (b) => Math.max(b.total, d3.sum(b.stages, (s) => s.hours))) || 1]).nice().range([0, f.width]);
  const outer = d3.scaleBand().domain(order).range([0, f.height]).paddingInner(tags.length > 1 ? 0.3 : 0.2).paddingOuter(0.1);
  const inner = d3.scaleBand().domain(tags).range([0, outer.bandwidth()]).paddingInner(0.08);
  const bandwidth = inner.bandwidth();
  f.plot.append('g').attr('transform', `translate(0,${f.height})`).call(d3.axisBottom(x).ticks(6));
  f.plot.append('text').attr('x', f.width / 2).attr('y', f.height + 30).attr('text-anchor', 'middle').text('hours');
  f.plot.append('line').attr('y1', 0).attr('y2', f.height).attr('stroke', '#333');
  const sliceLabels = f.plot.append('g').attr('class', 'slice-labels').attr('text-anchor', 'end');
  for (const slice of order) {
    sliceLabels.append('text').attr('x', tags.length > 1 ? -22 : -6).attr('y', outer(slice)! + outer.bandwidth() / 2 + 4).text(SLICE_LABEL[slice] ?? slice);
  }
  const rows = f.plot.selectAll('g.stage-bar').data(bars).join('g').attr('class', 'stage-bar').attr('data-slice', (b) => b.slice).attr('data-result', (b) => b.tag).attr('transform', (b) => `translate(0,${outer(b.slice)! + inner(b.tag)!})`);
  if (tags.length > 1) rows.append('text').attr('class', 'tag').attr('x', -6).attr('y', bandwidth / 2 + 4).attr('text-anchor', 'end').attr('font-weight', 600).text((b) => b.tag);
  rows.each(function (b) {
    const g = d3.select(this);
    let start = 0;
    for (const { stage, hours } of b.stages) {
      if (hours <= 0) continue;
      const style = STAGE_STYLE[stage] ?? { label: stage, color: '#bbb' };
      const x0 = x(start);
      const w = x(start + hours) - x0;
      const seg = g.append('g').attr('class', 'stage').attr('data-stage', stage).attr('data-hours', hours);
      seg.append('rect').attr('x', x0).attr('width', Math.max(0, w)).attr('height', bandwidth).attr('fill', style.color).attr('stroke', '#fff').attr('stroke-width', 0.5);
      seg.append('title').text(`${SLICE_LABEL[b.slice] ?? b.slice}${b.tag ? ` (${b.tag})` : ''}, ${style.label}: ${h1(hours)} h of ${h1(b.total)} h (${((100 * hours) / (b.total || 1)).toFixed(0)} %)`);
      if (w >= 24) {
        seg.append('text').attr('x', x0 + w / 2).attr('y', bandwidth / 2 + 4).attr('text-anchor', 'middle').attr('fill', dark(style.color) ? '#fff' : '#000').attr('pointer-events', 'none').text(h1(hours));
      }
      start += hours;
    }
    g.append('text').attr('class', 'total').attr('data-total', b.total).attr('x', x(start) + 4).attr('y', bandwidth / 2 + 4).text(`${h1(b.total)} h`);
  });
  return f.svg.node()!;
}

/** Legend items placed left to right, wrapping at `width` (text width estimated: the report has no layout engine). */
function legendLayout(stages: readonly string[], width: number): { stage: string; x: number; row: number }[] {
  const out: { stage: string; x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const stage of stages) {
    const w = 14 + 5.6 * (STAGE_STYLE[stage]?.label.length ?? stage.length) + 14;
    if (x > 0 && x + w > width) (x = 0), row++;
    out.push({ stage, x, row });
    x += w;
  }
  return out;
}

/** Whether white text reads better than black on this colour (relative luminance below ~0.4). */
function dark(color: string): boolean {
  const c = d3.rgb(color);
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b < 110;
}
