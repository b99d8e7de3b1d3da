import { loadIndiaData, loadIndiaShapes } from '../sim/data/index.ts';
import type { NetworkOptions } from '../sim/network/index.ts';
import type { NodeDescriptions } from '../sim/report/index.ts';
import { browserParallelism, jobFor, type ReplicationOutput, type RunResult, runReplications, sha256, spawnBrowserWorker, WorkerPool } from '../sim/run/browser.ts';
import { formatIssue, loadPickedScenario, networkOptions, type Scenario, type ScenarioIssue, type SetOverride } from '../sim/scenario/browser.ts';
import { BUILTIN_TEXTS, builtinEntries, cliCommand, loadBuiltin, type PanelParams, panelSets, paramsOf, runSpecFor, withEventLog } from './builtin-scenarios.ts';
import { fetchNetworkLayers, fetchNodeDescriptions } from './network-client.ts';
import type { NetworkLayers } from './network-layers.ts';
import { escapeHtml } from './summary-table.ts';
import { type DistrictOf, runSummaryJson, viewDataFromRun } from './view-data-from-run.ts';
import type { ViewData } from './view-data.ts';

export interface RunPanelEvents {
  onResult(view: ViewData, summaryJson: string): void;
}

export interface RunPanelOptions {
  /** The region's states, today's names (what a monsoon disruption lists), from the India data. */
  statesOf(scenario: Scenario): string[];
  /** A dataset district by index, for its Census code (the key the views use). */
  districtOf: DistrictOf;
  /** The network of a scenario that edits or imports one, for the map to draw with its edits (built in a worker as a run starts). */
  onNetwork?(layers: NetworkLayers, label: string): void;
}

/** Files the built-ins import (own-network's CSVs), bundled as text like the scenarios, by path under scenarios/. */
const BUILTIN_FILES: ReadonlyMap<string, string> = new Map(
  Object.entries(import.meta.glob<string>('../scenarios/**/*.csv', { query: '?raw', import: 'default', eager: true })).map(([path, text]) => [path.slice('../scenarios/'.length), text] as const),
);

/** Whether a scenario reads files or edits the network (the map then shows its own network). */
function ownNetwork(s: Scenario): boolean {
  return s.network.import !== undefined || s.model.demand.import !== undefined || Object.keys(s.network.nodes).length > 0 || Object.keys(s.network.lanes).length > 0;
}

/** Selected first: the built-in that finishes in seconds. */
const DEFAULT_SCENARIO = 'tiny';

/**
 * Pick a built-in scenario (`scenarios/*.yaml`, resolved as the CLI resolves them), change its key
 * parameters (applied as `--set` overrides), run its replications in Web Workers (sim/run's pool,
 * one worker per core) with a progress bar and a cancel button. The main thread only renders
 * progress, so the page stays responsive during a run.
 */
