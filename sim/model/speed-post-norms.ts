import type { SimCalendar } from '../engine/index.ts';
import type { Network } from '../network/index.ts';

/**
 * Speed Post's distance classes and their norms, working days after the booking day D (DOMAIN.md,
 * India Post: DoP memo 2013/2014, A): within a city or between the six metros D+1..D+2, within a
 * state D+2..D+4, to a neighbouring state D+3..D+4, the rest of India D+4..D+6. A parcel is within
 * its norm when delivered by the end of the norm's last day.
 */
export const SPEED_POST_CLASSES = ['local', 'sameState', 'neighbouringState', 'restOfIndia'] as const;
export const SPEED_POST_NORM_DAYS = [2, 4, 4, 6] as const;
/** Booking cut-off, minute of the day: booked later counts as booked the next working day (DOMAIN.md: 15:00–16:00). */
export const SPEED_POST_CUTOFF_MINUTE = 15 * 60 + 30;
/** Census codes of the six metros' districts ("24 Speed Post" between them, DOMAIN.md): Delhi's nine, Mumbai and its suburbs, Kolkata, Chennai, Bengaluru, Hyderabad. */
const METRO_CODES = new Set([90, 91, 92, 93, 94, 95, 96, 97, 98, 519, 518, 342, 603, 572, 536]);

/**
 * Counts, for parcels India Post carries from a seller's booking to the door (the B2B first mile),
 * how many were delivered within the Speed Post norm of their distance class, and their working
 * days from booking. A (booking district, destination district) pair's class is worked out once.
 */
export class SpeedPostNorms {
  /** Per class: parcels delivered, those within the norm, working days summed. */
  readonly delivered = new Float64Array(SPEED_POST_CLASSES.length);
  readonly withinNorm = new Float64Array(SPEED_POST_CLASSES.length);
  readonly workingDays = new Float64Array(SPEED_POST_CLASSES.length);
  private readonly classOf = new Map<number, number>();
  private readonly workingDay: Uint8Array;
  /** Dataset district index → position in `catchments.district`. */
  private readonly position = new Map<number, number>();

  constructor(
    private readonly network: Network,
    private readonly calendar: SimCalendar,
    /** Per region district position, its state (NetworkTables). */
    private readonly stateOf: (position: number) => string,
    days: number,
  ) {
    this.workingDay = new Uint8Array(days + 1);
    for (let d = 0; d <= days; d++) this.workingDay[d] = calendar.isWorkingDay(d * 1440) ? 1 : 0;
    network.catchments.district.forEach((d, i) => this.position.set(d, i));
  }

  /** A parcel booked at `booked` at node `origin` (a seller) and delivered at `delivered` to region district position `to`. */
  record(origin: number, to: number, booked: number, delivered: number): void {
    const c = this.distanceClass(this.position.get(this.network.nodes[origin]!.district) ?? -1, to);
    const n = this.workingDaysAfterBooking(booked, delivered);
    this.delivered[c]!++;
    this.workingDays[c]! += n;
    if (n <= SPEED_POST_NORM_DAYS[c]!) this.withinNorm[c]!++;
  }

  /** Working days after the booking day D to the delivery day: a parcel delivered on D+n gives n. */
  workingDaysAfterBooking(booked: number, delivered: number): number {
    let d = Math.floor(booked / 1440);
    if (booked - d * 1440 > SPEED_POST_CUTOFF_MINUTE) d++;
    while (!this.isWorkingDay(d)) d++;
    let n = 0;
    for (let day = d + 1; day <= Math.floor(delivered / 1440); day++) if (this.isWorkingDay(day)) n++;
    return n;
  }

  private isWorkingDay(day: number): boolean {
    return day < this.workingDay.length ? this.workingDay[day] === 1 : this.calendar.isWorkingDay(day * 1440);
  }

  /** 0 local (one district, or metro to metro), 1 same state, 2 neighbouring state, 3 rest of India. */
  private distanceClass(from: number, to: number): number {
    const key = from * 65_536 + to;
    let c = this.classOf.get(key);
    if (c === undefined) {
      const codes = this.network.catchments.districtCode;
      const metro = (i: number): boolean => i >= 0 && METRO_CODES.has(codes[i]!);
      const a = from >= 0 ? this.stateOf(from) : '';
      const b = this.stateOf(to);
      c = from === to || (metro(from) && metro(to)) ? 0 : a === b ? 1 : (this.network.stateNeighbours[a] ?? []).includes(b) ? 2 : 3;
      this.classOf.set(key, c);
    }
    return c;
  }
}
