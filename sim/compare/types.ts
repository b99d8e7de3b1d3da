import type { ScenarioDifference } from './scenario-differences.ts';

/**
 * The shapes that `sim/compare` reads and returns. Types only, so a browser bundle can import
 * them without pulling in Node's fs.
 *
 * The result-folder contract (DESIGN.md, "Runs, results and comparison"): `manifest.json`,
 * `summary.json`, `replications.csv`, and optionally `leadtime-histogram.csv`.
 */

/** `manifest.json`, as far as compare needs it; other fields are kept but not read. */
export interface ResultManifest {
  readonly scenario?: unknown;
  readonly scenarioName: string;
  readonly scenarioHash: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly version?: string;
  readonly gitCommit?: string | null;
  readonly timings?: unknown;
  readonly baseline?: { readonly reason: string; readonly from?: string; readonly updatedAt?: string };
  readonly [key: string]: unknown;
}

/** One metric in `summary.json`. `null` where JSON.stringify wrote NaN. */
export interface SummaryMetric {
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ci95: readonly [number | null, number | null] | null;
  readonly n: number;
}

/** `summary.json`. */
export interface ResultSummary {
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly seed: number | string;
  readonly replications: number;
  readonly metrics: Readonly<Record<string, SummaryMetric>>;
}

/** `replications.csv`, column-wise. Empty cells are NaN. */
export interface ReplicationTable {
  /** Metric names in header order. */
  readonly metrics: readonly string[];
  /** The `replication` column, in file order. */
  readonly replications: readonly number[];
  /** One array per metric, aligned with `replications`. */
  readonly values: Readonly<Record<string, readonly number[]>>;
}

/** `leadtime-histogram.csv` (`hour,count`), optional. */
export interface HistogramBin {
  readonly hour: number;
  readonly count: number;
}

/** The text of a result folder's files, as read; what `parseResultSet` turns into a ResultSet. */
export interface RawResultFolder {
  /** The folder, for error messages and labels. */
  readonly dir: string;
  readonly manifestJson: string;
  readonly summaryJson: string;
  readonly replicationsCsv: string;
  readonly leadTimeHistogramCsv?: string | undefined;
}

/** One result folder, parsed. Keeps the raw text so exact mode can compare bytes. */
export interface ResultSet {
  /** The folder it came from (or any label a caller chooses). */
  readonly dir: string;
  readonly manifest: ResultManifest;
  readonly summary: ResultSummary;
  readonly replications: ReplicationTable;
  readonly leadTimeHistogram?: readonly HistogramBin[] | undefined;
  readonly raw: RawResultFolder;
}

/** Which way a metric should move. `neutral` metrics can be `changed`, never `worse`. */
export type Direction = 'higher' | 'lower' | 'neutral';

/** How far a metric may move and still count as `same`: max(relative × |mean A|, absolute). */
export interface Tolerance {
  readonly relative: number;
  readonly absolute: number;
}

export type Correction = 'holm' | 'bh';

export type TestKind =
  /** Per-replication differences: same seed and replication indices (common random numbers). */
  | 'paired'
  /** Welch's unequal-variance two-sample t-test. */
  | 'welch';

/**
 * - `same`: no practically significant difference (within tolerance, or the interval shows it).
 * - `better` / `worse`: significant after correction and beyond tolerance, in the metric's direction.
 * - `changed`: as better/worse, for a neutral metric.
 * - `inconclusive`: not significant, but the interval of the difference reaches beyond the
 *   tolerance: more replications are needed to tell.
 */
export type Verdict = 'same' | 'better' | 'worse' | 'changed' | 'inconclusive';

export interface CompareOptions {
  /** Significance level for the corrected p-values and the level of the difference's CI. */
  readonly alpha?: number;
  /**
   * Relative tolerance by metric: an exact name (`rto.share{operator=india-post}`), a base name
   * (`rto.share`, covers its slices) or a prefix with `*` (`cost.*`). Replaces the relative part
   * of the default; a value of 0 also drops the absolute floor (any significant change counts).
   */
  readonly tolerance?: Readonly<Record<string, number>>;
  readonly correction?: Correction;
  readonly allowDifferentScenarios?: boolean;
}

/** A sample's mean and its 95 % confidence interval (t-based), from the per-replication values. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly ci95: readonly [number, number];
}

export interface CompareRow {
  readonly metric: string;
  readonly direction: Direction;
  readonly a: SampleSummary;
  readonly b: SampleSummary;
  /** mean B − mean A (for paired: mean of the per-replication differences, the same number). */
  readonly diff: number;
  /** (1 − alpha) confidence interval of B − A, unadjusted for multiplicity. */
  readonly diffCi: readonly [number, number];
  /** diff / |mean A|; null when mean A is 0 and diff is not. */
  readonly relDiff: number | null;
  readonly test: TestKind;
  readonly t: number | null;
  readonly df: number | null;
  /** Two-sided p-value; null when a side has fewer than 2 values. */
  readonly p: number | null;
  /** p after Holm or Benjamini–Hochberg over every row with a p-value. */
  readonly pAdjusted: number | null;
  /** The absolute tolerance used: max(relative × |mean A|, absolute floor). */
  readonly tolerance: number;
  readonly verdict: Verdict;
  /** Why, when the verdict needs a word (too few values, deterministic difference). */
  readonly note?: string;
}

export interface CompareReport {
  readonly a: { readonly dir: string; readonly scenarioName: string; readonly scenarioHash: string; readonly seed: number | string; readonly replications: number };
  readonly b: { readonly dir: string; readonly scenarioName: string; readonly scenarioHash: string; readonly seed: number | string; readonly replications: number };
  /**
   * True when A and B simulate the same scenario (equal hashes): a regression check. False for
   * two what-ifs compared on purpose (`allowDifferentScenarios`): their differences are what
   * was asked about, so nothing counts as a regression (`exitCodeFor` is 0).
   */
  readonly sameScenario: boolean;
  /** The fields in which the resolved scenarios in the manifests differ (empty when the same, or unknown). */
  readonly scenarioDifferences: readonly ScenarioDifference[];
  readonly alpha: number;
  readonly correction: Correction;
  /** `paired` when both sets share seed and replication indices, else `welch`. */
  readonly test: TestKind;
  readonly rows: readonly CompareRow[];
  readonly onlyInA: readonly string[];
  readonly onlyInB: readonly string[];
  readonly counts: Readonly<Record<Verdict, number>>;
}

/** compareExact's answer: identical, or the first place the files differ. */
export type ExactResult =
  | { readonly identical: true }
  | {
      readonly identical: false;
      readonly file: 'summary.json' | 'replications.csv';
      /** The metric (column or summary key) that differs, or null for a structural difference. */
      readonly metric: string | null;
      /** The replication index (CSV) or null (summary). */
      readonly replication: number | null;
      readonly a: string | null;
      readonly b: string | null;
      readonly message: string;
    };
