import { GridIndex } from './grid-index.ts';
import type { NetworkNode, NodeType } from './network.ts';

/** The kinds of node each type hangs from in its operator's tree ([] for the roots: sort centres and national hubs). */
export const PARENT_TYPES: Readonly<Record<NodeType, readonly NodeType[]>> = {
  'fulfilment-centre': ['sort-centre'],
  'sort-centre': [],
  'delivery-station': ['sort-centre'],
  kirana: ['delivery-station'],
  'national-sorting-hub': [],
  'intra-circle-hub': ['national-sorting-hub'],
  'post-office': ['national-sorting-hub', 'intra-circle-hub'],
  'branch-office': ['post-office'],
  seller: ['post-office'],
};

/**
 * Finds each node's parent, the next node up its operator's tree, by the network's rules: an FC
 * or a station hangs from the nearest sort centre, a kirana from the nearest station, an
 * intra-circle hub from the nearest national hub of its circle, an office from the nearest hub of
 * its circle, a branch office from its PIN's delivery office (else the nearest delivery office in
 * its district), a seller from the nearest delivery office. The build uses it for every node; an
 * edited network for the nodes that lost their parent or were added. Only nodes for which
 * `usable(id)` holds can be parents (removed nodes cannot); `open(child, parent)` says whether a
 * link may be used (a closed lane between them forbids it).
 */
export class ParentFinder {
  private readonly indexes = new Map<string, GridIndex>();
  private readonly deliveryOfPin = new Map<number, number>();

  constructor(
    private readonly nodes: readonly NetworkNode[],
    private readonly usable: (id: number) => boolean = () => true,
  ) {
    for (const n of nodes) if (n.type === 'post-office' && n.delivers && n.pin > 0 && usable(n.id) && !this.deliveryOfPin.has(n.pin)) this.deliveryOfPin.set(n.pin, n.id);
  }

  /** The parent of `n` (a node id), or -1 for a root or when no node of its parent kind is left. */
  parentOf(n: NetworkNode, open: (child: number, parent: number) => boolean = () => true): number {
    const ok = (id: number): boolean => id !== n.id && open(n.id, id);
    switch (n.type) {
      case 'fulfilment-centre':
      case 'delivery-station':
        return this.nearest('sc', (x) => x.type === 'sort-centre', n, ok);
      case 'kirana':
        return this.nearest('ds', (x) => x.type === 'delivery-station', n, ok);
      case 'intra-circle-hub':
        return this.inCircle('nsh', (x) => x.type === 'national-sorting-hub', n, ok);
      case 'post-office':
        return this.inCircle('hub', (x) => x.type === 'national-sorting-hub' || x.type === 'intra-circle-hub', n, ok);
      case 'branch-office': {
        const own = n.pin > 0 ? this.deliveryOfPin.get(n.pin) : undefined;
        if (own !== undefined && ok(own)) return own;
        const district = n.district;
        const sameDistrict = this.index('po', (x) => x.type === 'post-office' && x.delivers).nearest(n.lon, n.lat, (id) => ok(id) && this.nodes[id]!.district === district);
        return sameDistrict?.id ?? this.nearest('po', (x) => x.type === 'post-office' && x.delivers, n, ok);
      }
      case 'seller':
        return this.nearest('po', (x) => x.type === 'post-office' && x.delivers, n, ok);
      default:
        return -1;
    }
  }

  private nearest(key: string, kind: (x: NetworkNode) => boolean, n: NetworkNode, ok: (id: number) => boolean): number {
    return this.index(key, kind).nearest(n.lon, n.lat, ok)?.id ?? -1;
  }

  /** The nearest of a kind in the node's circle, else anywhere (hubs serve their own circle). */
  private inCircle(key: string, kind: (x: NetworkNode) => boolean, n: NetworkNode, ok: (id: number) => boolean): number {
    const circle = this.index(`${key}/${n.circle}`, (x) => kind(x) && x.circle === n.circle).nearest(n.lon, n.lat, ok)?.id;
    return circle ?? this.nearest(key, kind, n, ok);
  }

  private index(key: string, kind: (x: NetworkNode) => boolean): GridIndex {
    let index = this.indexes.get(key);
    if (index === undefined) {
      const list = this.nodes.filter((x) => kind(x) && this.usable(x.id));
      this.indexes.set(key, (index = new GridIndex(list.map((x) => x.lon), list.map((x) => x.lat), list.map((x) => x.id))));
    }
    return index;
  }
}
