/**
 * Rows of cells as aligned lines for a terminal: each line indented two spaces, columns two spaces
 * apart, numbers right-aligned and the columns in `left` (the first, by default) left-aligned; no
 * trailing spaces. Every table the CLI prints under a summary is drawn by this.
 */
export function textTable(cells: readonly (readonly string[])[], left: readonly number[] = [0]): string[] {
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  return cells.map((row) => `  ${row.map((t, c) => (left.includes(c) ? t.padEnd(widths[c]!) : t.padStart(widths[c]!))).join('  ')}`.trimEnd());
}
