import type { Operator } from '../network/index.ts';

/**
 * Every state change of a parcel, as a discriminated union on `type` (times in simulated minutes).
 * The metrics take the same changes through direct calls (no object per change on the hot path);
 * these objects are built only for a sample of parcels when the event log is on, for the
 * browser's playback and for tests.
 */
export type ParcelEvent =
  | { type: 'created'; t: number; parcel: number; district: number; cod: boolean; rural: boolean; operator: Operator; origin: number; lastMile: number }
  | { type: 'packed'; t: number; parcel: number; node: number }
  | { type: 'departed'; t: number; parcel: number; lane: number; from: number; to: number }
  | { type: 'arrived'; t: number; parcel: number; node: number }
  | { type: 'handoff'; t: number; parcel: number; from: number; to: number; fromOperator: Operator; toOperator: Operator }
  | { type: 'attempt'; t: number; parcel: number; node: number; attempt: number; success: boolean; refused: boolean }
  | { type: 'outForDelivery'; t: number; parcel: number; node: number; attempt: number }
  /** `stageMinutes`: minutes in each of STAGES (parcel-store.ts), in its order; they add up to the lead time. */
  | { type: 'delivered'; t: number; parcel: number; node: number; collected: boolean; leadTimeHours: number; stageMinutes: number[] }
  | { type: 'rto'; t: number; parcel: number; node: number }
  | { type: 'returned'; t: number; parcel: number }
  | { type: 'lost'; t: number; parcel: number; lane: number };

export type ParcelEventType = ParcelEvent['type'];

/** A subscriber to sampled parcel events. */
export type ParcelEventListener = (event: ParcelEvent) => void;

/** Keeps up to `maxEvents` events of the sampled parcels, in the order they happened; counts the rest. */
export class EventLog {
  readonly events: ParcelEvent[] = [];
  dropped = 0;
  constructor(readonly maxEvents: number) {}

  record(event: ParcelEvent): void {
    if (this.events.length < this.maxEvents) this.events.push(event);
    else this.dropped++;
  }
}
