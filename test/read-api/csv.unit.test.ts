import fc from 'fast-check';
import { csvCell, csvDocument } from '../../read-api/csv';

/** An RFC 4180 reader written here, independent of the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (char === '"') (quoted = false), i++;
      else (field += char), i++;
    } else if (char === '"') (quoted = true), i++;
    else if (char === ',') record.push(field), (field = ''), i++;
    else if (char === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), (i += 2);
    else (field += char), i++;
  }
  return records;
}

describe('CSV', () => {
  test('quotes what needs quoting, doubles quotes, leaves plain text and numbers alone', () => {
    expect(csvCell('Jalan berlubang')).toBe('Jalan berlubang');
    expect(csvCell('satu, dua')).toBe('"satu, dua"');
    expect(csvCell('kata "kutip"')).toBe('"kata ""kutip"""');
    expect(csvCell('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csvCell(' spasi ')).toBe('" spasi "');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
  });

  test('cells a spreadsheet would run as formulas start with an apostrophe (OWASP CSV injection)', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+62812')).toBe("'+62812");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });

  test('any table reads back cell for cell; formula-looking text only gains its apostrophe', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
        const parsed = parseCsv(csvDocument(['a', 'b', 'c'], rows));
        expect(parsed).toEqual([['a', 'b', 'c'], ...rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)))]);
        for (const row of parsed.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 500 },
    );
  });
});
