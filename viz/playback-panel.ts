import type { IndiaShapes } from '../sim/data/index.ts';
import type { NetworkOptions } from '../sim/network/index.ts';
import { type DistrictInfo, IndiaMap } from './map/index.ts';
import { fetchNetworkLayers } from './network-client.ts';
import { PlaybackState } from './playback-state.ts';
import type { LoggedEvent, ViewData } from './view-data.ts';

/** The simulated day played back (day 2: parcels of day 1 are moving, day 2's are being ordered). */
const DAY = 2;

/** One simulated day of sampled parcel movements on the map, with a time scrubber and play/pause. */
export function playbackPanel(root: HTMLElement, shapes: IndiaShapes, districts: readonly DistrictInfo[]) {
  root.innerHTML = `
    <p class="playback-note">Sampled parcels (the model's event log) of replication 0 on day ${DAY}. Run a scenario in the page first.</p>
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
  play.addEventListener('click', () => {
    if (timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
      play.textContent = 'Play';
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
      if (view.playback === undefined) return;
      const net = await fetchNetworkLayers(view.playback.network as NetworkOptions, view.playback.seed);
      map.setNetwork(net);
      map.setVisibleTypes(['fulfilment-centre', 'sort-centre', 'national-sorting-hub', 'intra-circle-hub', 'delivery-station']);
      layers = net;
      const first = view.districts[0];
      if (first !== undefined) map.focusDistrict(first.district);
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
