/**
 * The keys of the rows an import has read (emails, phones, ids, accounts), each with the line of
 * its row, in typed arrays: a key takes about 24 bytes here, where a string in a Map took about
 * 80, which a million-row file with four keys a row made some 300 MB. Keys are kept as two 32-bit
 * hashes: two different keys would be taken for one only if both hashes matched, about once in
 * two million imports of a million rows.
 */
export class KeyLines {
  private hashA = new Uint32Array(1024);
  private hashB = new Uint32Array(1024);
  /** The row's line, or 0 where the slot is empty (lines start at 1). */
  private lines = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    const [a, b] = hashes(key);
    const slot = this.find(a, b);
    return this.lines[slot] || undefined;
  }

  set(key: string, line: number): void {
    const [a, b] = hashes(key);
    const slot = this.find(a, b);
    if (!this.lines[slot]) this.count++;
    this.hashA[slot] = a;
    this.hashB[slot] = b;
    this.lines[slot] = line;
    // Kept at most half full: a lookup then probes a slot or two.
    if (this.count * 2 > this.lines.length) this.grow();
  }

  /** The slot holding these hashes, or the empty one where they would go. */
  private find(a: number, b: number): number {
    const mask = this.lines.length - 1;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.lines[slot] && (this.hashA[slot] !== a || this.hashB[slot] !== b)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { hashA, hashB, lines } = this;
    this.hashA = new Uint32Array(lines.length * 2);
    this.hashB = new Uint32Array(lines.length * 2);
    this.lines = new Uint32Array(lines.length * 2);
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]) continue;
      const slot = this.find(hashA[i]!, hashB[i]!);
      this.hashA[slot] = hashA[i]!;
      this.hashB[slot] = hashB[i]!;
      this.lines[slot] = lines[i]!;
    }
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
