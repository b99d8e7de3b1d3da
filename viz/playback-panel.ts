import type { IndiaShapes } from '../sim/data/index.ts';
import type { NetworkOptions } from '../sim/network/index.ts';
import { type DistrictInfo, IndiaMap } from './map/index.ts';
import { fetchNetworkLayers } from './network-client.ts';
import { PlaybackState } from './playback-state.ts';
import type { LoggedEvent, ViewData } from './view-data.ts';

/** The simulated day played back (day 2: parcels of day 1 are moving, day 2's are being ordered). */
const DAY = 2;

const RECORD = 'Run a scenario in the page with "Record sampled parcels" ticked to play its parcels back.';
const NO_RESULT = `No result yet. ${RECORD}`;

/**
 * One simulated day of sampled parcel movements on the map, with a time scrubber and play/pause.
 * It plays the selected result only: a result without an event log (a result folder, or a run
 * with "Record sampled parcels" off) clears the map and says so.
 */
export function playbackPanel(root: HTMLElement, shapes: IndiaShapes, districts: readonly DistrictInfo[]) {
  root.innerHTML = `
    <p class="playback-note" role="status">${NO_RESULT}</p>
    <div class="playback-controls">
      <button type="button" name="play" disabled>Play</button>
      <label>Time of day <input type="range" name="time" min="0" max="1439" step="5" value="0" disabled></label>
      <output name="clock">–</output> <span class="moving"></span>
    </div>
    <div class="playback-map-host"></div>`;
  const map = new IndiaMap(shapes, districts, { width: 620, height: 660, label: 'Playback of sampled parcel movements (boundaries schematic)' });
  root.querySelector('.playback-map-host')!.append(map.element);
  const slider = root.querySelector<HTMLInputElement>('input[name=time]')!;
  const play = root.querySelector<HTMLButtonElement>('button[name=play]')!;
  const clock = root.querySelector<HTMLOutputElement>('output[name=clock]')!;
  const moving = root.querySelector<HTMLElement>('.moving')!;
  const note = root.querySelector<HTMLElement>('.playback-note')!;
  /** Bumped by every setView, so a network that arrives after another result was selected is dropped. */
  let generation = 0;
  let state: PlaybackState | undefined;
  let layers: { lon: Float32Array; lat: Float32Array } | undefined;
  let origin = new Map<number, number>();
  let timer: number | undefined;

  const render = (): void => {
    if (state === undefined || layers === undefined) return;
    const minute = Number(slider.value);
    const t = (DAY - 1) * 1440 + minute;
    const points = state.positions(t, layers.lon, layers.lat, (e: LoggedEvent) => origin.get(e.parcel) ?? -1);
    map.setOverlay(points);
    clock.value = `day ${DAY}, ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    moving.textContent = `${points.length / 2} of ${state.parcels} sampled parcels under way`;
  };
  slider.addEventListener('input', render);
  const stop = (): void => {
    clearInterval(timer);
    timer = undefined;
    play.textContent = 'Play';
  };
  play.addEventListener('click', () => {
    if (timer !== undefined) {
      stop();
      return;
    }
    play.textContent = 'Pause';
    // UI timing only: 10 simulated minutes every 50 ms, a day in about 7 seconds.
    timer = setInterval(() => {
      slider.value = String((Number(slider.value) + 10) % 1440);
      render();
    }, 50) as unknown as number;
  });

  return {
    map,
    async setView(view: ViewData): Promise<void> {
      const mine = ++generation;
      stop();
      state = undefined;
      slider.disabled = true;
      play.disabled = true;
      clock.value = '–';
      moving.textContent = '';
      map.setOverlay(null);
      if (view.playback === undefined) {
        const why = view.source === 'folder' ? "a result folder does not keep the model's event log" : 'it was run with "Record sampled parcels" off';
        note.textContent = `${view.label} has no sampled parcels to play back: ${why}. ${RECORD}`;
        return;
      }
      note.textContent = `Loading the network of ${view.label}…`;
      const net = await fetchNetworkLayers(view.playback.network as NetworkOptions, view.playback.seed);
      if (mine !== generation) return;
      note.textContent = `${view.label}: ${view.playback.events.length.toLocaleString('en-IN')} logged events of sampled parcels, replication 0, day ${DAY}.`;
      map.setNetwork(net);
      map.setVisibleTypes(['fulfilment-centre', 'sort-centre', 'national-sorting-hub', 'intra-circle-hub', 'delivery-station']);
      layers = net;
      const first = view.districts[0];
      if (first !== undefined) map.focusDistrict(first.code);
      state = new PlaybackState(view.playback.events);
      origin = new Map(view.playback.events.flatMap((e) => (e.type === 'created' ? [[e.parcel, (e as { origin?: number }).origin ?? -1] as [number, number]] : [])));
      slider.disabled = false;
      play.disabled = false;
      slider.value = String(14 * 60);
      render();
    },
    /** Moves the scrubber (tests and keyboard users). */
    seek(minute: number): void {
      slider.value = String(minute);
      render();
    },
  };
}
