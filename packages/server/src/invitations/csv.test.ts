import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv';

describe('csv', () => {
  it('reads quotes, escaped quotes, line breaks inside quotes, CRLF, a BOM and blank lines, keeping line numbers', () => {
    const text =
      '\uFEFFeventCode,reference,name\r\nWCS,A-1,"Zhao, Houlin"\r\n\r\nWCS,A-2,"Line\nbreak ""quoted"""\nWCS,A-3,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['eventCode', 'reference', 'name'] },
      { line: 2, cells: ['WCS', 'A-1', 'Zhao, Houlin'] },
      { line: 4, cells: ['WCS', 'A-2', 'Line\nbreak "quoted"'] },
      { line: 6, cells: ['WCS', 'A-3', ''] },
    ]);
  });

  it('writes CRLF, quotes when needed and defuses spreadsheet formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', null],
          ['=1+1', 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y",\r\n\'=1+1,3\r\n');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(parseCsv(toCsv(['name'], [['He said "hi", twice\nthen left']]))[1]?.cells).toEqual([
      'He said "hi", twice\nthen left',
    ]);
  });
});
