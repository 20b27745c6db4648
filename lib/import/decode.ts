import { say, type Said } from './said';
import { lineCount, type TextPieces } from './table';

/**
 * Turns a file's bytes into text. CRM exports come as UTF-8 (with or without a byte order mark),
 * UTF-16 (Excel's "Unicode text") and Windows-1251 (Russian Excel and older Bitrix24 exports).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export type Decoded = { ok: true; text: string; encoding: Encoding } | ({ ok: false } & Said);

/** Share of control characters (other than tab and line breaks) that marks a file as binary. */
const BINARY_SHARE = 0.01;

/** `partial`: the bytes are the start of a file, and may end inside a character. */
export function decodeBytes(bytes: Uint8Array, partial = false): Decoded {
  if (bytes.length === 0) return { ok: false, ...say('fileEmpty') };
  const [marked, start] = encodingOf(bytes);
  let encoding = marked;
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(body, { stream: partial });
  } catch {
    encoding = 'windows-1251';
    text = new TextDecoder(encoding).decode(body);
  }
  if (looksBinary(text)) return { ok: false, ...say('fileBinary') };
  return { ok: true, text, encoding };
}

/**
 * Bytes of a file read and decoded at a time: a million-row export is never whole in memory.
 * Small enough that a piece's text (two bytes a character once a Cyrillic letter is in it) is an
 * ordinary young object, collected at once, not a large one waiting for a full collection: 20 MB
 * less at the peak of a 200,000-row import than pieces of a megabyte, and no slower.
 */
export const PIECE_BYTES = 32 * 1024;

export type DecodedPieces = { ok: true; encoding: Encoding; text: TextPieces } | ({ ok: false } & Said);

/**
 * A file's text, decoded a piece at a time. The encoding is chosen as decodeBytes chooses it, the
 * whole file considered: UTF-8 only if all of it decodes as UTF-8. A first pass, which keeps
 * nothing, checks that and counts the lines for the progress.
 */
export async function decodePieces(file: Blob, pieceBytes = PIECE_BYTES): Promise<DecodedPieces> {
  if (file.size === 0) return { ok: false, ...say('fileEmpty') };
  const bytesAt = (from: number, to: number) => readBytes(file.slice(from, to));
  const [marked, start] = encodingOf(await bytesAt(0, 4096));
  let encoding = marked;

  let lines = 1;
  // A "\r" ending a piece is a line break of its own only if the next piece does not open with "\n".
  let carriageReturn = false;
  let decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const ranges = () => pieceRanges(start, file.size, pieceBytes);
  for (const [from, to] of ranges()) {
    const bytes = await bytesAt(from, to);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: to < file.size });
    } catch {
      // Not UTF-8 after all: Windows-1251, whose line breaks are the same bytes as UTF-8's.
      encoding = 'windows-1251';
      decoder = new TextDecoder(encoding);
      text = decoder.decode(bytes);
    }
    if (carriageReturn && text.charCodeAt(0) !== 10) lines++;
    carriageReturn = text.endsWith('\r');
    lines += lineCount(carriageReturn ? text.slice(0, -1) : text) - 1;
  }
  if (carriageReturn) lines++;
  const sample = new TextDecoder(encoding).decode(await bytesAt(start, start + 4 * 65_536), { stream: true });
  if (looksBinary(sample)) return { ok: false, ...say('fileBinary') };

  const chosen = encoding;
  async function* pieces() {
    const decoder = new TextDecoder(chosen);
    for (const [from, to] of ranges()) {
      // A character cut between two pieces waits in the decoder for its other bytes.
      yield decoder.decode(await bytesAt(from, to), { stream: to < file.size });
    }
  }
  return { ok: true, encoding, text: { lines, pieces: pieces() } };
}

/** The byte ranges of a file's pieces, from `start` (after a byte order mark) to its end. */
function* pieceRanges(start: number, size: number, pieceBytes: number): Generator<[number, number]> {
  for (let from = start; from < size; from += pieceBytes) yield [from, Math.min(from + pieceBytes, size)];
}

type SyncReader = new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer };
const SyncReader = (globalThis as { FileReaderSync?: SyncReader }).FileReaderSync;

/**
 * A piece's bytes, at once where a worker can read them so: an import reads its file inside its
 * database transaction, which commits by itself if its requests all finish while a read is awaited.
 */
function readBytes(blob: Blob): Uint8Array | Promise<Uint8Array> {
  if (SyncReader) return new Uint8Array(new SyncReader().readAsArrayBuffer(blob));
  return blob.arrayBuffer().then((buffer) => new Uint8Array(buffer));
}

/** The encoding its byte order mark names, and the mark's length; a guess without one. */
function encodingOf(head: Uint8Array): [Encoding, number] {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return ['utf-8', 3];
  if (head[0] === 0xff && head[1] === 0xfe) return ['utf-16le', 2];
  if (head[0] === 0xfe && head[1] === 0xff) return ['utf-16be', 2];
  return [guessWithoutMark(head), 0];
}

/** UTF-16 without a mark shows as every other byte zero; anything else is UTF-8 if it decodes. */
function guessWithoutMark(bytes: Uint8Array): Encoding {
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++)
    if (sample[i] === 0) {
      if (i % 2) oddZeros++;
      else evenZeros++;
    }
  const half = sample.length / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return 'utf-16be';
  return 'utf-8';
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control > Math.max(1, sample.length * BINARY_SHARE) || sample.includes('\u0000');
}
