/**
 * Reads historical leads from a CSV file (I/O lives in scripts/, SPEC §2.3 "historical leads
 * arrive as CSV with a column mapping"). Any subset of rows with the header is accepted.
 */
import { readFileSync } from 'node:fs';
import { type HistoricalLead, type HistoricalLeadMapping, listMappingProblems, mapHistoricalRow } from '@scrm/shared';
import { parse } from 'csv-parse/sync';

/** A problem with the user's input: the CLI prints it and exits with code 2. */
export class UsageError extends Error {}

/** Parses the CSV text and maps every row; throws UsageError naming the file, row and problem. */
export function parseLeadsCsv(
  text: string,
  mapping: HistoricalLeadMapping,
  asOf: Date,
  source = 'CSV',
): HistoricalLead[] {
  let records: Record<string, string>[];
  let header: string[] = [];
  try {
    records = parse(text, {
      columns: (names: string[]) => {
        header = names;
        return names;
      },
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new UsageError(`${source}: not a readable CSV (${(error as Error).message})`);
  }
  const problems = listMappingProblems(mapping, header);
  if (problems.length > 0) throw new UsageError(`${source}: ${problems.join('; ')}`);
  return records.map((record, index) => {
    try {
      return mapHistoricalRow(mapping, record, asOf);
    } catch (error) {
      throw new UsageError(`${source} row ${index + 2}: ${(error as Error).message}`);
    }
  });
}

/** Reads and maps a CSV file. */
export function readLeadsCsv(path: string, mapping: HistoricalLeadMapping, asOf: Date): HistoricalLead[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseLeadsCsv(text, mapping, asOf, path);
}
