import { loadIndiaData, loadIndiaShapes } from '../sim/data/index.ts';
// The file, not sim/network's index: the page's main bundle needs this one function, not the builder.
import { currentState } from '../sim/network/postal-circles.ts';
import type { Scenario } from '../sim/scenario/browser.ts';
import { bottleneckTables } from './bottleneck-tables.ts';
import { renderCharts } from './charts-panel.ts';
import { stageBarsChart } from './charts/index.ts';
import { comparePanel } from './compare-panel.ts';
import { mapPanel } from './map-panel.ts';
import { fetchNetworkLayers } from './network-client.ts';
import { playbackPanel } from './playback-panel.ts';
import { runPanel } from './run-panel.ts';
import { escapeHtml, summaryTable } from './summary-table.ts';
import { type FolderFiles, filesFromInput, filesFromUrl, folderLabel, viewDataFromFolder } from './view-data-from-folder.ts';
import type { ViewData } from './view-data.ts';

/** What tests and the console can reach: the loaded results and the map's measurements. */
export interface VizHandle {
  results: ViewData[];
  lastSummaryJson: string | undefined;
  ready: Promise<void>;
  networkReady: Promise<void>;
  measureZoomFps(ms?: number): Promise<{ fps: number; frames: number; seconds: number }>;
  mapNodeCount(type: string): number;
  /** Where node `id` of the shown result is on the map (client coordinates), when nodes are coloured by a measure. */
  mapNodePoint(id: number): { x: number; y: number } | undefined;
  /** The edits the map marks (a scenario that edits its network): nodes and lanes added, changed, removed or closed. */
  mapEditCounts(): Record<string, number>;
  seekPlayback(minute: number): void;
  showTab(id: 'map' | 'charts' | 'compare' | 'playback'): void;
}

const status = document.querySelector<HTMLElement>('.app-status')!;
const results: ViewData[] = [];
let resolveNetwork: () => void = () => {};
const handle: VizHandle = {
  results,
  lastSummaryJson: undefined,
  ready: Promise.resolve(),
  networkReady: new Promise<void>((resolve) => (resolveNetwork = resolve)),
  measureZoomFps: () => Promise.reject(new Error('map not ready')),
  mapNodeCount: () => 0,
  mapNodePoint: () => undefined,
  mapEditCounts: () => ({}),
  seekPlayback: () => {},
  showTab,
};
(globalThis as unknown as { viz: VizHandle }).viz = handle;

function showTab(id: string): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
    const on = tab.id === `tab-${id}`;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    document.getElementById(tab.getAttribute('aria-controls')!)!.hidden = !on;
  }
}
const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
tabs.forEach((tab, i) => {
  tab.addEventListener('click', () => showTab(tab.id.slice(4)));
  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  tab.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = tabs[(i + step + tabs.length) % tabs.length]!;
    showTab(next.id.slice(4));
    next.focus();
  });
});

/** Files picked one by one carry no folder name: the manifest's scenario and seed name them. */
function pickedLabel(files: FolderFiles): string {
  try {
    const m = JSON.parse(files.get('manifest.json') ?? '') as { scenarioName?: unknown; seed?: unknown };
    return `${String(m.scenarioName)} (seed ${String(m.seed)}, picked files)`;
  } catch {
    return 'picked files';
  }
}

