import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvCell, serialiseCsv } from './csv.js';

/** What a reader should get back: text as written (defused formulas keep their `'`), numbers as text. */
function expectedCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const cellArb: fc.Arbitrary<CsvCell> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', 'a', '渠', '道') }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constant(null),
);

describe('serialiseCsv', () => {
  it('writes a BOM, CRLF records, quotes only where RFC 4180 needs them', () => {
    expect(
      serialiseCsv([
        ['渠道', '收入（元）', '备注'],
        ['微信', 1280.5, null],
        ['朋友圈, 广告', -3, 'say "hi"\nbye'],
      ]),
    ).toBe('\uFEFF渠道,收入（元）,备注\r\n微信,1280.5,\r\n"朋友圈, 广告",-3,"say ""hi""\nbye"\r\n');
    expect(serialiseCsv([])).toBe('\uFEFF');
  });

  it('defuses text that a spreadsheet would run as a formula (OWASP CSV injection), not negative numbers', () => {
    expect(serialiseCsv([['=1+2', '+86 138', '-x', '@SUM(A1)', '\t=1', 'a=b', -5]])).toBe(
      "\uFEFF'=1+2,'+86 138,'-x,'@SUM(A1),'\t=1,a=b,-5\r\n",
    );
    expect(serialiseCsv([['=HYPERLINK("http://x","点")']])).toBe('\uFEFF"\'=HYPERLINK(""http://x"",""点"")"\r\n');
  });

  it('keeps a row of one empty cell, and refuses rows without cells and numbers that are not finite', () => {
    expect(serialiseCsv([['a'], [''], [null]])).toBe('\uFEFFa\r\n""\r\n""\r\n');
    expect(() => serialiseCsv([[]])).toThrow(/at least one cell/);
    expect(() => serialiseCsv([[Number.NaN]])).toThrow(/finite/);
    expect(() => serialiseCsv([[Number.POSITIVE_INFINITY]])).toThrow(/finite/);
  });

  it('reads back as written with an RFC 4180 parser (csv-parse), and no cell starts a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const text = serialiseCsv(rows);
        expect(text.startsWith('\uFEFF')).toBe(true);
        const parsed: string[][] = parse(text, { bom: true, relax_column_count: true });
        expect(parsed).toEqual(rows.map((row) => row.map(expectedCell)));
        parsed.forEach((row, r) => {
          row.forEach((cell, c) => {
            if (typeof rows[r]?.[c] === 'string') expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          });
        });
      }),
    );
  });
});
