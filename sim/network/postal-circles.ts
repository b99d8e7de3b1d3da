/**
 * India Post's 23 postal circles (DOMAIN.md: 23 circles → 61 regions → 458 divisions) and the
 * Census 2011 states each serves. Smaller territories belong to a neighbouring circle: Goa to
 * Maharashtra; Chandigarh to Punjab; Daman & Diu and Dadra & Nagar Haveli to Gujarat; Puducherry
 * to Tamil Nadu; Lakshadweep to Kerala; Sikkim and the Andaman & Nicobar Islands to West Bengal;
 * the North East circle spans Arunachal Pradesh, Manipur, Meghalaya, Mizoram, Nagaland and
 * Tripura (Assam has its own circle). Telangana, still part of Andhra Pradesh in Census 2011, is a
 * circle of its own: its ten 2011 districts (Census codes 532–541) are split off by code.
 */
export const POSTAL_CIRCLES = [
  'Andhra Pradesh', 'Assam', 'Bihar', 'Chhattisgarh', 'Delhi', 'Gujarat', 'Haryana', 'Himachal Pradesh',
  'Jammu & Kashmir', 'Jharkhand', 'Karnataka', 'Kerala', 'Madhya Pradesh', 'Maharashtra', 'North East',
  'Odisha', 'Punjab', 'Rajasthan', 'Tamil Nadu', 'Telangana', 'Uttar Pradesh', 'Uttarakhand', 'West Bengal',
] as const;

export type PostalCircle = (typeof POSTAL_CIRCLES)[number];

const CIRCLE_OF_OTHER_STATE: Record<string, PostalCircle> = {
  Goa: 'Maharashtra',
  Chandigarh: 'Punjab',
  'Daman & Diu': 'Gujarat',
  'Dadra & Nagar Haveli': 'Gujarat',
  Puducherry: 'Tamil Nadu',
  Lakshadweep: 'Kerala',
  Sikkim: 'West Bengal',
  'Andaman & Nicobar Islands': 'West Bengal',
  'Arunachal Pradesh': 'North East',
  Manipur: 'North East',
  Meghalaya: 'North East',
  Mizoram: 'North East',
  Nagaland: 'North East',
  Tripura: 'North East',
};

/** Census 2011 codes of the Andhra Pradesh districts that formed Telangana in 2014. */
const TELANGANA_CODES_FIRST = 532;
const TELANGANA_CODES_LAST = 541;

/** The state today for a Census 2011 district: as in 2011, except that Telangana is split off. */
export function currentState(state: string, censusCode: number | null): string {
  if (state === 'Andhra Pradesh' && censusCode !== null && censusCode >= TELANGANA_CODES_FIRST && censusCode <= TELANGANA_CODES_LAST) {
    return 'Telangana';
  }
  return state;
}

/** The postal circle that serves a Census 2011 district. */
export function postalCircle(state: string, censusCode: number | null): PostalCircle {
  const s = currentState(state, censusCode);
  const own = (POSTAL_CIRCLES as readonly string[]).includes(s) ? (s as PostalCircle) : undefined;
  const circle = own ?? CIRCLE_OF_OTHER_STATE[s];
  if (!circle) throw new Error(`postal circle: state "${state}" is not a Census 2011 state or union territory`);
  return circle;
}
