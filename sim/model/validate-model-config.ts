import { parseIsoDate } from '../engine/index.ts';
import { FIRST_MILES, LAST_MILE_CARRIERS, LINEHAULS } from './carrier-rules.ts';
import { type ModelConfig, POLICIES } from './model-config.ts';

export interface ConfigIssue {
  /** Dotted path of the field, e.g. `demand.codShareUrban` or `disruptions.diwali.saleMultiplier`. */
  path: string;
  message: string;
}

/** Thrown by `runModel` for an invalid config; `issues` lists every problem. */
export class ModelConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(`invalid model config:\n  ${issues.map((i) => `${i.path}: ${i.message}`).join('\n  ')}`);
    this.name = 'ModelConfigError';
  }
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v));

/**
 * Every problem of a config, each with its path, the value given and what is valid; empty when
 * valid. Fields added after the scenario layer's schema (timetable, beat, stock placement, station
 * riders) may be absent: `runModel` takes their defaults (`withModelDefaults`).
 */
export function validateModelConfig(config: ModelConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const bad = (path: string, value: unknown, valid: string): void => {
    issues.push({ path, message: `must be ${valid}, given ${show(value)}` });
  };
  const num = (path: string, v: unknown, lo: number, hi: number, what = `a number in [${lo}, ${hi}]`): void => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) bad(path, v, what);
  };
  const int = (path: string, v: unknown, lo: number, hi: number): void => {
    if (!Number.isInteger(v) || (v as number) < lo || (v as number) > hi) bad(path, v, `an integer in [${lo}, ${hi}]`);
  };
  const share = (path: string, v: unknown): void => num(path, v, 0, 1, 'a share in [0, 1]');
  const date = (path: string, v: unknown): void => {
    try {
      if (typeof v !== 'string') throw new Error();
      parseIsoDate(v);
    } catch {
      bad(path, v, 'an ISO date YYYY-MM-DD');
    }
  };
  const minutesList = (path: string, v: unknown, max = 1440): void => {
    if (!Array.isArray(v) || v.length === 0) return bad(path, v, `a non-empty ascending list of minutes in [0, ${max})`);
    v.forEach((x, i) => {
      if (typeof x !== 'number' || !(x >= 0 && x < max) || (i > 0 && !(x > v[i - 1]))) bad(`${path}[${i}]`, x, `a minute in [0, ${max}) after the one before`);
    });
  };
  const weights = (path: string, v: unknown, n: number): void => {
    if (!Array.isArray(v) || v.length !== n) return bad(path, v, `a list of ${n} weights ≥ 0`);
    v.forEach((x, i) => num(`${path}[${i}]`, x, 0, 1e9, 'a weight ≥ 0'));
    if (v.every((x) => typeof x === 'number' && x === 0)) bad(path, v, 'weights with at least one > 0');
  };
  const obj = (path: string, v: unknown): boolean => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      bad(path, v, 'an object');
      return false;
    }
    return true;
  };
  if (!obj('', config)) return issues;
  const c = config;

  date('startDate', c.startDate);
  int('days', c.days, 1, 366);
  int('drainDays', c.drainDays, 0, 60);
  if (!Array.isArray(c.holidays)) bad('holidays', c.holidays, 'a list of ISO dates');
  else c.holidays.forEach((h, i) => date(`holidays[${i}]`, h));
  if (c.scale !== undefined) num('scale', c.scale, Number.MIN_VALUE, 1, 'a number in (0, 1]');

  if (obj('demand', c.demand)) {
    const d = c.demand;
    num('demand.parcelsPerDay', d.parcelsPerDay, 0, 1e9, 'parcels a day in [0, 1e9]');
    num('demand.urbanWeight', d.urbanWeight, 0, 100);
    weights('demand.hourly', d.hourly, 24);
    weights('demand.weekly', d.weekly, 7);
    share('demand.codShareUrban', d.codShareUrban);
    share('demand.codShareRural', d.codShareRural);
    share('demand.farFcShare', d.farFcShare);
    if (d.stockPlacementUtilisation !== undefined) num('demand.stockPlacementUtilisation', d.stockPlacementUtilisation, 0, 10);
  }
  if (!POLICIES.includes(c.policy)) bad('policy', c.policy, `one of ${POLICIES.join(', ')}`);
  const orders = c.demand?.import;
  if (orders !== undefined) {
    const o = orders?.content as unknown as Record<string, unknown> | undefined;
    const n = Array.isArray(o?.parcelsPerDay) ? o.parcelsPerDay.length : -1;
    const cols = ['pin', 'district', 'point', 'parcelsPerDay', 'rural'];
    if (typeof orders?.sha256 !== 'string' || n < 0 || cols.some((k) => !Array.isArray(o?.[k]) || (o[k] as unknown[]).length !== n) || (o?.date !== null && !(Array.isArray(o?.date) && o.date.length === n))) {
      bad('demand.import', orders, 'imported orders ({ sha256, content: { pin, district, point, date, parcelsPerDay, rural } }, columns of equal length), as readOrders makes them');
    }
  }
  if (c.rules !== undefined) {
    if (!Array.isArray(c.rules)) bad('rules', c.rules, 'a list of carrier rules');
    else c.rules.forEach((r, i) => checkRule(`rules[${i}]`, r, bad, share));
  }
  if (obj('policies', c.policies)) {
    const p = c.policies;
    if (obj('policies.indiaPost', p.indiaPost)) {
      if (typeof p.indiaPost.tracking !== 'boolean') bad('policies.indiaPost.tracking', p.indiaPost.tracking, 'true or false');
      num('policies.indiaPost.dwellMinutesWithoutTracking', p.indiaPost.dwellMinutesWithoutTracking, 0, 14400);
      num('policies.indiaPost.feePerParcel', p.indiaPost.feePerParcel, 0, 10_000);
      if (p.indiaPost.beatMinute !== undefined) num('policies.indiaPost.beatMinute', p.indiaPost.beatMinute, 0, 1439);
      if (p.indiaPost.beatSpreadMinutes !== undefined) num('policies.indiaPost.beatSpreadMinutes', p.indiaPost.beatSpreadMinutes, 0, 1439);
      if (p.indiaPost.staffToLoad !== undefined && typeof p.indiaPost.staffToLoad !== 'boolean') bad('policies.indiaPost.staffToLoad', p.indiaPost.staffToLoad, 'true or false');
      if (p.indiaPost.airBetweenMetros !== undefined && typeof p.indiaPost.airBetweenMetros !== 'boolean') bad('policies.indiaPost.airBetweenMetros', p.indiaPost.airBetweenMetros, 'true or false');
    }
    if (obj('policies.kirana', p.kirana)) {
      share('policies.kirana.share', p.kirana.share);
      if (p.kirana.waveMinute !== undefined) num('policies.kirana.waveMinute', p.kirana.waveMinute, 0, 1439);
    }
    if (obj('policies.sharedWarehouses', p.sharedWarehouses)) share('policies.sharedWarehouses.forwardStockShare', p.sharedWarehouses.forwardStockShare);
    if (obj('policies.b2b', p.b2b)) {
      share('policies.b2b.share', p.b2b.share);
      share('policies.b2b.exportShare', p.b2b.exportShare);
    }
  }
  if (obj('operations', c.operations)) {
    const o = c.operations;
    minutesList('operations.packWaves', o.packWaves);
    num('operations.packMinutes', o.packMinutes, 0, 2880);
    num('operations.sortMinutes', o.sortMinutes, 0, 2880);
    num('operations.handoffMinutes', o.handoffMinutes, 0, 2880);
    minutesList('operations.handoffDepartures', o.handoffDepartures);
    if (o.timetable !== undefined && obj('operations.timetable', o.timetable)) {
      for (const [kind, times] of Object.entries(o.timetable)) {
        if (!/^[a-z-]+>[a-z-]+(\/(road|rail|air))?$/.test(kind)) bad(`operations.timetable.${kind}`, kind, "a lane kind 'from-type>to-type' or 'from-type>to-type/mode'");
        minutesList(`operations.timetable.${kind}`, times);
      }
    }
    num('operations.deliveryWaveMinute', o.deliveryWaveMinute, 0, 1439);
    num('operations.deliverySpreadMinutes', o.deliverySpreadMinutes, 0, 1439);
    num('operations.reattemptHours', o.reattemptHours, 1, 240);
    int('operations.maxAttempts', o.maxAttempts, 1, 10);
    num('operations.returnDays', o.returnDays, 0, 60);
    num('operations.vehiclesPerDeparture', o.vehiclesPerDeparture, 0.001, 1e6);
    if (o.stationHeadroom !== undefined) num('operations.stationHeadroom', o.stationHeadroom, 0, 10);
    share('operations.lossPerLeg', o.lossPerLeg);
  }
  if (obj('customer', c.customer)) {
    const u = c.customer;
    for (const k of ['availabilityAmazon', 'availabilityIndiaPost', 'availabilityIndiaPostTracked', 'availabilityKirana', 'ruralFactor', 'collectShare'] as const) {
      share(`customer.${k}`, u[k]);
    }
    for (const k of ['codRefusalByDelay', 'prepaidRefusalByDelay'] as const) {
      if (!Array.isArray(u[k]) || u[k].length !== 3) bad(`customer.${k}`, u[k], 'three shares: first attempt ≤ 2 days, 3–5 days, > 5 days after the order');
      else u[k].forEach((x, i) => share(`customer.${k}[${i}]`, x));
    }
  }
  if (obj('costs', c.costs)) {
    for (const [k, v] of Object.entries(c.costs)) num(`costs.${k}`, v, 0, 100_000, 'INR in [0, 100000]');
  }
  if (obj('emissions', c.emissions)) {
    for (const [k, v] of Object.entries(c.emissions)) num(`emissions.${k}`, v, 0, 100, 'kg CO₂ in [0, 100]');
  }
  if (obj('disruptions', c.disruptions)) {
    for (const [id, d] of Object.entries(c.disruptions)) {
      const p = `disruptions.${id}`;
      if (!obj(p, d)) continue;
      if (d.type === 'festive') {
        date(`${p}.from`, d.from);
        date(`${p}.to`, d.to);
        if (typeof d.from === 'string' && typeof d.to === 'string' && d.to < d.from) bad(`${p}.to`, d.to, `a date on or after from (${d.from})`);
        if (!Array.isArray(d.saleDays)) bad(`${p}.saleDays`, d.saleDays, 'a list of ISO dates');
        else d.saleDays.forEach((s, i) => date(`${p}.saleDays[${i}]`, s));
        if (d.saleMultiplier !== undefined) num(`${p}.saleMultiplier`, d.saleMultiplier, 0, 50);
        if (d.windowMultiplier !== undefined) num(`${p}.windowMultiplier`, d.windowMultiplier, 0, 50);
        if (d.capacityMultiplier !== undefined) num(`${p}.capacityMultiplier`, d.capacityMultiplier, 1, 10);
      } else if (d.type === 'monsoon') {
        date(`${p}.from`, d.from);
        date(`${p}.to`, d.to);
        if (!Array.isArray(d.states) || d.states.some((s) => typeof s !== 'string')) bad(`${p}.states`, d.states, 'a list of state names');
        if (d.linehaulSlowdown !== undefined) num(`${p}.linehaulSlowdown`, d.linehaulSlowdown, 1, 10);
        if (d.closedShare !== undefined) share(`${p}.closedShare`, d.closedShare);
      } else if (d.type === 'hub-closure') {
        if (typeof d.node !== 'string' || d.node === '') bad(`${p}.node`, d.node, "a node's name");
        date(`${p}.from`, d.from);
        int(`${p}.days`, d.days, 1, 366);
      } else {
        bad(`${p}.type`, (d as { type?: unknown }).type, "one of 'festive', 'monsoon', 'hub-closure'");
      }
    }
  }
  if (obj('nodeOverrides', c.nodeOverrides)) {
    for (const [name, o] of Object.entries(c.nodeOverrides)) {
      if (!obj(`nodeOverrides.${name}`, o)) continue;
      if (o.capacityMultiplier !== undefined) num(`nodeOverrides.${name}.capacityMultiplier`, o.capacityMultiplier, 0, 100);
    }
  }
  if (obj('eventLog', c.eventLog)) {
    if (typeof c.eventLog.enabled !== 'boolean') bad('eventLog.enabled', c.eventLog.enabled, 'true or false');
    share('eventLog.sampleShare', c.eventLog.sampleShare);
    int('eventLog.maxEvents', c.eventLog.maxEvents, 0, 1e8);
  }
  return issues;
}

