import { type RunResult, runReplications, spawnBrowserWorker, browserParallelism, WorkerPool } from '../sim/run/browser.ts';
import { applyParams, BUILTIN_SCENARIOS, DEFAULT_PARAMS, type ScenarioParams } from './builtin-scenarios.ts';
import { runSummaryJson, viewDataFromRun } from './view-data-from-run.ts';
import type { ViewData } from './view-data.ts';

export interface RunPanelEvents {
  onResult(view: ViewData, summaryJson: string): void;
}

/**
 * Pick a scenario, change its key parameters, run its replications in Web Workers (sim/run's
 * pool, one worker per core) with a progress bar and a cancel button. The main thread only
 * renders progress, so the page stays responsive during a run.
 */
export function runPanel(root: HTMLElement, events: RunPanelEvents): { run(): Promise<void> } {
  const doc = root.ownerDocument;
  root.innerHTML = `
    <h2>Run in the page</h2>
    <form class="run-form">
      <label>Scenario <select name="scenario">${BUILTIN_SCENARIOS.map((s) => `<option value="${s.name}">${s.name}: ${s.description}</option>`).join('')}</select></label>
      <label>Kirana stores (national) <input name="kiranaCount" type="number" min="0" step="1000" value="${DEFAULT_PARAMS.kiranaCount}"></label>
      <label>Last-mile policy <select name="policy">
        <option value="amazon">Amazon alone</option><option value="india-post-rural">rural parcels to India Post</option>
        <option value="kirana">kirana last mile</option><option value="shared-warehouses">shared warehouses</option><option value="b2b">B2B first mile</option></select></label>
      <label>Kirana share of covered parcels <input name="kiranaShare" type="number" min="0" max="1" step="0.1" value="${DEFAULT_PARAMS.kiranaShare}"></label>
      <label>Demand multiplier <input name="demandMultiplier" type="number" min="0.1" max="10" step="0.1" value="${DEFAULT_PARAMS.demandMultiplier}"></label>
      <label><input name="monsoon" type="checkbox"> Monsoon in the region</label>
      <label>Replications <input name="replications" type="number" min="1" max="64" step="1" value="2"></label>
      <label>Seed <input name="seed" type="number" step="1" value="1"></label>
      <div class="buttons"><button type="submit" name="run">Run</button> <button type="button" name="cancel" disabled>Cancel</button></div>
      <label>Progress <progress max="1" value="0"></progress></label>
      <p class="run-status" role="status" aria-live="polite">Ready.</p>
    </form>`;
  const form = root.querySelector('form')!;
  const field = <T extends HTMLElement>(name: string): T => form.elements.namedItem(name) as unknown as T;
  const progress = form.querySelector('progress')!;
  const status = form.querySelector<HTMLElement>('.run-status')!;
  const cancel = field<HTMLButtonElement>('cancel');
  const runButton = field<HTMLButtonElement>('run');
  let pool: WorkerPool | undefined;

  const run = async (): Promise<void> => {
    const scenario = BUILTIN_SCENARIOS.find((s) => s.name === field<HTMLSelectElement>('scenario').value)!;
    const params: ScenarioParams = {
      kiranaCount: Number(field<HTMLInputElement>('kiranaCount').value),
      policy: field<HTMLSelectElement>('policy').value as ScenarioParams['policy'],
      kiranaShare: Number(field<HTMLInputElement>('kiranaShare').value),
      demandMultiplier: Number(field<HTMLInputElement>('demandMultiplier').value),
      monsoon: field<HTMLInputElement>('monsoon').checked,
      replications: Number(field<HTMLInputElement>('replications').value),
      seed: Number(field<HTMLInputElement>('seed').value),
    };
    const input = applyParams(scenario, params);
    pool = new WorkerPool({ size: Math.max(1, Math.min(params.replications, browserParallelism())), spawn: spawnBrowserWorker });
    runButton.disabled = true;
    cancel.disabled = false;
    progress.value = 0;
    status.textContent = `Running ${scenario.name}: ${params.replications} replications…`;
    const started = performance.now();
    try {
      const result: RunResult = await runReplications(
        { kind: 'india', input, scenario: scenario.name, seed: params.seed, replications: params.replications },
        {
          pool,
          onProgress: (done, total, fraction, eta) => {
            progress.value = fraction;
            status.textContent = `Running ${scenario.name}: ${done} of ${total} replications done${Number.isFinite(eta) ? `, about ${Math.ceil(eta)} s left` : ''}…`;
          },
        },
      );
      const label = `${scenario.name} (seed ${params.seed}${isDefault(params) ? '' : ', changed'})`;
      const summary = runSummaryJson(result);
      progress.value = 1;
      status.textContent = `Done: ${scenario.name}, ${params.replications} replications in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
      events.onResult(viewDataFromRun(result, label, input.network), summary);
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
  cancel.addEventListener('click', () => {
    cancelled = true;
    void pool?.close();
  });
  void doc;
  return { run };
}

function isDefault(p: ScenarioParams): boolean {
  return p.kiranaCount === DEFAULT_PARAMS.kiranaCount && p.policy === DEFAULT_PARAMS.policy && p.kiranaShare === DEFAULT_PARAMS.kiranaShare && p.demandMultiplier === DEFAULT_PARAMS.demandMultiplier && !p.monsoon;
}