export function runPanel(root: HTMLElement, events: RunPanelEvents, options: RunPanelOptions): { run(): Promise<void> } {
  const entries = builtinEntries();
  root.innerHTML = `
    <h2>Run in the page</h2>
    <form class="run-form">
      <label>Scenario <select name="scenario" aria-describedby="scenario-question scenario-warning">${entries
        .map((e) => `<option value="${escapeHtml(e.name)}"${e.name === DEFAULT_SCENARIO ? ' selected' : ''}>${escapeHtml(e.name)}${e.national ? ' (national)' : ''}</option>`)
        .join('')}</select></label>
      <p class="scenario-question" id="scenario-question"></p>
      <p class="scenario-warning" id="scenario-warning" role="note" hidden>National scenario: every replication builds and simulates the whole country, so a run takes tens of seconds here (baseline, 4 replications at scale 0.1: about 17 s in Chromium on an otherwise idle 2-core machine), longer with more replications, a larger scale or a busy machine; the progress bar shows the time left.</p>
      <label>Kirana stores (national) <input name="kiranaCount" type="number" min="0" step="1000"></label>
      <label>Last-mile policy <select name="policy">
        <option value="amazon">Amazon alone</option><option value="india-post-rural">rural parcels to India Post</option>
        <option value="kirana">kirana last mile</option><option value="shared-warehouses">shared warehouses</option><option value="b2b">B2B first mile</option></select></label>
      <label>Kirana share of covered parcels <input name="kiranaShare" type="number" min="0" max="1" step="0.1"></label>
      <label>Demand multiplier <input name="demandMultiplier" type="number" min="0.1" max="10" step="0.1" value="1"></label>
      <label><input name="monsoon" type="checkbox"> Monsoon in the region (every simulated day)</label>
      <label>Replications <input name="replications" type="number" min="1" max="64" step="1"></label>
      <label>Seed <input name="seed" type="text"></label>
      <fieldset class="picked"><legend>Or your own scenario</legend>
        <label>Scenario file and the CSVs it names <input name="picked" type="file" multiple accept=".yaml,.yml,.json,.csv"></label>
        <button type="button" name="run-picked" disabled>Run the picked scenario</button>
        <p class="picked-files" aria-live="polite"></p>
      </fieldset>
      <label><input name="playback" type="checkbox" checked> Record sampled parcels for playback (one more run of replication 0)</label>
      <div class="buttons"><button type="submit" name="run">Run</button> <button type="button" name="cancel" disabled>Cancel</button></div>
      <label>Progress <progress max="1" value="0"></progress></label>
      <p class="run-status" role="status" aria-live="polite">Ready.</p>
      <p class="run-command">Same as: <code></code></p>
    </form>`;
  const form = root.querySelector('form')!;
  const field = <T extends HTMLElement>(name: string): T => form.elements.namedItem(name) as unknown as T;
  const progress = form.querySelector('progress')!;
  const status = form.querySelector<HTMLElement>('.run-status')!;
  const command = form.querySelector<HTMLElement>('.run-command code')!;
  const question = form.querySelector<HTMLElement>('.scenario-question')!;
  const warning = form.querySelector<HTMLElement>('.scenario-warning')!;
  const cancel = field<HTMLButtonElement>('cancel');
  const runButton = field<HTMLButtonElement>('run');
  const select = field<HTMLSelectElement>('scenario');
  let pool: WorkerPool | undefined;

  const selected = () => entries.find((e) => e.name === select.value)!;
  const readParams = (): PanelParams => {
    const seedText = field<HTMLInputElement>('seed').value.trim();
    return {
      kiranaCount: Number(field<HTMLInputElement>('kiranaCount').value),
      policy: field<HTMLSelectElement>('policy').value,
      kiranaShare: Number(field<HTMLInputElement>('kiranaShare').value),
      demandMultiplier: Number(field<HTMLInputElement>('demandMultiplier').value),
      monsoon: field<HTMLInputElement>('monsoon').checked,
      replications: Number(field<HTMLInputElement>('replications').value),
      // A seed may be a string in a scenario (`seed: abc`); a number stays a number so the hash matches.
      seed: /^-?\d+$/.test(seedText) ? Number(seedText) : seedText,
    };
  };
  const setsNow = () => {
    const entry = selected();
    return panelSets(entry.scenario, readParams(), options.statesOf(entry.scenario));
  };
  const showCommand = (): void => {
    try {
      command.textContent = cliCommand(select.value, setsNow());
    } catch (error) {
      command.textContent = (error as Error).message;
    }
  };
  // Choosing a scenario shows its question and puts its own values in the controls, so an untouched
  // panel runs the scenario exactly as written.
  const showScenario = (): void => {
    const entry = selected();
    const p = paramsOf(entry.scenario);
    question.textContent = entry.question;
    warning.hidden = !entry.national;
    field<HTMLInputElement>('kiranaCount').value = String(p.kiranaCount);
    field<HTMLSelectElement>('policy').value = p.policy;
    field<HTMLInputElement>('kiranaShare').value = String(p.kiranaShare);
    field<HTMLInputElement>('demandMultiplier').value = '1';
    field<HTMLInputElement>('monsoon').checked = false;
    field<HTMLInputElement>('replications').value = String(p.replications);
    field<HTMLInputElement>('seed').value = String(p.seed);
    showCommand();
  };
  select.addEventListener('change', showScenario);
  form.addEventListener('input', (event) => {
    if (event.target !== select) showCommand();
  });
  showScenario();

  /**
   * A scenario that reads files (own-network's CSVs, a picked file's) goes the way `loadScenario`
   * goes on disk: its files read, hashed and checked against the India data (`loadPickedScenario`).
   */
  const loadWithFiles = async (entry: string, files: ReadonlyMap<string, string>, sets: readonly SetOverride[]): Promise<{ scenario: Scenario; issues: ScenarioIssue[] }> => {
    status.textContent = 'Reading and checking the scenario\'s files…';
    const [data, shapes] = await Promise.all([loadIndiaData(), loadIndiaShapes()]);
    return loadPickedScenario(entry, files, BUILTIN_TEXTS, data, shapes, sha256, sets);
  };

  const run = async (): Promise<void> => {
    const entry = selected();
    let sets;
    try {
      sets = setsNow();
    } catch (error) {
      status.textContent = `Cannot run: ${(error as Error).message}`;
      return;
    }
    // The CLI's path: the built-in's layers, the overrides as `--set` layers, resolved and checked.
    let { scenario, issues } = loadBuiltin(entry.name, sets);
    if (issues.length === 0 && (scenario.network.import !== undefined || scenario.model.demand.import !== undefined)) {
      ({ scenario, issues } = await loadWithFiles(`${entry.name}.yaml`, new Map([[`${entry.name}.yaml`, BUILTIN_TEXTS.get(entry.name)!], ...BUILTIN_FILES]), sets));
    }
    if (issues.length > 0) {
      status.textContent = `Not run: ${issues.map(formatIssue).join('; ')}`;
      return;
    }
    await runScenario(scenario, sets);
  };

  const runScenario = async (scenario: Scenario, sets: readonly SetOverride[]): Promise<void> => {
    if (ownNetwork(scenario) && options.onNetwork) {
      const label = scenario.name;
      void fetchNetworkLayers(networkOptions(scenario), scenario.seed).then((layers) => options.onNetwork!(layers, label), () => {});
    }
    const spec = runSpecFor(scenario);
    const input = spec.input;
    const withPlayback = field<HTMLInputElement>('playback').checked;
    pool = new WorkerPool({ size: Math.max(1, Math.min(spec.replications + (withPlayback ? 1 : 0), browserParallelism())), spawn: spawnBrowserWorker });
    runButton.disabled = true;
    cancel.disabled = false;
    progress.value = 0;
    status.textContent = `Running ${scenario.name}: ${spec.replications} replications…`;
    const started = performance.now();
    try {
      const [result, playback, nodes]: [RunResult, ReplicationOutput | undefined, NodeDescriptions | undefined] = await Promise.all([
        runReplications(spec, {
          pool,
          onProgress: (done, total, fraction, eta) => {
            progress.value = fraction;
            status.textContent = `Running ${scenario.name}: ${done} of ${total} replications done${Number.isFinite(eta) ? `, about ${Math.ceil(eta)} s left` : ''}…`;
          },
        }),
        // Playback's event log comes from its own job (replication 0 with the log on), so the
        // summarised replications are byte for byte the CLI's.
        withPlayback ? pool.exec(jobFor({ ...spec, input: withEventLog(input) }, 0)).then((d) => d.output) : Promise.resolve(undefined),
        // The run's own network node by node, for nodes.csv's rows (the views say so when it fails).
        fetchNodeDescriptions(input.network as NetworkOptions, spec.seed).catch(() => undefined),
      ]);
      const label = `${scenario.name} (seed ${scenario.seed}${sets.length === 0 ? '' : `, ${sets.map((s) => s.source.replace(/^--set /, '')).join(', ')}`})`;
      const summary = runSummaryJson(result);
      progress.value = 1;
      status.textContent = `Done: ${scenario.name}, ${spec.replications} replications in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
      const described = nodes === undefined ? undefined : { nodes, startDate: scenario.model.startDate };
      events.onResult(viewDataFromRun(result, label, options.districtOf, input.network, playback, described), summary);
    } catch (error) {
      status.textContent = cancelled ? 'Cancelled.' : `Run failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      cancelled = false;
      await pool.close();
      pool = undefined;
      runButton.disabled = false;
      cancel.disabled = true;
    }
  };
  let cancelled = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });

  // A scenario file a person picks, with the CSVs it names (network.import, model.demand.import).
  const picked = field<HTMLInputElement>('picked');
  const runPicked = field<HTMLButtonElement>('run-picked');
  const pickedList = form.querySelector<HTMLElement>('.picked-files')!;
  const pickedEntry = (): File | undefined => [...(picked.files ?? [])].find((f) => /\.(ya?ml|json)$/i.test(f.name));
  picked.addEventListener('change', () => {
    const files = [...(picked.files ?? [])];
    const entry = pickedEntry();
    runPicked.disabled = entry === undefined;
    pickedList.textContent = files.length === 0 ? '' : entry === undefined ? 'Pick a scenario file (.yaml, .yml or .json) with the CSVs it names.' : `${entry.name}${files.length > 1 ? ` with ${files.filter((f) => f !== entry).map((f) => f.name).join(', ')}` : ''}`;
  });
  runPicked.addEventListener('click', () => {
    void (async () => {
      const entry = pickedEntry();
      if (entry === undefined) return;
      const files = new Map<string, string>();
      for (const f of picked.files ?? []) files.set(f.webkitRelativePath || f.name, await f.text());
      const { scenario, issues } = await loadWithFiles(entry.webkitRelativePath || entry.name, files, []);
      if (issues.length > 0) {
        status.textContent = `Not run: ${issues.map(formatIssue).join('; ')}`;
        return;
      }
      command.textContent = `sim run ${entry.name}`;
      await runScenario(scenario, []);
    })();
  });
  cancel.addEventListener('click', () => {
    cancelled = true;
    void pool?.close();
  });
  return { run };
}
