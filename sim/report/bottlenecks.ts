/** A node or lane that made parcels wait, as `nodes.csv` / `lanes.csv` row fields. */
export interface Bottleneck {
  /** The row's position in the rows given (a node's row is its id in a `nodes.csv` of every node). */
  row: number;
  /** `nodes.csv`: the node's name; `lanes.csv`: `from → to (mode)`. */
  name: string;
  /** Node type and district, or the lane's mode. */
  where: string;
  /** Parcel-hours waited there over the run (a replication's mean). */
  parcelHours: number;
  waitHoursMean: number;
  /** Nodes: utilisation and the largest queue; lanes: mean fill and parcels left behind by full departures. */
  utilisation: number;
  queueMax: number;
  leftBehind: number;
}

/** A cell of a `nodes.csv` or `lanes.csv` row: the file's text, or the same value parsed (the browser's tables). */
type Cell = string | number | null | undefined;
/** The columns read, by name. */
type NodeRow = Readonly<Partial<Record<'name' | 'type' | 'district' | 'waitParcelHours' | 'waitHoursMean' | 'utilisation' | 'queueMax', Cell>>>;
type LaneRow = Readonly<Partial<Record<'fromName' | 'toName' | 'mode' | 'waitParcelHours' | 'waitHoursMean' | 'meanFill' | 'leftBehind', Cell>>>;

/**
 * The `n` nodes and `n` lanes where parcels waited longest in total (parcel-hours), from the rows
 * of a result folder's `nodes.csv` and `lanes.csv` read by column name. A node's waits are every
 * wait that ended there (for a pick wave, a departure, a delivery wave), so a node ranks above the
 * lanes leaving it; ties go to the earlier row.
 */
export function bottlenecks(nodes: readonly NodeRow[], lanes: readonly LaneRow[], n = 5): { nodes: Bottleneck[]; lanes: Bottleneck[] } {
  const num = (x: Cell): number => (x === undefined || x === null || x === '' ? 0 : Number(x));
  const str = (x: Cell): string => (x === undefined || x === null ? '' : String(x));
  const top = (rows: Bottleneck[]): Bottleneck[] =>
    rows
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.parcelHours > 0)
      .sort((a, b) => b.r.parcelHours - a.r.parcelHours || a.i - b.i)
      .slice(0, n)
      .map(({ r }) => r);
  return {
    nodes: top(
      nodes.map((r, row) => ({
        row,
        name: str(r.name),
        where: `${str(r.type)}, ${str(r.district)}`,
        parcelHours: num(r.waitParcelHours),
        waitHoursMean: num(r.waitHoursMean),
        utilisation: num(r.utilisation),
        queueMax: num(r.queueMax),
        leftBehind: 0,
      })),
    ),
    lanes: top(
      lanes.map((r, row) => ({
        row,
        name: `${str(r.fromName)} → ${str(r.toName)}`,
        where: str(r.mode),
        parcelHours: num(r.waitParcelHours),
        waitHoursMean: num(r.waitHoursMean),
        utilisation: num(r.meanFill),
        queueMax: 0,
        leftBehind: num(r.leftBehind),
      })),
    ),
  };
}

/** The bottlenecks as lines for a terminal. */
export function formatBottlenecks(b: { nodes: Bottleneck[]; lanes: Bottleneck[] }): string {
  const h = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
  const lines = ['bottlenecks: where parcels waited longest in total (parcel-hours over the run; nodes.csv, lanes.csv)'];
  b.nodes.forEach((r, i) =>
    lines.push(`  node ${i + 1}  ${r.name} (${r.where})  ${h(r.parcelHours)} parcel-h, ${h(r.waitHoursMean)} h a parcel, utilisation ${(100 * r.utilisation).toFixed(0)} %, queue up to ${h(r.queueMax)}`),
  );
  b.lanes.forEach((r, i) =>
    lines.push(`  lane ${i + 1}  ${r.name} (${r.where})  ${h(r.parcelHours)} parcel-h, ${h(r.waitHoursMean)} h a parcel, departures ${(100 * r.utilisation).toFixed(1)} % full${r.leftBehind > 0 ? `, ${h(r.leftBehind)} left behind` : ''}`),
  );
  return lines.join('\n');
}

/**
 * The shifting bottleneck over the run as a line: the kinds of resource that held the longest
 * backlog, with their share of the time (`bottleneck.share{type=…}` of a summary), largest first.
 */
export function formatShiftingBottleneck(metrics: Readonly<Record<string, { mean: number } | undefined>>): string | undefined {
  const shares = Object.entries(metrics)
    .filter(([name]) => name.startsWith('bottleneck.share{type='))
    .map(([name, m]) => ({ kind: name.slice('bottleneck.share{type='.length, -1), share: m?.mean ?? 0 }))
    .filter((s) => s.share >= 0.005)
    .sort((a, b) => b.share - a.share || (a.kind < b.kind ? -1 : 1));
  if (shares.length === 0) return undefined;
  const text = shares.map((s) => `${s.kind === 'none' ? 'none (no backlog)' : s.kind} ${(100 * s.share).toFixed(0)} %`).join(', ');
  return `shifting bottleneck (Roser's active periods: who held the longest backlog, share of the time): ${text}; by day in bottlenecks-daily.csv`;
}
