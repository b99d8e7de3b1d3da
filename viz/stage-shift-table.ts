import { SLICE_LABEL, STAGE_STYLE, stageBars } from './charts/index.ts';
import { escapeHtml } from './summary-table.ts';
import type { ViewData } from './view-data.ts';

/**
 * Which stages a change moved: for all delivered parcels, each stage's mean hours in A and B and
 * B − A (summary.json's `leadTime.stage.hours.<stage>`), the stage that moved most marked. Each
 * row carries the exact numbers in `data-a`, `data-b`, `data-diff`.
 */
export function stageShiftTable(doc: Document, a: ViewData, b: ViewData, slice = 'all'): HTMLElement {
  const [barA] = stageBars(a.set.summary.metrics).filter((r) => r.slice === slice);
  const [barB] = stageBars(b.set.summary.metrics).filter((r) => r.slice === slice);
  const wrap = doc.createElement('div');
  wrap.className = 'stage-shift';
  if (barA === undefined || barB === undefined) {
    wrap.innerHTML = `<p class="no-stages">No stage breakdown to compare: ${escapeHtml([barA === undefined ? 'A' : '', barB === undefined ? 'B' : ''].filter(Boolean).join(' and '))} ${barA === undefined && barB === undefined ? 'have' : 'has'} no leadTime.stage.hours metrics (written before sim run split lead time into stages).</p>`;
    return wrap;
  }
  const rows = barA.stages.map((s, i) => ({ stage: s.stage, a: s.hours, b: barB.stages[i]?.hours ?? 0 })).filter((r) => r.a > 0 || r.b > 0);
  const moved = rows.reduce((m, r) => (Math.abs(r.b - r.a) > Math.abs(m.b - m.a) ? r : m), rows[0] ?? { stage: '', a: 0, b: 0 });
  const f = (v: number): string => v.toFixed(1);
  // The sign of the number shown: a change that rounds to 0.0 reads ±0.0.
  const d = (v: number): string => {
    const r = Math.round(v * 10) / 10;
    return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r).toFixed(1)}`;
  };
  wrap.innerHTML = `<table class="stage-shift-table"><caption>Which stages moved: ${escapeHtml(SLICE_LABEL[slice] ?? slice)}, mean hours per delivered parcel</caption>
<thead><tr><th scope="col">stage</th><th scope="col">A</th><th scope="col">B</th><th scope="col">B − A</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr data-stage="${r.stage}" data-a="${r.a}" data-b="${r.b}" data-diff="${r.b - r.a}"${r === moved && r.a !== r.b ? ' class="moved-most"' : ''}><th scope="row"><span class="swatch" style="background:${STAGE_STYLE[r.stage]?.color ?? '#bbb'}"></span> ${escapeHtml(STAGE_STYLE[r.stage]?.label ?? r.stage)}</th><td>${f(r.a)}</td><td>${f(r.b)}</td><td>${d(r.b - r.a)}</td></tr>`,
    )
    .join('')}<tr class="total" data-stage="total" data-a="${barA.total}" data-b="${barB.total}" data-diff="${barB.total - barA.total}"><th scope="row">lead time (mean)</th><td>${f(barA.total)}</td><td>${f(barB.total)}</td><td>${d(barB.total - barA.total)}</td></tr></tbody></table>`;
  return wrap;
}
