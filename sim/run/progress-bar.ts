import type { ProgressCallback } from './run-jobs.ts';

/** Where the bar goes: `process.stderr` by default; anything with `write` (and `isTTY`, `columns`) will do. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressBar {
  /** Pass this as `onProgress`. */
  update: ProgressCallback;
  /** Ends the bar (a TTY's line is finished with a newline). Call it when the run ends, failed or not. */
  done(): void;
}

/**
 * A progress display for the CLI, on stderr so stdout stays clean for results. On a terminal: one
 * line redrawn in place, at most ten times a second: `label [█████░░░░░] 3/8  41 %  ETA 12 s`.
 * Otherwise (a log file, CI): a plain line at every whole 10 % and at each finished replication,
 * never a carriage return.
 */
export function createProgressBar(label: string, output: ProgressOutput = process.stderr, clock: () => number = () => performance.now()): ProgressBar {
  const tty = output.isTTY === true;
  let lastDraw = -Infinity;
  let lastDecile = -1;
  let lastDone = -1;
  let drawn = false;
  let last: [number, number, number, number] | undefined;

  const line = (done: number, total: number, fraction: number, eta: number): string => {
    const pct = `${Math.floor(fraction * 100)} %`.padStart(5);
    const text = `${done}/${total}  ${pct}  ETA ${formatSeconds(eta)}`;
    if (!tty) return `${label}: ${text}`;
    const width = Math.max(10, Math.min(40, (output.columns ?? 80) - label.length - text.length - 6));
    const full = Math.round(fraction * width);
    return `${label} [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${text}`;
  };

  return {
    update(done, total, fraction, eta) {
      last = [done, total, fraction, eta];
      if (tty) {
        const now = clock();
        if (now - lastDraw < 100 && done !== total) return;
        lastDraw = now;
        output.write(`\r${line(done, total, fraction, eta)}\x1b[K`);
        drawn = true;
        return;
      }
      const decile = Math.floor(fraction * 10);
      if (decile === lastDecile && done === lastDone) return;
      lastDecile = decile;
      lastDone = done;
      output.write(`${line(done, total, fraction, eta)}\n`);
    },
    done() {
      if (tty && drawn) {
        if (last !== undefined) output.write(`\r${line(...last)}\x1b[K`);
        output.write('\n');
      }
    },
  };
}

/** 75 → "1 min 15 s"; NaN or Infinity (nothing to go on yet) → "--". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
