import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { deliveredSlices, readCsv, SLICE_SUFFIX, topRows } from './result-folder-for-tests.ts';

/**
 * Test support (no test here): what a person sees of "where the time goes", the bottlenecks and a
 * node's detail, checked against a result folder's own files (summary.json means, nodes.csv and
 * lanes.csv rows read by result-folder-for-tests.ts's parser).
 */

/** The stacked bars under `host` for result `tag` ('' alone, 'A'/'B' in Compare): a bar per slice that delivered, segments summing to the slice's mean lead time. */
export async function expectStageBars(page: Page, host: string, means: Record<string, number>, tag = ''): Promise<void> {
  const bars = await page.locator(`${host} svg.stage-bars g.stage-bar[data-result="${tag}"]`).evaluateAll((gs) =>
    gs.map((g) => ({
      slice: g.getAttribute('data-slice') ?? '',
      segments: [...g.querySelectorAll('g.stage')].map((s) => ({ stage: s.getAttribute('data-stage') ?? '', hours: Number(s.getAttribute('data-hours')), title: s.querySelector('title')?.textContent ?? '' })),
      total: g.querySelector('text.total')?.textContent ?? '',
    })),
  );
  expect(bars.map((b) => b.slice)).toEqual(deliveredSlices(means));
  for (const bar of bars) {
    const suffix = SLICE_SUFFIX[bar.slice]!;
    const total = means[`leadTime.hours.mean${suffix}`]!;
    for (const s of bar.segments) {
      expect(s.hours, `${s.stage}${suffix}`).toBe(means[`leadTime.stage.hours.${s.stage}${suffix}`]);
      expect(s.title).toContain(`: ${s.hours.toFixed(1)} h of ${total.toFixed(1)} h`);
    }
    // Stages add up to the lead time to floating-point rounding, far below the 0.1 h shown.
    const sum = bar.segments.reduce((a, s) => a + s.hours, 0);
    expect(Math.abs(sum - total), `${tag} ${bar.slice}`).toBeLessThan(1e-6 * Math.max(1, total));
    expect(bar.total).toBe(`${total.toFixed(1)} h`);
  }
}

/** The bottleneck tables under `host`: the top five of the folder's nodes.csv and lanes.csv by waitParcelHours, each row's numbers its own. */
export async function expectBottlenecks(page: Page, host: string, dir: string): Promise<Record<string, string>[]> {
  const nodes = topRows(readCsv(join(dir, 'nodes.csv')), 'waitParcelHours');
  expect(nodes).toHaveLength(5);
  const shown = await page.locator(`${host} .bottleneck-nodes tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => ({ id: tr.getAttribute('data-node-id'), name: tr.querySelector('th')?.textContent, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent), values: [...tr.querySelectorAll('td[data-value]')].map((td) => Number(td.getAttribute('data-value'))) })),
  );
  expect(shown.map((r) => [r.id, r.name, r.cells[1], r.cells[2]])).toEqual(nodes.map((n) => [n.id, n.name, n.type, `${n.district}, ${n.state}`]));
  expect(shown.map((r) => r.values)).toEqual(nodes.map((n) => [n.waitParcelHours, n.waitHoursMean, n.utilisation, n.queueMax].map(Number)));
  const lanes = topRows(readCsv(join(dir, 'lanes.csv')), 'waitParcelHours');
  expect(lanes.length).toBeGreaterThan(0);
  const shownLanes = await page.locator(`${host} .bottleneck-lanes tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => ({ name: tr.querySelector('th')?.textContent, mode: tr.getAttribute('data-mode'), values: [...tr.querySelectorAll('td[data-value]')].map((td) => Number(td.getAttribute('data-value'))) })),
  );
  expect(shownLanes).toEqual(lanes.map((l) => ({ name: `${l.fromName} → ${l.toName}`, mode: l.mode, values: [l.waitParcelHours, l.waitHoursMean, l.meanFill, l.leftBehind].map(Number) })));
  return nodes;
}

/** The map's node detail box shows this nodes.csv row: its name and id, and every number of it the box lists, exactly. */
export async function expectNodeDetail(page: Page, row: Record<string, string>): Promise<void> {
  const box = page.locator('#view-map .node-detail');
  expect(await box.locator('h3').textContent()).toBe(row.name);
  expect(await box.locator('h3').getAttribute('data-node-id')).toBe(row.id);
  const cells = await box.locator('tr[data-column]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-column')!, tr.querySelector('td')!.getAttribute('data-value')!] as const));
  expect(cells.map(([c]) => c)).toEqual(['capacityPerDay', 'staff', 'expectedPerDay', 'handledPerDay', 'utilisation', 'queueMean', 'queueMax', 'waitHoursMean', 'waitHoursP90', 'waitParcelHours']);
  for (const [column, value] of cells) expect(Number(value), column).toBe(Number(row[column]));
  expect(await box.textContent()).toContain(`${row.type}, ${row.operator}; ${row.district}, ${row.state}`);
}
