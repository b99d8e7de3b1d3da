import type { NetworkNode } from './network.ts';

/** What a generated name ends with after its place: ' FC 3', ' SC', ' DS 12', ' kirana 7', ' NSH', ' ICH', ' HO', ' SO', ' branch offices', ' seller 2'. */
const KIND_TAIL = / (FC|SC|DS|kirana|NSH|ICH|HO|SO|branch offices|seller)( \d+)?$/;

/**
 * Makes node names unique, in place, so that scenario files can name any node (edits, closures,
 * lanes). Names repeat where places do: two districts called Bijapur, two towns called Bārāsat,
 * two 'AIIMS' sub offices. Every node of a place and kind that has a repeated name (all of
 * Bārāsat's kiranas, not only the numbers both towns have) gets the first qualifier that tells
 * them apart: the district, the state, both, the PIN, else a number in build order. It goes after
 * the place ('Bijapur (Karnataka) seller 1', 'AIIMS (Rishikesh) SO'), so the kind stays last. Run
 * on the national node list before a region is cut from it, so a node has the same name in every
 * region. `districtName(i)` names dataset district i.
 */
export function makeNamesUnique(nodes: NetworkNode[], districtName: (district: number) => string): void {
  const count = new Map<string, number>();
  for (const n of nodes) count.set(n.name, (count.get(n.name) ?? 0) + 1);
  const groupOf = (name: string): string => {
    const tail = KIND_TAIL.exec(name);
    return tail ? `${name.slice(0, tail.index)}\u0000${tail[1]}` : name;
  };
  const groups = new Map<string, NetworkNode[]>();
  for (const n of nodes) {
    if (count.get(n.name)! < 2) continue;
    groups.set(groupOf(n.name), []);
  }
  if (groups.size === 0) return;
  for (const n of nodes) groups.get(groupOf(n.name))?.push(n);
  const taken = new Set(count.keys());
  const qualifiers: ((n: NetworkNode, k: number) => string)[] = [
    (n) => districtName(n.district),
    (n) => n.state,
    (n) => `${districtName(n.district)}, ${n.state}`,
    (n) => (n.pin > 0 ? String(n.pin) : ''),
  ];
  for (const group of groups.values()) {
    const fits = (names: string[]): boolean => new Set(names).size === names.length && names.every((x, k) => x !== group[k]!.name && !taken.has(x));
    let names = qualifiers.map((q) => group.map((n, k) => qualified(n.name, q(n, k)))).find(fits);
    // Nothing tells them apart: number the repeats of each name, in build order.
    if (names === undefined) {
      const seen = new Map<string, number>();
      names = group.map((n) => {
        const k = (seen.get(n.name) ?? 0) + 1;
        seen.set(n.name, k);
        let name = qualified(n.name, String(k));
        while (taken.has(name)) name = `${name}′`;
        return name;
      });
    }
    group.forEach((n, k) => (n.name = names[k]!));
    for (const x of names) taken.add(x);
  }
}

function qualified(name: string, qualifier: string): string {
  if (qualifier === '') return name;
  const tail = KIND_TAIL.exec(name);
  return tail ? `${name.slice(0, tail.index)} (${qualifier})${tail[0]}` : `${name} (${qualifier})`;
}
