export type OfficeType = 'HO' | 'SO' | 'BO';

/**
 * The type of a post office from its name in the data.gov.in directory, which ends in "H.O", "G.P.O"
 * (a head office), "S.O" or "B.O" (also "EDB.O", "GDB.O", "BO", "S O"). The ~100 names with no
 * suffix are town offices and count as sub offices.
 */
export function classifyOffice(name: string): OfficeType {
  const n = name.trim().toUpperCase();
  if (/(\bG\.?\s?P\.?\s?O|\bH\.?\s?O)\.?\s*(\(.*\))?$/.test(n)) return 'HO';
  if (/B\.?\s?O\.?\s*(\(.*\))?$/.test(n)) return 'BO';
  return 'SO';
}
