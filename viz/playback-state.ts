import type { LoggedEvent } from './view-data.ts';

/**
 * Where each sampled parcel is at a moment, from its logged events: at a node between events, on
 * the straight line between two nodes while a `departed` leg runs (linear in time until the next
 * event, its arrival). Parcels not yet created or already finished are not shown.
 */
export class PlaybackState {
  private readonly byParcel: LoggedEvent[][];

  constructor(events: readonly LoggedEvent[]) {
    const map = new Map<number, LoggedEvent[]>();
    for (const e of events) {
      const list = map.get(e.parcel);
      if (list === undefined) map.set(e.parcel, [e]);
      else list.push(e);
    }
    this.byParcel = [...map.values()];
  }

  get parcels(): number {
    return this.byParcel.length;
  }

  /** [lon, lat] pairs of the parcels under way at minute t. */
  positions(t: number, lon: Float32Array, lat: Float32Array, originOf: (e: LoggedEvent) => number): Float64Array {
    const out: number[] = [];
    for (const list of this.byParcel) {
      const first = list[0]!;
      const last = list[list.length - 1]!;
      if (t < first.t || t >= last.t) continue;
      let i = 0;
      while (i + 1 < list.length && list[i + 1]!.t <= t) i++;
      const e = list[i]!;
      const next = list[i + 1];
      if (e.type === 'departed' && e.from !== undefined && e.to !== undefined) {
        const f = next === undefined || next.t <= e.t ? 0 : (t - e.t) / (next.t - e.t);
        out.push(lon[e.from]! + f * (lon[e.to]! - lon[e.from]!), lat[e.from]! + f * (lat[e.to]! - lat[e.from]!));
      } else {
        const node = e.node ?? (e.type === 'handoff' ? e.to : undefined) ?? originOf(e);
        if (node >= 0 && node < lon.length) out.push(lon[node]!, lat[node]!);
      }
    }
    return Float64Array.from(out);
  }
}
