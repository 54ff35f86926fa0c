/**
 * Tables as CSV (issue 15 §2 "every table exports as CSV"): RFC 4180 text that Excel in China
 * opens as UTF-8, and that cannot run a formula when opened.
 */

/** A cell: text, a number, or empty (`null`). */
export type CsvCell = string | number | null;

/** Excel reads a file as UTF-8 only when it starts with a byte order mark; without it, GBK garbles Chinese. */
const BYTE_ORDER_MARK = '\uFEFF';
/** RFC 4180 §2.1: records end with CRLF. */
const CRLF = '\r\n';
/**
 * OWASP "CSV Injection": a cell starting with one of these is run as a formula (`=`, `+`, `-`,
 * `@`), or hides one behind a tab or carriage return. Such text cells get a leading `'`, which
 * spreadsheets read as "this is text" and show without it.
 */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
/** RFC 4180 §2.6: fields holding a quote, a comma or a line break are enclosed in double quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Serialises rows (each with at least one cell) to CSV: a UTF-8 byte order mark, then one CRLF-ended
 * record per row. Numbers are written as numbers (a negative number is a value, not a formula);
 * text cells that could start a formula are defused; quotes are doubled (RFC 4180 §2.7).
 *
 * @example serialiseCsv([['渠道', '收入'], ['=HYPERLINK("x")', -12.5]])
 * // '\uFEFF渠道,收入\r\n"\'=HYPERLINK(""x"")",-12.5\r\n'
 */
export function serialiseCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BYTE_ORDER_MARK + rows.map((row) => `${serialiseRow(row)}${CRLF}`).join('');
}

function serialiseRow(row: readonly CsvCell[]): string {
  if (row.length === 0) throw new Error('a CSV row needs at least one cell');
  // A lone empty cell would be an empty line, which readers may skip: quote it.
  if (row.length === 1 && (row[0] === null || row[0] === '')) return '""';
  return row.map(serialiseCell).join(',');
}

function serialiseCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`a CSV number must be finite: ${cell}`);
    return String(cell);
  }
  const text = FORMULA_TRIGGERS.some((trigger) => cell.startsWith(trigger)) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
