// The discrete-event kernel, usable on its own: the calendar and clock, the process API,
// resources, random streams and distributions, and statistics.
export { Simulation, type Handler, type EventObserver } from './simulation.ts';
export { generalArray } from './general-array.ts';
export { grown } from './grown.ts';
export { MIN_PRIORITY, MAX_PRIORITY } from './event-heap.ts';
export { SimEvent, timeout, type EventState, type EventCallback, type Waiter } from './sim-event.ts';
export { Process, Interrupt, type ProcessGenerator } from './process.ts';
export { anyOf, allOf, type ConditionValue } from './condition.ts';
export { Server, Request, type ServerOptions } from './server.ts';
export { WaitQueue, type Discipline } from './wait-queue.ts';
export { scheduleCapacity, validateShifts, type Shift, type HasCapacity } from './shift-schedule.ts';
export { Store, type StoreOptions, type ValueHandler } from './store.ts';
export { Container, type ContainerOptions } from './container.ts';
export { ScheduledDepartures, validateDepartures, type DepartureOptions } from './scheduled-departures.ts';
export {
  MINUTES_PER_HOUR,
  MINUTES_PER_DAY,
  minutes,
  hours,
  days,
  dayIndex,
  minuteOfDay,
  hourOfDay,
  daysFromCivil,
  civilFromDays,
  parseIsoDate,
  formatIsoDate,
  SimCalendar,
  type Weekday,
} from './clock.ts';
export * from './random/index.ts';
export * from './stats/index.ts';
