import type { ViewData } from './view-data.ts';

/** The headline metrics, in this order, with a label for people. */
export const HEADLINE_METRICS: readonly [string, string][] = [
  ['parcels.created', 'parcels ordered (simulated)'],
  ['parcels.delivered', 'delivered'],
  ['leadTime.hours.mean', 'lead time, mean (h)'],
  ['leadTime.hours.p90', 'lead time, P90 (h)'],
  ['delivered.within24h.share', 'delivered within 24 h'],
  ['delivered.within48h.share', 'delivered within 48 h'],
  ['delivered.within72h.share', 'delivered within 72 h'],
  ['firstAttempt.success.share', 'first-attempt success'],
  ['rto.share', 'returned to origin (RTO)'],
  ['cost.perDelivered.inr', 'cost per delivered parcel (₹)'],
];

/**
 * The headline metrics as a table: mean and 95 % CI from summary.json. Each value cell carries
 * the exact mean in `data-mean` so a test can compare the page with the CLI to the last bit.
 */
export function summaryTable(doc: Document, view: ViewData): HTMLTableElement {
  const table = doc.createElement('table');
  table.className = 'summary-table';
  table.innerHTML = `<caption>${escapeHtml(view.label)}: ${view.set.summary.replications} replications, seed ${escapeHtml(String(view.set.summary.seed))}</caption><thead><tr><th scope="col">metric</th><th scope="col">mean</th><th scope="col">95 % CI</th></tr></thead>`;
  const body = doc.createElement('tbody');
  for (const [name, label] of HEADLINE_METRICS) {
    const m = view.set.summary.metrics[name];
    if (m === undefined) continue;
    const tr = doc.createElement('tr');
    tr.dataset.metric = name;
    const share = name.endsWith('.share');
    const f = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : share ? `${(v * 100).toFixed(1)} %` : v.toFixed(2));
    tr.innerHTML = `<th scope="row">${escapeHtml(label)}</th><td class="mean" data-mean="${m.mean ?? ''}">${f(m.mean)}</td><td>${m.ci95 === null ? '–' : `${f(m.ci95[0])} – ${f(m.ci95[1])}`}</td>`;
    body.append(tr);
  }
  table.append(body);
  return table;
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
