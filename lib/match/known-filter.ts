/**
 * A Bloom filter of the identity keys customers are known by. Most authors on a brand's page
 * are not customers; the filter says so from memory, where asking the index would cost a read
 * each. It never forgets a key it was given (no false "stranger"); about 2 % of strangers pass
 * it and are looked up as before.
 */
export interface KnownFilter {
  bits: Uint8Array;
  /** Keys it was sized for: past that, false passes grow and the filter is rebuilt or dropped. */
  capacity: number;
  /** Keys added (a key added twice counts once when its bits were all set already). */
  count: number;
}

const BITS_PER_KEY = 8;
const PROBES = 6;
const MIN_CAPACITY = 4096;

/** Two independent 32-bit FNV-1a hashes of a key: every probe position derives from them. */
export function keyHashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // Odd, so that the probes of double hashing never cycle early.
  return [a >>> 0, (b | 1) >>> 0];
}

export function newFilter(keys: number): KnownFilter {
  const capacity = Math.max(MIN_CAPACITY, Math.ceil(keys * 1.5));
  return { bits: new Uint8Array(Math.ceil((capacity * BITS_PER_KEY) / 8)), capacity, count: 0 };
}

function probe(filter: KnownFilter, h1: number, h2: number, set: boolean): boolean {
  const size = filter.bits.length * 8;
  let all = true;
  for (let i = 0; i < PROBES; i++) {
    const bit = (h1 + Math.imul(i, h2)) >>> 0;
    const at = bit % size;
    const mask = 1 << (at & 7);
    const byte = filter.bits[at >> 3]!;
    if (!(byte & mask)) {
      all = false;
      if (!set) return false;
      filter.bits[at >> 3] = byte | mask;
    }
  }
  return all;
}

export function addHashes(filter: KnownFilter, h1: number, h2: number): void {
  if (!probe(filter, h1, h2, true)) filter.count++;
}

export function mayBeKnown(filter: KnownFilter, key: string): boolean {
  const [h1, h2] = keyHashes(key);
  return probe(filter, h1, h2, false);
}

export function hasRoom(filter: KnownFilter): boolean {
  return filter.count < filter.capacity;
}

/** A filter sized for, and holding, these keys (as pairs of `keyHashes`). */
export function filterOf(hashes: readonly number[]): KnownFilter {
  const filter = newFilter(hashes.length / 2);
  for (let i = 0; i < hashes.length; i += 2) addHashes(filter, hashes[i]!, hashes[i + 1]!);
  return filter;
}
