import { costComponentsChart, dailyFlowChart, leadTimeCdf, leadTimeHistogram, nodeUtilisationChart, replicationSpreadChart } from './charts/index.ts';
import type { ViewData } from './view-data.ts';

/** Every chart of one result, into `container` (replacing what was there). */
export function renderCharts(container: Element, view: ViewData, width = 460): void {
  container.replaceChildren();
  const o = { width };
  for (const draw of [
    (c: Element) => leadTimeHistogram(c, view.histogram, o),
    (c: Element) => leadTimeCdf(c, view.histogram, o),
    (c: Element) => dailyFlowChart(c, view.daily, o),
    (c: Element) => costComponentsChart(c, view.set.summary, o),
    (c: Element) => nodeUtilisationChart(c, view.nodes, o),
    (c: Element) => replicationSpreadChart(c, view.set, undefined, o),
  ]) {
    const figure = container.ownerDocument.createElement('figure');
    figure.className = 'chart';
    container.append(figure);
    draw(figure);
  }
}
