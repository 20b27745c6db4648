import { describe, expect, it } from 'vitest';
import { decodeBytes, decodePieces } from './decode';
import { previewFile } from './preview';
import { lineCount, readTable, RowReader, streamTable, type TableRow, type TextPieces } from './table';

/** A table with what breaks naive readers: a mark, mixed line breaks, quoted breaks, a footer. */
const TRICKY =
  '\uFEFFName;Email;Note\r\n' +
  'Лорена Уиллис;lorena@example.com;"Звонить после 9.\r\nНе в выходные"\r\n' +
  '\r\n' +
  'Ada "Ace" Lane;ada@example.com;"She said ""hi""; twice"\n' +
  'Kai 🌿;kai@example.com;\r' +
  'Boris;boris@example.com;"a\n\nb"\n' +
  'Итого\n';

/** The text cut at these indexes, as a file read in pieces gives it. */
function piecesAt(text: string, cuts: number[]): TextPieces {
  const ends = [...cuts, text.length];
  return { lines: lineCount(text), pieces: ends.map((to, i) => text.slice(i ? ends[i - 1] : 0, to)) };
}

async function streamed(pieces: TextPieces, size = 2) {
  const rows: TableRow[] = [];
  let header: string[] = [];
  await streamTable(pieces, size, async (h, chunk) => {
    header = h;
    rows.push(...chunk);
  });
  return { header, rows };
}

describe('reading a table piece by piece', () => {
  const whole = readTable(TRICKY);

  it('reads the tricky table whole: lines kept, blank rows and the footer left out', () => {
    expect(whole).toEqual({
      ok: true,
      header: ['Name', 'Email', 'Note'],
      rows: [
        { line: 2, fields: ['Лорена Уиллис', 'lorena@example.com', 'Звонить после 9.\nНе в выходные'] },
        { line: 5, fields: ['Ada "Ace" Lane', 'ada@example.com', 'She said "hi"; twice'] },
        { line: 6, fields: ['Kai 🌿', 'kai@example.com', ''] },
        { line: 7, fields: ['Boris', 'boris@example.com', 'a\n\nb'] },
      ],
    });
  });

  it('reads the same rows wherever the text is cut: in a quoted break, a "\\r\\n", a character', async () => {
    for (let cut = 1; cut < TRICKY.length; cut++) {
      const { header, rows } = await streamed(piecesAt(TRICKY, [cut]));
      expect({ cut, header, rows }).toEqual({
        cut,
        header: whole.ok && whole.header,
        rows: whole.ok && whole.rows,
      });
    }
    const { rows } = await streamed(piecesAt(TRICKY, [...TRICKY].map((_, i) => i + 1).slice(0, -1)));
    expect(rows).toEqual(whole.ok && whole.rows);
  });

  it('hands chunks of the size asked, with the rows read of a total estimated from the lines left', async () => {
    const lines = ['email', ...Array.from({ length: 100 }, (_, i) => `p${i}@example.com`)];
    const text = lines.join('\n');
    const at: [number, number][] = [];
    await streamTable(
      piecesAt(text, [text.length / 4, text.length / 2]),
      30,
      async (_, chunk, { read, total }) => {
        at.push([read, total]);
        expect(chunk.length).toBe(read === 100 ? 10 : 30);
      },
    );
    // The total is the rows read and the lines still to read: exact here, with one row a line.
    expect(at).toEqual([
      [30, 100],
      [60, 100],
      [90, 100],
      [100, 100],
    ]);
  });

  it('reads a workbook-sized text given whole, as one piece', async () => {
    const text = ['email', ...Array.from({ length: 200_000 }, (_, i) => `p${i}@example.com`)].join('\n');
    const { rows } = await streamed({ lines: lineCount(text), pieces: [text] }, 2000);
    expect(rows.length).toBe(200_000);
    expect(rows.at(-1)).toEqual({ line: 200_001, fields: ['p199999@example.com'] });
  });

  it('reports a quote left open at the line where it opens, whatever the pieces', async () => {
    const text = 'name,email\nAda,a@example.com\nBob,"b@example.com\nCyd,c@example.com\n';
    for (const cuts of [[], [20], [31, 40]]) {
      await expect(streamed(piecesAt(text, cuts))).rejects.toMatchObject({
        problems: [{ line: 3, code: 'fileUnclosedQuote' }],
      });
    }
  });

  it('stops at a quote left open rather than carrying the rest of a large file', () => {
    const reader = new RowReader();
    expect(reader.push('name,note\nAda,"open\n')).toEqual([]);
    // A kilobyte at a time: the rest of the row is read again only as it doubles, and given up
    // once it is longer than any row can be, long before the 30 MB end.
    const line = `${'x'.repeat(1000)}\n`;
    let pushed = 0;
    while (!reader.problem && pushed < 30_000) {
      reader.push(line);
      pushed++;
    }
    expect(pushed).toBeLessThan(20_000);
    expect(reader.problem).toMatchObject({ line: 2, code: 'fileUnclosedQuote' });
  });

  it('refuses an empty text, a header alone, and blank lines only', async () => {
    for (const [text, code] of [
      ['', 'fileEmpty'],
      [' \n\n \n', 'fileEmpty'],
      ['\uFEFF', 'fileEmpty'],
      ['name,email\n', 'fileNoRows'],
    ]) {
      expect(readTable(text!)).toMatchObject({ ok: false, problems: [{ line: 0, code }] });
      await expect(streamed(piecesAt(text!, []))).rejects.toMatchObject({ problems: [{ line: 0, code }] });
    }
  });
});

