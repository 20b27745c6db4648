import { say, type Said } from './said';

/**
 * Turns a file's bytes into text. CRM exports come as UTF-8 (with or without a byte order mark),
 * UTF-16 (Excel's "Unicode text") and Windows-1251 (Russian Excel and older Bitrix24 exports).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export type Decoded = { ok: true; text: string; encoding: Encoding } | ({ ok: false } & Said);

/** Share of control characters (other than tab and line breaks) that marks a file as binary. */
const BINARY_SHARE = 0.01;

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, ...say('fileEmpty') };
  let encoding: Encoding;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [encoding, start] = ['utf-8', 3];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else encoding = guessWithoutMark(bytes);

  const body = bytes.subarray(start);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(body);
  } catch {
    encoding = 'windows-1251';
    text = new TextDecoder(encoding).decode(body);
  }
  if (looksBinary(text)) return { ok: false, ...say('fileBinary') };
  return { ok: true, text, encoding };
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
