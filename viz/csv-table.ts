import { csvParse } from 'd3';

/** A CSV file of a result folder, read by column name. */
export interface CsvTable {
  columns: readonly string[];
  rows: readonly Record<string, string>[];
  has(column: string): boolean;
  /** The column as a number (NaN for an empty cell). */
  num(row: Record<string, string>, column: string): number;
  str(row: Record<string, string>, column: string): string;
}

/**
 * Parses `text` (a file named `file` of result folder `folder`) and checks that every `required`
 * column is in its header, so a renamed or missing column fails with its name, never as a map of
 * NaN. Columns are found by exact name, in any order; extra columns are ignored.
 */
export function csvTable(folder: string, file: string, text: string, required: readonly string[]): CsvTable {
  const rows = csvParse(text);
  const columns = rows.columns;
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new Error(`result folder ${folder}: ${file} has no column ${missing.map((c) => JSON.stringify(c)).join(', ')} (its columns: ${columns.join(', ') || 'none'}; need ${required.join(', ')})`);
  }
  const str = (row: Record<string, string>, column: string): string => row[column] ?? '';
  return {
    columns,
    rows: rows as unknown as Record<string, string>[],
    has: (column) => columns.includes(column),
    num: (row, column) => {
      const cell = str(row, column).trim();
      return cell === '' ? Number.NaN : Number(cell);
    },
    str,
  };
}
