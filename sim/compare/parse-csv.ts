import { parseCsv as parseCsvTable } from '../network/csv.ts';

/**
 * RFC 4180 CSV as rows of fields, the header first: the one parser of the project
 * (`sim/network/csv.ts`: quoted fields with commas, doubled quotes and newlines, LF or CRLF, a
 * byte-order mark and blank lines skipped). Our writers never quote, but a quoted file from a
 * spreadsheet still reads.
 */
export function parseCsv(text: string): string[][] {
  const table = parseCsvTable(text);
  return table.header.length === 0 ? [] : [table.header, ...table.rows.map((r) => r.fields)];
}
