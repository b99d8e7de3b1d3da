import type { ModelConfig } from '../model/index.ts';
import type { NetworkOptions } from '../network/index.ts';

/**
 * A resolved scenario: every layer merged over the defaults, every field present. This is what
 * is stored in `manifest.json`; what it simulates (`simulationInput`) is what gets hashed.
 */
export interface Scenario {
  name: string;
  question: string;
  seed: number | string;
  replications: number;
  days: number;
  /** Order days whose parcels flow but are not measured (warm-up deletion); 0 measures all. */
  warmupDays: number;
  scale: number;
  region: { states: string[]; districts: number[] };
  network: Required<Omit<NetworkOptions, 'scale' | 'states' | 'districts' | 'import' | 'points'>> & {
    /** A network read from files instead of the built one: paths relative to the scenario file that wrote them. */
    import?: { nodes: string; lanes: string };
  };
  model: Omit<ModelConfig, 'days' | 'scale' | 'demand'> & {
    /** The demand settings; `import` is the path of a user's orders file (relative to the scenario file that names it). */
    demand: Omit<ModelConfig['demand'], 'import'> & { import?: string };
  };
  sweep: Record<string, unknown[]>;
  /**
   * The files the scenario imports (network files, orders), by the field that names them: where
   * they were read and their SHA-256. Set by the loader, not written in a scenario file.
   */
  imports?: Record<string, { file: string; sha256: string }>;
}

/** Where a problem is: a file position (1-based line and column), or a command-line argument. */
export interface SourcePosition {
  /** The file (as given, or relative to the working directory), or `--set` for the command line. */
  source: string;
  line: number;
  col: number;
}

/** One problem with a scenario. */
export interface ScenarioIssue {
  /** Dotted path of the field (`model.demand.codShareUrban`), '' for the whole file. */
  path: string;
  message: string;
  /** Where it was written; absent when no layer wrote it (a required field missing everywhere). */
  at?: SourcePosition;
}