async function start(): Promise<void> {
  const [shapes, data] = await Promise.all([loadIndiaShapes(), loadIndiaData()]);
  const districts = data.districts.map((d) => ({ code: d.code, name: d.name, state: d.state }));
  const mapView = mapPanel(document.getElementById('view-map')!, shapes, districts);
  const compareView = comparePanel(document.getElementById('view-compare')!, shapes, districts, () => results);
  const playback = playbackPanel(document.getElementById('view-playback')!, shapes, districts);
  handle.measureZoomFps = (ms) => mapView.map.measureZoomFps(ms);
  handle.mapNodeCount = (type) => mapView.map.nodeCount(type);
  handle.mapNodePoint = (id) => mapView.nodeClientPoint(id);
  handle.mapEditCounts = () => mapView.map.editCounts();
  handle.seekPlayback = (minute) => playback.seek(minute);
  status.textContent = 'Building the national network for the map…';

  // The national network at its defaults (20,000 kiranas); scale only changes capacities, not places.
  let mapReady = '';
  let shown = '';
  void fetchNetworkLayers({ scale: 0.01 }, 1).then((layers) => {
    mapView.setNetwork(layers);
    mapReady = `Map ready: the national network at its defaults, ${layers.lon.length.toLocaleString('en-IN')} nodes.`;
    status.textContent = `${mapReady} ${results.length === 0 ? 'Run a scenario or load a result folder.' : `Showing ${shown}.`}`;
    resolveNetwork();
  });

  const download = document.querySelector<HTMLAnchorElement>('.summary-download')!;
  const addResult = (view: ViewData, summaryJson?: string): void => {
    results.push(view);
    const item = document.createElement('li');
    item.innerHTML = `<button type="button">${escapeHtml(view.label)}</button>`;
    item.querySelector('button')!.addEventListener('click', () => select(view));
    document.querySelector('.result-list')!.append(item);
    if (summaryJson !== undefined) {
      handle.lastSummaryJson = summaryJson;
      download.href = URL.createObjectURL(new Blob([summaryJson], { type: 'application/json' }));
      download.hidden = false;
    }
    compareView.refresh();
    select(view);
  };
  const select = (view: ViewData): void => {
    shown = view.label;
    status.textContent = `${mapReady === '' ? 'Building the national network for the map…' : mapReady} Showing ${view.label}.`;
    mapView.setView(view);
    document.querySelector('.summary-host')!.replaceChildren(summaryTable(document, view));
    const time = document.createElement('figure');
    time.className = 'chart';
    stageBarsChart(time, [{ tag: '', metrics: view.set.summary.metrics }]);
    document.querySelector('.time-host')!.replaceChildren(time);
    document.querySelector('.bottlenecks-host')!.replaceChildren(
      bottleneckTables(document, view, {
        onShowNode: (id) => {
          showTab('map');
          mapView.showNode(id);
        },
      }),
    );
    renderCharts(document.querySelector('.charts-host')!, view);
    void playback.setView(view);
  };

  // A monsoon names today's states (Telangana apart from Andhra Pradesh), as the network's nodes do.
  const statesOf = (s: Scenario): string[] => {
    const inRegion = data.districts.filter(
      (d) =>
        d.code !== null &&
        (s.region.districts.length > 0 || s.region.states.length > 0
          ? s.region.districts.includes(d.code) || s.region.states.includes(d.state) || s.region.states.includes(currentState(d.state, d.code))
          : true),
    );
    return [...new Set(inRegion.map((d) => currentState(d.state, d.code)))].sort();
  };
  runPanel(document.getElementById('run-panel')!, { onResult: (view, summary) => addResult(view, summary) }, {
    statesOf,
    districtOf: (i) => data.districts[i],
    // A scenario that edits or imports its network: the map draws that network, its edits marked.
    onNetwork: (layers, name) => {
      mapView.setNetwork(layers);
      mapReady = `Map: ${name}'s network, ${layers.lon.length.toLocaleString('en-IN')} nodes${layers.edits ? ' (its edits marked: added green, changed orange, removed and closed red)' : ''}.`;
    },
  });
  const folderInput = document.querySelector<HTMLInputElement>('input[name=folder]')!;
  folderInput.addEventListener('change', async () => {
    try {
      if (folderInput.files === null || folderInput.files.length === 0) return;
      const files = await filesFromInput(folderInput.files);
      addResult(viewDataFromFolder(folderInput.files[0]!.webkitRelativePath.split('/')[0] || pickedLabel(files), files));
    } catch (error) {
      status.textContent = `Could not load the folder: ${(error as Error).message}`;
    }
  });
  const loadUrl = async (url: string): Promise<void> => {
    try {
      addResult(viewDataFromFolder(folderLabel(url), await filesFromUrl(url)));
    } catch (error) {
      status.textContent = `Could not load ${url}: ${(error as Error).message}`;
    }
  };
  document.querySelector('button[name=load-url]')!.addEventListener('click', () => void loadUrl(document.querySelector<HTMLInputElement>('input[name=url]')!.value));
  // `?result=<url>` (repeatable): `sim viz <result-dir>` serves a folder and opens the page on it.
  const urls = new URLSearchParams(location.search).getAll('result');
  for (const url of urls) await loadUrl(url);
  // `sim viz A B` opens on two results: the Compare tab has them picked and compared already.
  if (urls.length >= 2 && results.length >= 2) compareView.show();
}

handle.ready = start().catch((error: unknown) => {
  status.textContent = `The page failed to start: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
});
