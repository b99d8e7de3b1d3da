import { compare, formatCompareTable } from '../sim/compare/index.ts';
import type { IndiaShapes } from '../sim/data/index.ts';
import { renderCharts } from './charts-panel.ts';
import { stageBarsChart } from './charts/index.ts';
import { differenceByDistrict, type DistrictInfo, DISTRICT_METRICS, districtMetric, IndiaMap } from './map/index.ts';
import { compareVerdictHtml } from './compare-verdict.ts';
import { stageShiftTable } from './stage-shift-table.ts';
import { escapeHtml, summaryTable } from './summary-table.ts';
import type { ViewData } from './view-data.ts';

/**
 * Two results side by side: pick A and B among the results the page holds (runs and loaded
 * folders), then see the verdict table (sim/compare), the difference map (B − A by district),
 * where the time goes in A and B (stacked bars by stage, and the stages that moved) and both
 * results' charts.
 */
export function comparePanel(root: HTMLElement, shapes: IndiaShapes, districts: readonly DistrictInfo[], results: () => readonly ViewData[]) {
  root.innerHTML = `
    <div class="compare-controls">
      <label>A <select name="a"></select></label>
      <label>B <select name="b"></select></label>
      <label>Difference map metric <select name="metric">${DISTRICT_METRICS.map((m) => `<option value="${m.id}">${m.label}</option>`).join('')}</select></label>
      <button type="button" name="compare">Compare</button>
    </div>
    <section class="verdict" role="status" aria-live="polite"><p class="verdict-line">Pick two results and press Compare.</p></section>
    <div class="compare-body" hidden>
      <div class="compare-main">
        <div class="diff-map-host"></div>
        <div class="verdict-tables">
          <table class="verdict-table"></table>
          <details><summary>Text table (as the CLI prints it)</summary><pre class="compare-text"></pre></details>
        </div>
      </div>
      <section class="stage-compare" aria-label="Where the time goes, A and B"><figure class="chart stage-compare-chart"></figure><div class="stage-shift-host"></div></section>
      <div class="side-by-side"><div class="side a"></div><div class="side b"></div></div>
    </div>`;
  const pick = (name: string) => root.querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
  const map = new IndiaMap(shapes, districts, { width: 520, height: 560, label: 'Difference map by district, B minus A (boundaries schematic)' });
  root.querySelector('.diff-map-host')!.append(map.element);

  // Until a person picks A or B, they follow the two results added last (B the newest).
  const picked = { a: false, b: false };
  for (const name of ['a', 'b'] as const) pick(name).addEventListener('change', () => (picked[name] = true));
  const refresh = (): void => {
    const list = results();
    for (const [name, fallback] of [['a', list.length - 2], ['b', list.length - 1]] as const) {
      const select = pick(name);
      const keep = select.value;
      select.innerHTML = list.map((v, i) => `<option value="${i}">${i + 1}. ${escapeHtml(v.label)}</option>`).join('');
      select.value = picked[name] && keep !== '' && Number(keep) < list.length ? keep : String(Math.max(0, fallback));
    }
  };

  const show = (): void => {
    const list = results();
    const a = list[Number(pick('a').value)];
    const b = list[Number(pick('b').value)];
    if (a === undefined || b === undefined) return;
    const report = compare(a.set, b.set, { allowDifferentScenarios: true });
    root.querySelector('.verdict')!.innerHTML = compareVerdictHtml(report, a.label, b.label);
    root.querySelector('.compare-text')!.textContent = formatCompareTable(report);
    const table = root.querySelector('.verdict-table')!;
    table.innerHTML = `<caption>Verdicts (${report.test} test)</caption><thead><tr><th scope="col">metric</th><th scope="col">A</th><th scope="col">B</th><th scope="col">B − A</th><th scope="col">verdict</th></tr></thead><tbody>${report.rows
      .filter((r) => !r.metric.includes('{'))
      .map((r) => `<tr class="v-${r.verdict}" data-metric="${escapeHtml(r.metric)}"><th scope="row">${escapeHtml(r.metric)}</th><td>${num(r.a.mean)}</td><td>${num(r.b.mean)}</td><td>${num(r.diff)}</td><td>${r.verdict}</td></tr>`)
      .join('')}</tbody>`;
    const metric = districtMetric(pick('metric').value);
    const diff = differenceByDistrict(a.districts, b.districts, metric);
    map.setColouring({ values: diff, label: `${metric.label}: B − A`, format: metric.format, kind: 'diverging', higherIsBetter: metric.higherIsBetter });
    // Where the time goes in A and in B, bar by bar on one scale, and which stages moved.
    const stageChart = root.querySelector('.stage-compare-chart')!;
    stageChart.replaceChildren();
    stageBarsChart(stageChart, [
      { tag: 'A', metrics: a.set.summary.metrics },
      { tag: 'B', metrics: b.set.summary.metrics },
    ]);
    root.querySelector('.stage-shift-host')!.replaceChildren(stageShiftTable(root.ownerDocument, a, b));
    for (const [side, view] of [['a', a], ['b', b]] as const) {
      const host = root.querySelector(`.side.${side}`)!;
      host.replaceChildren(summaryTable(root.ownerDocument, view));
      const charts = root.ownerDocument.createElement('div');
      host.append(charts);
      renderCharts(charts, view, 420);
    }
    root.querySelector<HTMLElement>('.compare-body')!.hidden = false;
  };
  root.querySelector('button[name=compare]')!.addEventListener('click', show);
  pick('metric').addEventListener('change', show);
  return { refresh, show };
}

function num(v: number): string {
  return !Number.isFinite(v) ? '–' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(4);
}
