import { describeValue, isFiniteNumber } from './check.ts';
import type { Uniform } from './distribution.ts';
import { ln } from './math.ts';

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;
/** Default horizon when days are given by a function (or not at all): ten years, in minutes. */
export const DEFAULT_NHPP_HORIZON = 3650 * MINUTES_PER_DAY;

export interface NhppOptions {
  /**
   * Arrivals per HOUR in each hour of the day: perHour[0] covers 00:00–01:00, perHour[23]
   * 23:00–24:00. Exactly 24 finite numbers >= 0.
   */
  readonly perHour: readonly number[];
  /**
   * Scales day d's rates (d = 0 is the first day, minutes [0, 1440)). A function must be pure
   * (the last value is remembered); an array gives days 0 .. length - 1, and days after it have
   * no arrivals. Default: 1 every day.
   */
  readonly dayMultiplier?: ((day: number) => number) | readonly number[];
  /**
   * Minutes since day 1 00:00; no arrival happens at or after it. Default: the end of the
   * `dayMultiplier` array, else DEFAULT_NHPP_HORIZON (ten years).
   */
  readonly horizon?: number;
}

/** A non-homogeneous Poisson arrival process over simulated minutes. */
export interface ArrivalProcess {
  /**
   * The first arrival strictly after `now` (minutes), drawing exactly one uniform; Infinity when
   * no rate remains before the horizon.
   */
  next(u: Uniform, now: number): number;
  /** The rate at minute t, in arrivals per minute. */
  ratePerMinute(t: number): number;
  /** Expected number of arrivals in [from, to): the integrated rate. */
  expectedCount(from: number, to: number): number;
  /** Minutes; no arrival at or after it. */
  readonly horizon: number;
}

/**
 * Arrivals whose rate is piecewise constant by hour of day times a per-day multiplier; times
 * are minutes since day 1 00:00.
 *
 * `next` inverts the integrated rate exactly: it draws E = -ln(1 - u), an Exponential(1), and
 * walks hour by hour from `now`, spending E against each hour's rate x length, until an hour
 * holds the remainder. One uniform per arrival, unlike thinning, so common-random-number pairs
 * stay aligned; hours and days of zero rate are skipped whole.
 */
export function nhpp(options: NhppOptions): ArrivalProcess {
  const { perHour, dayMultiplier } = options;
  const problems: string[] = [];
  if (!Array.isArray(perHour) || perHour.length !== 24) {
    problems.push(`perHour must be an array of 24 rates (arrivals per hour), given ${describeValue(perHour)}`);
  } else {
    perHour.forEach((r: unknown, h) => {
      if (!(isFiniteNumber(r) && r >= 0)) {
        problems.push(`perHour[${h}] must be a finite number >= 0 (arrivals per hour), given ${describeValue(r)}`);
      }
    });
  }
  if (Array.isArray(dayMultiplier)) {
    dayMultiplier.forEach((m: unknown, d) => {
      if (!(isFiniteNumber(m) && m >= 0)) {
        problems.push(`dayMultiplier[${d}] must be a finite number >= 0, given ${describeValue(m)}`);
      }
    });
  } else if (dayMultiplier !== undefined && typeof dayMultiplier !== 'function') {
    problems.push(`dayMultiplier must be a function of the day, an array or omitted, given ${describeValue(dayMultiplier)}`);
  }
  const defaultHorizon = Array.isArray(dayMultiplier)
    ? dayMultiplier.length * MINUTES_PER_DAY
    : DEFAULT_NHPP_HORIZON;
  const horizon = options.horizon ?? defaultHorizon;
  // Finite, so a stretch of zero rate ends in Infinity rather than an endless search.
  if (!(isFiniteNumber(horizon) && horizon >= 0)) {
    problems.push(`horizon must be a finite number >= 0 (minutes), given ${describeValue(horizon)}`);
  }
  if (problems.length > 0) throw new RangeError(`nhpp: ${problems.join('; ')}`);

  const perMinute = Float64Array.from(perHour, (r) => r / MINUTES_PER_HOUR);
  const anyRate = perMinute.some((r) => r > 0);
  const table = Array.isArray(dayMultiplier) ? Float64Array.from(dayMultiplier) : undefined;
  const fn = typeof dayMultiplier === 'function' ? dayMultiplier : undefined;
  let memoDay = -1;
  let memoValue = 0;

  const multiplier = (day: number): number => {
    if (table !== undefined) return day < table.length ? table[day]! : 0;
    if (fn === undefined) return 1;
    if (day !== memoDay) {
      const m = fn(day);
      if (!(isFiniteNumber(m) && m >= 0)) {
        throw new RangeError(`nhpp: dayMultiplier(${day}) must be a finite number >= 0, given ${describeValue(m)}`);
      }
      memoDay = day;
      memoValue = m;
    }
    return memoValue;
  };

  const checkTime = (what: string, t: number): void => {
    if (!(typeof t === 'number' && t >= 0)) {
      throw new RangeError(`nhpp: ${what} must be a number >= 0 (minutes), given ${describeValue(t)}`);
    }
  };

  return {
    horizon,

    next(u, now) {
      checkTime('now', now);
      if (!anyRate || now >= horizon) return Infinity;
      let e = 0 - ln(1 - u());
      let t = now;
      while (t < horizon) {
        // Day from the integer hour, so the hour of day is always 0..23 despite rounding in t.
        const hour = Math.floor(t / MINUTES_PER_HOUR);
        const day = Math.floor(hour / 24);
        const m = multiplier(day);
        if (m === 0) {
          t = (day + 1) * MINUTES_PER_DAY;
          continue;
        }
        const end = Math.min((hour + 1) * MINUTES_PER_HOUR, horizon);
        const rate = perMinute[hour - day * 24]! * m;
        if (rate > 0) {
          const capacity = rate * (end - t);
          if (e < capacity) {
            const arrival = t + e / rate;
            if (arrival >= horizon) return Infinity;
            // E = 0 (when u = 0) or rounding at a large `now` must still move time forward.
            return arrival > now ? arrival : now + Math.max(now * Number.EPSILON, Number.MIN_VALUE);
          }
          e -= capacity;
        }
        t = end;
      }
      return Infinity;
    },

    ratePerMinute(t) {
      checkTime('t', t);
      if (t >= horizon) return 0;
      const hour = Math.floor(t / MINUTES_PER_HOUR);
      const day = Math.floor(hour / 24);
      return perMinute[hour - day * 24]! * multiplier(day);
    },

    expectedCount(from, to) {
      checkTime('from', from);
      checkTime('to', to);
      let total = 0;
      let t = from;
      const stop = Math.min(to, horizon);
      while (t < stop) {
        const hour = Math.floor(t / MINUTES_PER_HOUR);
        const day = Math.floor(hour / 24);
        const end = Math.min((hour + 1) * MINUTES_PER_HOUR, stop);
        total += perMinute[hour - day * 24]! * multiplier(day) * (end - t);
        t = end;
      }
      return total;
    },
  };
}
