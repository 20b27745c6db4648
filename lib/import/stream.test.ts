// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { wholeLines } from './sheet';
import { lastRowEnd } from './stream';
import { streamTable, TableError, type TableRow } from './table';

/** Every row of a table as [line, fields], and the progress totals told along the way. */
async function rowsOf(source: string | Blob, pieceSize?: number) {
  const rows: [number, string[]][] = [];
  const totals: number[] = [];
  let header: string[] = [];
  await streamTable(
    source,
    3,
    async (h, chunk: TableRow[], at) => {
      header = h;
      rows.push(...chunk.map((r): [number, string[]] => [r.line, r.fields]));
      totals.push(at.total);
    },
    pieceSize,
  );
  return { header, rows, totals };
}

// A CRM export as written: a byte order mark, Windows line endings, a note over three lines
// with a quoted quote, a blank line, Cyrillic and an emoji whose bytes any slice may cut.
const text =
  '\uFEFFName;Email;Note\r\n' +
  'Лорена Уиллис;lorena@example.com;"VIP; ""kettle""\r\nsecond line\r\nthird"\r\n' +
  'Tomás Díaz;tomas@example.com;🌿 plants\r\n' +
  '\r\n' +
  'Ада;ada@example.com;5" screen\r\n' +
  'Boris;boris@example.com;last\r\n';

describe('a table read in pieces', () => {
  it('yields the rows, lines and fields of the whole text, however small the pieces', async () => {
    const whole = await rowsOf(text);
    expect(whole.header).toEqual(['Name', 'Email', 'Note']);
    expect(whole.rows).toEqual([
      [2, ['Лорена Уиллис', 'lorena@example.com', 'VIP; "kettle"\nsecond line\nthird']],
      [5, ['Tomás Díaz', 'tomas@example.com', '🌿 plants']],
      [7, ['Ада', 'ada@example.com', '5" screen']],
      [8, ['Boris', 'boris@example.com', 'last']],
    ]);
    const file = new Blob([new TextEncoder().encode(text)]);
    for (const size of [1, 2, 3, 5, 7, 16, 33, 1000]) {
      const read = await rowsOf(file, size);
      expect({ size, ...read, totals: undefined }).toEqual({ size, ...whole, totals: undefined });
      // The estimate ends exact.
      expect(read.totals.at(-1)).toBe(4);
    }
  });

  it('reads Windows-1251 and UTF-16 files in pieces', async () => {
    const cp1251 = new Uint8Array([
      ...new TextEncoder().encode('Name;City\n'),
      0xc0,
      0xeb,
      0xe8,
      0xf1,
      0xe0,
      0x3b,
      0xcc,
      0xee,
      0xf1,
      0xea,
      0xe2,
      0xe0,
      0x0a,
    ]);
    expect((await rowsOf(new Blob([cp1251]), 4)).rows).toEqual([[2, ['Алиса', 'Москва']]]);
    const utf16 = 'Name,Email\nЛорена,lorena@example.com\n';
    const le = new Uint8Array(2 + utf16.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < utf16.length; i++) {
      le[2 + i * 2] = utf16.charCodeAt(i) & 0xff;
      le[3 + i * 2] = utf16.charCodeAt(i) >> 8;
    }
    expect((await rowsOf(new Blob([le]), 5)).rows).toEqual([[2, ['Лорена', 'lorena@example.com']]]);
  });

  it('reports a quote left open where it opens, whatever the piece size', async () => {
    const broken = 'name,email\nAda,ada@example.com\nBo,"bo@example.com\nCy,cy@example.com\n';
    for (const size of [4, 9, 1000]) {
      const error = await rowsOf(new Blob([broken]), size).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TableError);
      expect((error as TableError).problems[0]).toMatchObject({ line: 3, code: 'fileUnclosedQuote' });
    }
  });

  it('says a file with no rows is empty', async () => {
    await expect(rowsOf(new Blob(['\n\n  \n']), 2)).rejects.toThrow(TableError);
    await expect(rowsOf(new Blob(['name,email\n']), 2)).rejects.toThrow(TableError);
  });
});

describe('where rows end', () => {
  it('is the last line break outside quotes; a quote inside an unquoted field opens nothing', () => {
    expect(lastRowEnd('a,b\nc,"d\ne', ',')).toBe(3);
    expect(lastRowEnd('a,5" tv\nc,d\n', ',')).toBe(11);
    expect(lastRowEnd('a;"x "" y"\nb', ';')).toBe(10);
    expect(lastRowEnd('a,"open', ',')).toBe(-1);
  });

  it('cuts the head of a file after a whole line, never inside a character', () => {
    const utf8 = new TextEncoder().encode('a,b\nЛорена,Уиллис');
    expect(new TextDecoder().decode(wholeLines(utf8))).toBe('a,b\n');
    // UTF-16LE: "\n" is 0A 00; the 0A of "Ċ" (U+010A) sits where a line break would.
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00, 0x0a, 0x01, 0x62]);
    expect([...wholeLines(le)]).toEqual([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00, 0x0a, 0x01]);
  });
});