describe('decoding a file piece by piece', () => {
  const text = 'Имя,Email\nЛорена 🌿,lorena@example.com\nKai,kai@example.com\n';

  async function decoded(bytes: Uint8Array, pieceBytes: number) {
    const read = await decodePieces(new Blob([bytes as Uint8Array<ArrayBuffer>]), pieceBytes);
    if (!read.ok) return read;
    let all = '';
    for await (const piece of read.text.pieces) all += piece;
    return { encoding: read.encoding, text: all, lines: read.text.lines };
  }

  it('gives the whole file decoding as one, with characters cut between pieces', async () => {
    const utf8 = new TextEncoder().encode(text);
    for (const pieceBytes of [1, 2, 3, 5, 7, 64]) {
      const read = await decoded(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), pieceBytes);
      expect(read).toMatchObject({ encoding: 'utf-8', text, lines: 4 });
      // Lines counted across pieces, a "\r\n" cut between two of them included.
      const tricky = await decoded(new TextEncoder().encode(TRICKY), pieceBytes);
      expect(tricky).toMatchObject({ text: TRICKY.slice(1), lines: lineCount(TRICKY) });
    }
    expect(lineCount(TRICKY)).toBe(11);
    // UTF-16 code units, little-endian as every machine the tests run on.
    const units = new Uint16Array(Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)));
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(units.buffer)]);
    expect(await decoded(utf16, 3)).toMatchObject({ encoding: 'utf-16le', text });
  });

  it('reads Windows-1251 when a byte far into the file is not UTF-8, as the whole file decodes', async () => {
    // "Итого" in Windows-1251, after 4,000 bytes of ASCII that are valid UTF-8 too.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`name\n${'a\n'.repeat(2000)}`),
      0xc8,
      0xf2,
      0xee,
      0xe3,
      0xee,
      0x0a,
    ]);
    const read = await decoded(bytes, 1024);
    const whole = decodeBytes(bytes);
    expect(read).toMatchObject({ encoding: 'windows-1251', text: whole.ok && whole.text });
    expect(whole).toMatchObject({ encoding: 'windows-1251' });
    expect('text' in read && read.text.endsWith('Итого\n')).toBe(true);
  });

  it('reads a short Windows-1251 file, every letter Cyrillic, as Windows-1251', async () => {
    const bytes = new Uint8Array([0xc8, 0xec, 0xff, 0x0d, 0x0a, 0xc0, 0xeb, 0xe8, 0xf1, 0xe0, 0x0d, 0x0a]);
    expect(await decoded(bytes, 4)).toEqual({ encoding: 'windows-1251', text: 'Имя\r\nАлиса\r\n', lines: 3 });
  });

  it('refuses an empty file and a binary one', async () => {
    expect(await decodePieces(new Blob([]))).toMatchObject({ ok: false, code: 'fileEmpty' });
    const binary = new Uint8Array(4000).map((_, i) => (i * 7) % 32);
    expect(await decodePieces(new Blob([binary]))).toMatchObject({ ok: false, code: 'fileBinary' });
  });
});

describe('previewing the start of a large file', () => {
  it('reads the rows in the first bytes, cut inside a character and inside a quoted note', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `Лорена ${i},l${i}@example.com,"Звонить\nпосле ${i}"`);
    const bytes = new TextEncoder().encode(['Name,Email,Notes', ...rows].join('\n'));
    // Cut in the middle of the 41st row's note, inside a two-byte letter.
    const cut =
      new TextEncoder().encode(
        ['Name,Email,Notes', ...rows.slice(0, 40)].join('\n') + '\nЛорена 40,l40@example.com,"З',
      ).length - 1;
    const head = (size: number) =>
      previewFile('big.csv', bytes.subarray(0, cut), 'customers', undefined, size);
    expect(await head(150 * 1024 * 1024)).toMatchObject({
      kind: 'customers',
      format: 'utf-8',
      header: ['Name', 'Email', 'Notes'],
      samples: [
        ['Лорена 0', 'Лорена 1', 'Лорена 2'],
        ['l0@example.com', 'l1@example.com', 'l2@example.com'],
        expect.any(Array),
      ],
    });
    const tooBig = await head(250 * 1024 * 1024);
    expect(tooBig).toMatchObject({ kind: 'failed', problems: [{ code: 'fileTooBig' }] });
  });
});
