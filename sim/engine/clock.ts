/**
 * Simulated time is a float in minutes since the scenario's start, day 1 at 00:00 IST. These
 * helpers turn it into days, hours, weekdays and dates. Dates use integer civil-calendar
 * arithmetic (Howard Hinnant's days-from-civil) rather than `Date`, so no time zone or clock of
 * the machine can leak in.
 */
export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 1440;

export const minutes = (n: number): number => n;
export const hours = (n: number): number => n * MINUTES_PER_HOUR;
export const days = (n: number): number => n * MINUTES_PER_DAY;

/** 0-based day index: minutes 0–1439.99… are day 0. */
export function dayIndex(time: number): number {
  return Math.floor(time / MINUTES_PER_DAY);
}

/** Minute within the day, in [0, 1440). */
export function minuteOfDay(time: number): number {
  return time - dayIndex(time) * MINUTES_PER_DAY;
}

/** Hour of the day, an integer in [0, 23]. */
export function hourOfDay(time: number): number {
  return Math.floor(minuteOfDay(time) / MINUTES_PER_HOUR);
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date (year, month 1–12, day 1–31) of a count of days since 1970-01-01. */
export function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' into days since 1970-01-01, rejecting impossible dates like 2025-02-30. */
export function parseIsoDate(text: string): number {
  const m = ISO_DATE.exec(text);
  if (m === null) throw new RangeError(`date must be written YYYY-MM-DD, given ${JSON.stringify(text)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const z = daysFromCivil(year, month, day);
  const back = civilFromDays(z);
  if (back.month !== month || back.day !== day) throw new RangeError(`no such date: ${text}`);
  return z;
}

export function formatIsoDate(z: number): string {
  const { year, month, day } = civilFromDays(z);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type Weekday = 'Sun' | 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat';
const WEEKDAYS: readonly Weekday[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The calendar of a run: which date simulated day 0 is, and which dates are holidays. India Post
 * keeps Sundays and gazetted holidays (DOMAIN.md, Speed Post norms), so the model asks
 * `isWorkingDay(time)`.
 */
export class SimCalendar {
  private readonly startDay: number;
  private readonly holidays: Set<number>;

  constructor(startDate: string, holidays: readonly string[] = []) {
    this.startDay = parseIsoDate(startDate);
    this.holidays = new Set(holidays.map(parseIsoDate));
  }

  /** The ISO date of simulated time `time`. */
  date(time: number): string {
    return formatIsoDate(this.startDay + dayIndex(time));
  }

  /** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
  weekdayNumber(time: number): number {
    return (((this.startDay + dayIndex(time) + 4) % 7) + 7) % 7;
  }

  weekday(time: number): Weekday {
    return WEEKDAYS[this.weekdayNumber(time)]!;
  }

  isHoliday(time: number): boolean {
    return this.holidays.has(this.startDay + dayIndex(time));
  }

  /** Not a Sunday and not a holiday. */
  isWorkingDay(time: number): boolean {
    return this.weekdayNumber(time) !== 0 && !this.isHoliday(time);
  }

  /** Simulated time of 00:00 on an ISO date (may be negative, before the start). */
  timeOf(date: string): number {
    return (parseIsoDate(date) - this.startDay) * MINUTES_PER_DAY;
  }
}