/** One carrier rule: known fields, their values, and combinations the model can carry. */
function checkRule(path: string, r: unknown, bad: (path: string, value: unknown, valid: string) => void, share: (path: string, v: unknown) => void): void {
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return bad(path, r, 'a rule: an object with lastMile and optionally when, share, firstMile, linehaul, exportShare');
  const rule = r as Record<string, unknown>;
  for (const k of Object.keys(rule)) if (!['when', 'share', 'firstMile', 'linehaul', 'lastMile', 'exportShare'].includes(k)) bad(`${path}.${k}`, rule[k], 'left out: valid fields are when, share, firstMile, linehaul, lastMile, exportShare');
  if (!LAST_MILE_CARRIERS.includes(rule.lastMile as never)) bad(`${path}.lastMile`, rule.lastMile, `one of ${LAST_MILE_CARRIERS.join(', ')}`);
  if (rule.firstMile !== undefined && !FIRST_MILES.includes(rule.firstMile as never)) bad(`${path}.firstMile`, rule.firstMile, `one of ${FIRST_MILES.join(', ')}`);
  if (rule.linehaul !== undefined && !LINEHAULS.includes(rule.linehaul as never)) bad(`${path}.linehaul`, rule.linehaul, `one of ${LINEHAULS.join(', ')}`);
  if (rule.share !== undefined) share(`${path}.share`, rule.share);
  if (rule.exportShare !== undefined) share(`${path}.exportShare`, rule.exportShare);
  const postal = rule.lastMile === 'india-post';
  if ((rule.firstMile === 'seller' || rule.firstMile === 'india-post-hub') && !postal) bad(`${path}.lastMile`, rule.lastMile, `india-post: a parcel from ${rule.firstMile === 'seller' ? 'a seller' : 'an India Post hub'} travels with India Post to its last mile`);
  if (rule.linehaul === 'india-post' && !postal) bad(`${path}.linehaul`, rule.linehaul, "amazon, or lastMile india-post: India Post does not hand parcels back to Amazon's or a kirana's last mile");
  if (rule.exportShare !== undefined && rule.exportShare !== 0 && !postal) bad(`${path}.exportShare`, rule.exportShare, '0, or lastMile india-post: exports go abroad through India Post');
  const when = rule.when;
  if (when === undefined) return;
  if (when === null || typeof when !== 'object' || Array.isArray(when)) return bad(`${path}.when`, when, 'an object of conditions (area, states, districts, direct, cod, kirana)');
  const w = when as Record<string, unknown>;
  for (const k of Object.keys(w)) if (!['area', 'states', 'districts', 'direct', 'cod', 'kirana'].includes(k)) bad(`${path}.when.${k}`, w[k], 'left out: valid conditions are area, states, districts, direct, cod, kirana');
  if (w.area !== undefined && w.area !== 'urban' && w.area !== 'rural') bad(`${path}.when.area`, w.area, 'urban or rural');
  for (const k of ['direct', 'cod', 'kirana'] as const) if (w[k] !== undefined && typeof w[k] !== 'boolean') bad(`${path}.when.${k}`, w[k], 'true or false');
  if (w.states !== undefined && (!Array.isArray(w.states) || w.states.some((x) => typeof x !== 'string'))) bad(`${path}.when.states`, w.states, 'a list of state names');
  if (w.districts !== undefined && (!Array.isArray(w.districts) || w.districts.some((x) => !Number.isInteger(x) || x < 1 || x > 640))) bad(`${path}.when.districts`, w.districts, 'a list of Census 2011 district codes (1 to 640)');
}
