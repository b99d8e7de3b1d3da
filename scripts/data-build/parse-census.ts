/** One Census 2011 district (table A-1), with its state's name in title case. */
export interface CensusDistrict {
  code: number;
  name: string;
  state: string;
  total: number;
  rural: number;
  urban: number;
  households: number;
  areaKm2: number;
  towns: number;
}

/** Parses `census2011-a1-districts.csv` into districts keyed by Census code, in file order. */
export function parseCensus(csv: string): Map<number, CensusDistrict> {
  const lines = csv.trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`census CSV: column "${name}" missing; header is ${header.join(',')}`);
    return i;
  };
  const [level, stateCode, code, name, residence, towns, households, population, area] = [
    'level', 'state_code', 'district_code', 'name', 'residence', 'towns', 'households', 'population', 'area_km2',
  ].map(col) as [number, number, number, number, number, number, number, number, number];
  const states = new Map<string, string>();
  const out = new Map<number, CensusDistrict>();
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    if (c.length !== header.length) throw new Error(`census CSV: line has ${c.length} fields, expected ${header.length}: ${line}`);
    if (c[level] === 'state' && c[residence] === 'total') states.set(c[stateCode]!, stateName(c[name]!));
    if (c[level] !== 'district') continue;
    const k = Number(c[code]);
    let d = out.get(k);
    if (!d) {
      d = { code: k, name: c[name]!, state: states.get(c[stateCode]!) ?? '', total: 0, rural: 0, urban: 0, households: 0, areaKm2: 0, towns: 0 };
      out.set(k, d);
    }
    const pop = Number(c[population]);
    if (c[residence] === 'total') {
      d.total = pop;
      d.households = Number(c[households]);
      d.areaKm2 = Math.round(Number(c[area]) * 10) / 10;
      d.towns = Number(c[towns]);
    } else if (c[residence] === 'rural') d.rural = pop;
    else if (c[residence] === 'urban') d.urban = pop;
  }
  for (const d of out.values()) {
    if (!d.state) throw new Error(`census CSV: district ${d.code} ${d.name} has no state row before it`);
    if (d.rural + d.urban !== d.total) throw new Error(`census CSV: district ${d.code} ${d.name}: rural ${d.rural} + urban ${d.urban} ≠ total ${d.total}`);
  }
  return out;
}

function stateName(upper: string): string {
  if (upper === 'NCT OF DELHI') return 'Delhi';
  return upper.toLowerCase().replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
}
