/** A number for a table: 4 significant digits, no exponent between 1e-4 and 1e9, `–` for NaN. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e9 || abs < 1e-4) return x.toExponential(3);
  if (abs >= 1e4) return x.toFixed(0);
  return String(Number(x.toPrecision(4)));
}

/** A p-value: two significant digits, `<1e-4` below that. */
export function formatP(p: number | null): string {
  if (p === null) return '–';
  if (p === 0) return '0';
  if (p < 1e-4) return '<1e-4';
  return String(Number(p.toPrecision(2)));
}

/** A relative difference as a signed percentage. */
export function formatPercent(x: number | null): string {
  if (x === null || Number.isNaN(x)) return '–';
  const pct = 100 * x;
  const digits = Math.abs(pct) >= 10 ? 1 : 2;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(digits)} %`;
}
