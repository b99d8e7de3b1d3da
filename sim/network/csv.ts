/** A parsed CSV table: its header, and each record with the line and column where each field starts. */
export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

export interface CsvRow {
  /** The fields, as many as the record has (not padded to the header). */
  fields: string[];
  /** 1-based line of the record in the file (the header is line 1). */
  line: number;
  /** Offset of the record's first character in the text (`fieldColumn` finds a field's column from it, when a message needs one). */
  offset: number;
}

/** The 1-based column (character) where field `i` of a record starts on its line. */
export function fieldColumn(text: string, row: CsvRow, i: number): number {
  let col = 1;
  let at = row.offset;
  for (let f = 0; f < i && at < text.length; f++) {
    if (text.charCodeAt(at) === 34) {
      at++;
      for (;;) {
        const q = text.indexOf('"', at);
        if (q < 0) return col;
        at = q + 1;
        if (text.charCodeAt(at) === 34) at++;
        else break;
      }
    }
    while (at < text.length && text.charCodeAt(at) !== 44 && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
    at++;
  }
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  col = at - lineStart + 1;
  return col;
}

/**
 * RFC 4180 CSV: commas, double-quoted fields that may hold commas, doubled quotes and newlines;
 * LF or CRLF; a UTF-8 byte-order mark and blank lines are skipped. Unquoted fields are sliced, not
 * built a character at a time: an exported national network is ~180,000 records.
 */
export function parseCsv(text: string): CsvTable {
  const records: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // The next quote at or after i (-1: none left), found again only once passed.
  let quote = text.indexOf('"', i);
  const n = text.length;
  while (i < n) {
    const recordLine = line;
    const offset = i;
    // Most records have no quotes: one native split of the line.
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    if (quote >= 0 && quote < i) quote = text.indexOf('"', i);
    if (quote < 0 || quote > end) {
      const stop = end > i && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      if (stop > i) records.push({ fields: text.slice(i, stop).split(','), line: recordLine, offset });
      i = end + 1;
      line += 1;
      continue;
    }
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        // Quoted: up to the closing quote, "" is a quote.
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            value += text.slice(from);
            i = n;
            break;
          }
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        for (const c of value) if (c === '\n') line += 1;
        fields.push(value);
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      // End of record: CRLF, LF, CR or end of text.
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (i < n) i++;
      line += 1;
      break;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    records.push({ fields, line: recordLine, offset });
  }
  const [head, ...rows] = records;
  return { header: head ? head.fields.map((h) => h.trim()) : [], rows };
}

/** A field as CSV writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
