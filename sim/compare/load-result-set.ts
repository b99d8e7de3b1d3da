import { parseResultSet } from './parse-result-set.ts';
import { readResultFolder } from './result-folder-fs.ts';
import type { ResultSet } from './types.ts';

/**
 * Reads and parses a result folder (Node only). Throws CompareInputError (exit 2) naming the
 * folder and what is missing or malformed.
 */
export function loadResultSet(dir: string): ResultSet {
  return parseResultSet(readResultFolder(dir));
}
