/** An office name reduced for joining the two directories: lower case letters only, no type suffix. */
export function normaliseOfficeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s*\b(g\.?p\.?o|h\.?o|s\.?o|b\.?o|edb\.?o|gdb\.?o)\b\.?.*$/, '')
    .replace(/[^a-z]/g, '');
}
