/**
 * A file's bytes as the text of a table, whatever the CRM exported: CSV or TSV in any of the
 * encodings decode.ts knows, or an Excel workbook (.xlsx), whose sheet is written out as CSV so
 * that one reader serves both. Formats Concierge cannot read (old .xls, Numbers, OpenDocument) get
 * a message that says what to export instead.
 */
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { decodeBytes, decodePieces, type Encoding } from './decode';
import { lineCount, type TextPieces } from './table';
import { say, type Said } from './said';

export type Format = Encoding | 'xlsx';

export type FileText =
  | {
      ok: true;
      text: string;
      format: Format;
      /** A workbook's sheets, and the one read; absent for text files. */
      sheets?: string[];
      sheet?: string;
    }
  | ({ ok: false } & Said);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, mark: number[]) => mark.every((b, i) => bytes[i] === b);

export const XLS_MESSAGE = say('fileXls').message;
export const NUMBERS_MESSAGE = say('fileNumbers').message;
export const ODS_MESSAGE = say('fileOds').message;

/** The first member's name in a ZIP archive: "mimetype" (OpenDocument), "Index/…" (Numbers). */
function firstMember(bytes: Uint8Array): string {
  if (bytes.length < 30) return '';
  const length = bytes[26]! | (bytes[27]! << 8);
  return new TextDecoder().decode(bytes.subarray(30, 30 + Math.min(length, 200)));
}

/**
 * The text of the file; `sheet` names a workbook's sheet to read (the first by default). `partial`:
 * the bytes are the start of a text file.
 */
export async function fileText(
  bytes: Uint8Array,
  fileName = '',
  sheet?: string,
  partial = false,
): Promise<FileText> {
  const name = fileName.toLowerCase();
  if (startsWith(bytes, OLE)) return { ok: false, ...say('fileXls') };
  if (name.endsWith('.numbers')) return { ok: false, ...say('fileNumbers') };
  if (name.endsWith('.ods')) return { ok: false, ...say('fileOds') };
  if (startsWith(bytes, ZIP)) {
    const member = firstMember(bytes);
    if (member === 'mimetype') return { ok: false, ...say('fileOds') };
    if (member.startsWith('Index/') || member.startsWith('Metadata/'))
      return { ok: false, ...say('fileNumbers') };
    return workbookText(bytes, sheet);
  }
  const decoded = decodeBytes(bytes, partial);
  return decoded.ok ? { ok: true, text: decoded.text, format: decoded.encoding } : decoded;
}

async function workbookText(bytes: Uint8Array, wanted?: string): Promise<FileText> {
  let sheets;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // Numbers are kept as written: a phone or an id must not become 1.5551234567e10.
    sheets = await readXlsxFile(buffer, { parseNumber: (text: string) => text, trim: false });
  } catch {
    return { ok: false, ...say('fileZip') };
  }
  const names = sheets.map((s) => s.sheet);
  const chosen = sheets.find((s) => s.sheet === wanted) ?? sheets[0];
  if (!chosen || chosen.data.length === 0) return { ok: false, ...say('workbookNoRows') };
  const rows = chosen.data.map((row) => row.map(cellText));
  const text = Papa.unparse(rows, { newline: '\n' });
  return { ok: true, text, format: 'xlsx', sheets: names, sheet: chosen.sheet };
}

/** A cell as the CSV export of the same sheet would write it; dates as ISO dates. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/** Bytes enough to tell a workbook, a format Concierge cannot read, or text by its encoding. */
const HEAD_BYTES = 4096;

/** Whether the file must be read whole: a workbook, or a format refused by what its whole says. */
export function readWhole(head: Uint8Array, fileName: string): boolean {
  const name = fileName.toLowerCase();
  return startsWith(head, OLE) || startsWith(head, ZIP) || name.endsWith('.numbers') || name.endsWith('.ods');
}

export type FilePieces = { ok: true; text: TextPieces; format: Format } | ({ ok: false } & Said);

/**
 * The file's table text in pieces, for an import: a text file is read and decoded a piece at a
 * time; a workbook, which cannot be read in pieces, is read whole and is its one piece.
 */
export async function filePieces(file: Blob, fileName = '', sheet?: string): Promise<FilePieces> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  if (readWhole(head, fileName)) {
    const read = await fileText(new Uint8Array(await file.arrayBuffer()), fileName, sheet);
    if (!read.ok) return read;
    return { ok: true, text: { lines: lineCount(read.text), pieces: [read.text] }, format: read.format };
  }
  const decoded = await decodePieces(file);
  return decoded.ok ? { ok: true, text: decoded.text, format: decoded.encoding } : decoded;
}
