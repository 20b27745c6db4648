import { encodingOf } from './decode';

/**
 * Characters of text (or bytes of a file) taken at a time: a million-row export is never whole in
 * memory, neither as bytes nor as text, while it is imported.
 */
export const PIECE_SIZE = 4 * 1024 * 1024;

/** Longer than any row of a real export: a quote open this long was never closed. */
const MAX_ROW = 16 * 1024 * 1024;

/** A piece of a table's text that ends where a row ends (or where the text does). */
export interface TextPiece {
  text: string;
  /** How far into the source the pieces so far reach, of its whole size. */
  read: number;
  size: number;
}

/** Where a row ends, or -1: the delimiter decides what starts a field, and a quote only opens one there. */
export function lastRowEnd(text: string, delimiter: string): number {
  let end = -1;
  let fieldStart = true;
  let quoted = false;
  let quoteSeen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') continue;
      quoted = false;
      quoteSeen = true;
      continue;
    }
    if (c === '"' && (fieldStart || quoteSeen)) {
      // An opening quote, or the second of two in a quoted field: inside the quotes again.
      quoted = true;
      quoteSeen = false;
      fieldStart = false;
      continue;
    }
    quoteSeen = false;
    if (c === '\n') {
      end = i;
      fieldStart = true;
    } else fieldStart = c === delimiter;
  }
  return end;
}

type SyncReader = new () => { readAsArrayBuffer: (blob: Blob) => ArrayBuffer };
const SyncReader = (globalThis as { FileReaderSync?: SyncReader }).FileReaderSync;

/**
 * A slice's bytes. The import reads inside its database transaction, which commits itself at the
 * first wait that is not the database's own: in a worker the file is read synchronously.
 */
const bytesOf = async (blob: Blob): Promise<Uint8Array> =>
  new Uint8Array(SyncReader ? new SyncReader().readAsArrayBuffer(blob) : await blob.arrayBuffer());

/** Raw text, a slice at a time: decoded from a file's bytes, or cut from a string. */
async function* slices(source: string | Blob, size: number): AsyncGenerator<[string, number, number]> {
  if (typeof source === 'string') {
    for (let at = 0; at < source.length || at === 0; at += size)
      yield [source.slice(at, at + size), Math.min(source.length, at + size), source.length];
    return;
  }
  // The encoding is told from the file's first 64 KB, whatever the size of a slice.
  const sample = await bytesOf(source.slice(0, 65_536));
  const decoder = new TextDecoder(encodingOf(sample));
  for (let at = 0; at < source.size || at === 0; at += size) {
    const bytes = await bytesOf(source.slice(at, at + size));
    const last = at + size >= source.size;
    // A character cut at the slice's end is finished by the next slice.
    yield [decoder.decode(bytes, { stream: !last }), Math.min(source.size, at + size), source.size];
  }
}

/**
 * A table's text in pieces that end where rows end, one kind of line ending, no byte order
 * mark. The delimiter is asked for once the first piece is known (it is read from the header).
 */
export async function* tablePieces(
  source: string | Blob,
  delimiterOf: (first: string) => string,
  size = PIECE_SIZE,
): AsyncGenerator<TextPiece> {
  let carry = '';
  let delimiter: string | null = null;
  let first = true;
  for await (const [slice, read, total] of slices(source, size)) {
    let text = carry + (first ? slice.replace(/^\uFEFF/, '') : slice);
    first = false;
    const last = read >= total;
    // "\r\n" may be cut between two slices: a last "\r" waits for the next one.
    if (!last && text.endsWith('\r')) {
      carry = '\r';
      text = text.slice(0, -1);
    } else carry = '';
    text = text.replace(/\r\n?/g, '\n');
    if (last) {
      yield { text, read, size: total };
      return;
    }
    // The delimiter is read from the header, once its line is whole.
    if (delimiter === null) {
      if (!text.includes('\n')) {
        carry = text + carry;
        continue;
      }
      delimiter = delimiterOf(text);
    }
    const end = lastRowEnd(text, delimiter);
    // A quote open for longer than any cell will not close: the reader reports it where it opens.
    if (end < 0 && text.length < Math.max(size * 4, MAX_ROW)) {
      carry = text + carry;
      continue;
    }
    const cut = end < 0 ? text.length : end + 1;
    carry = text.slice(cut) + carry;
    yield { text: text.slice(0, cut), read, size: total };
  }
}
