import { foldName, nameTokens, transliterate } from './names';

/**
 * Name candidates: customers whose name resembles an unknown author's, with a score and the
 * reason, for the agent to confirm or reject. Nothing is linked without the agent.
 *
 * The index holds each distinct name word once, with the customers who have it and its
 * trigrams; a query word meets only the words that share a trigram with it, so a query costs
 * about the same at 100,000 customers as at 1,000.
 */

export type CandidateReason = 'same_name' | 'reordered' | 'transliterated' | 'similar';

export interface Candidate {
  customerId: string;
  score: number;
  reason: CandidateReason;
}

/** Below this a resemblance is noise, not a lead. */
export const MIN_SCORE = 0.72;
/** Word pairs less alike than this do not count as the same word misspelled. */
const MIN_WORD = 0.8;

interface Word {
  text: string;
  /** Customers (as indexes into ids) whose name has the word. */
  owners: number[];
}

export class NameIndex {
  private readonly ids: string[] = [];
  /** Folded words of each customer's own name, in order: reordering and coverage use them. */
  private readonly names: string[][] = [];
  /** Index words of each customer: their name's words, transliterations and aliases. */
  private readonly wordsOf: Word[][] = [];
  private readonly words = new Map<string, Word>();
  private readonly trigrams = new Map<string, Word[]>();

  get size(): number {
    return this.ids.length;
  }

  add(customerId: string, name: string, aliases: readonly string[] = []): void {
    this.addWords(customerId, name, nameTokens(name, ...aliases));
  }

  /** A customer with the words already derived (the database's nameWords index holds them). */
  addWords(customerId: string, name: string, words: readonly string[]): void {
    const owner = this.ids.length;
    this.ids.push(customerId);
    this.names.push(
      foldName(name)
        .split(' ')
        .filter((w) => w.length >= 2),
    );
    const own: Word[] = [];
    this.wordsOf.push(own);
    for (const text of words) {
      let word = this.words.get(text);
      if (!word) {
        word = { text, owners: [] };
        this.words.set(text, word);
        for (const gram of trigramsOf(text)) {
          let list = this.trigrams.get(gram);
          if (!list) this.trigrams.set(gram, (list = []));
          list.push(word);
        }
      }
      word.owners.push(owner);
      own.push(word);
    }
  }

  /** The best `limit` customers for a name, best first, none below MIN_SCORE. */
  candidates(displayName: string, limit = 5, exclude: ReadonlySet<string> = new Set()): Candidate[] {
    const query = foldName(displayName)
      .split(' ')
      .filter((w) => w.length >= 2);
    if (!query.length) return [];
    // Each query word's look-alikes in the index (its Latin spelling too, for Cyrillic words).
    const similar = query.map((q) => {
      const forms = /[\u0400-\u04ff]/.test(q) ? [q, transliterate(q)] : [q];
      const words = new Map<Word, { likeness: number; direct: boolean }>();
      for (const form of forms) {
        for (const [word, likeness] of this.similarWords(form)) {
          const seen = words.get(word);
          if (!seen || likeness > seen.likeness) words.set(word, { likeness, direct: form === q });
        }
      }
      let owners = 0;
      for (const word of words.keys()) owners += word.owners.length;
      return { words, owners };
    });

    // Scoring needs all of a name's words to match (for up to three words at MIN_SCORE; one may
    // be missing from four): so the customers worth scoring are those of the rarest one or two
    // query words, not the thousands who share a common first name.
    const seeds = similar
      .map((_, qi) => qi)
      .sort((a, b) => similar[a]!.owners - similar[b]!.owners)
      .slice(0, query.length >= 4 ? 2 : 1);
    const owners = new Set<number>();
    for (const qi of seeds)
      for (const word of similar[qi]!.words.keys()) for (const owner of word.owners) owners.add(owner);

    const scores = new Map<number, { best: number[]; direct: boolean[] }>();
    for (const owner of owners) {
      const s = {
        best: new Array<number>(query.length).fill(0),
        direct: new Array<boolean>(query.length).fill(false),
      };
      const own = this.names[owner]!;
      for (const word of this.wordsOf[owner]!) {
        similar.forEach(({ words }, qi) => {
          const hit = words.get(word);
          if (!hit || hit.likeness < s.best[qi]!) return;
          s.best[qi] = hit.likeness;
          if (hit.likeness === 1 && hit.direct && own.includes(query[qi]!)) s.direct[qi] = true;
        });
      }
      scores.set(owner, s);
    }

    const found: Candidate[] = [];
    for (const [owner, s] of scores) {
      const id = this.ids[owner]!;
      if (exclude.has(id)) continue;
      const own = this.names[owner]!;
      const matched = s.best.reduce((a, b) => a + b, 0);
      // A one-word author ("Alisa") resembles "Alisa Andreeva" less than "Alisa Andreeva" does.
      const score = matched / Math.max(query.length, own.length);
      if (score < MIN_SCORE) continue;
      found.push({ customerId: id, score: Math.round(score * 100) / 100, reason: reasonOf(query, own, s) });
    }
    return found
      .sort((a, b) => b.score - a.score || a.customerId.localeCompare(b.customerId))
      .slice(0, limit);
  }

  /** Index words like `form`, with their likeness (1 for the word itself). */
  private similarWords(form: string): [Word, number][] {
    const exact = this.words.get(form);
    const out: [Word, number][] = exact ? [[exact, 1]] : [];
    const shared = new Map<Word, number>();
    for (const gram of trigramsOf(form)) {
      for (const word of this.trigrams.get(gram) ?? []) shared.set(word, (shared.get(word) ?? 0) + 1);
    }
    const grams = form.length + 2;
    for (const [word, count] of shared) {
      if (word === exact) continue;
      // A cheap bound first: words sharing few trigrams cannot be one typo apart.
      if (count < Math.min(grams, word.text.length + 2) * 0.3) continue;
      const likeness = wordLikeness(form, word.text);
      if (likeness >= MIN_WORD) out.push([word, likeness]);
    }
    return out;
  }
}

function reasonOf(query: string[], own: string[], s: { best: number[]; direct: boolean[] }): CandidateReason {
  if (s.best.every((b) => b === 1)) {
    if (!s.direct.every(Boolean)) return 'transliterated';
    const inOrder = query.every((q, i) => own[i] === q);
    return inOrder && query.length === own.length ? 'same_name' : 'reordered';
  }
  return 'similar';
}

function trigramsOf(word: string): string[] {
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

/** 1 minus the edit distance (with swaps of neighbours) over the longer length. */
export function wordLikeness(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > 3) return 0;
  let prevPrev = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const row = new Array<number>(m + 1);
    row[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
    }
    prevPrev = prev;
    prev = row;
  }
  return 1 - prev[m]! / Math.max(n, m);
}
