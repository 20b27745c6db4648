/**
 * The keys of the rows an import has read (emails, phones, ids, accounts), each with the line of
 * its row, in typed arrays: a key takes about 20 bytes here, where a string in a Map took about
 * 80, which a million-row file with four keys a row made some 300 MB. Keys are kept as two 32-bit
 * hashes: two different keys would be taken for one only if both hashes matched, about once in
 * two million imports of a million rows.
 */
export class KeyLines {
  private readonly shards = Array.from({ length: SHARDS }, () => new Shard(64));
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    const [a, b] = hashes(key);
    return this.shards[b >>> 24]!.get(a, b);
  }

  set(key: string, line: number): void {
    const [a, b] = hashes(key);
    const shard = this.shards[b >>> 24]!;
    if (shard.set(a, b, line)) this.count++;
    // Kept at most three-quarters full: a lookup then probes a few slots.
    if (shard.count * 4 > shard.lines.length * 3) this.shards[b >>> 24] = shard.grown();
  }
}

/**
 * The keys are spread over 256 tables by their hash, and a table grows by half at a time: growing
 * then copies one table of 256, not all of them at once (which held the old and the new arrays, a
 * third more memory at a million rows), and the tables stay fuller than doubling leaves them.
 */
const SHARDS = 256;

/** One table: open addressing, probing on to the next slot. */
class Shard {
  readonly hashA: Uint32Array;
  readonly hashB: Uint32Array;
  /** The row's line, or 0 where the slot is empty (lines start at 1). */
  readonly lines: Uint32Array;
  count = 0;

  constructor(slots: number) {
    this.hashA = new Uint32Array(slots);
    this.hashB = new Uint32Array(slots);
    this.lines = new Uint32Array(slots);
  }

  get(a: number, b: number): number | undefined {
    return this.lines[this.find(a, b)] || undefined;
  }

  /** Whether the key is new here. */
  set(a: number, b: number, line: number): boolean {
    const slot = this.find(a, b);
    const added = !this.lines[slot];
    if (added) this.count++;
    this.hashA[slot] = a;
    this.hashB[slot] = b;
    this.lines[slot] = line;
    return added;
  }

  grown(): Shard {
    const next = new Shard(Math.ceil(this.lines.length * 1.5));
    for (let i = 0; i < this.lines.length; i++)
      if (this.lines[i]) next.set(this.hashA[i]!, this.hashB[i]!, this.lines[i]!);
    return next;
  }

  /** The slot holding these hashes, or the empty one where they would go. */
  private find(a: number, b: number): number {
    const { lines } = this;
    let slot = a % lines.length;
    while (lines[slot] && (this.hashA[slot] !== a || this.hashB[slot] !== b))
      slot = slot + 1 === lines.length ? 0 : slot + 1;
    return slot;
  }
}

/** FNV-1a and a multiply-rotate hash over the key's UTF-16 code units: independent 32-bit halves. */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x27d4eb2f ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x85ebca6b);
    b = (b << 13) | (b >>> 19);
  }
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  return [a >>> 0, (b ^ (b >>> 13)) >>> 0];
}
