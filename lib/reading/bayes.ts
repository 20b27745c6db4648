/**
 * A small naive Bayes reader, trained on the labelled development posts (`npm run train`), for
 * the posts the rules find nothing in: it has seen how customers put things, not only the words
 * on our lists. It speaks only when the rules are silent and it is sure (see classify.ts).
 */
import { stem, tokens } from './lexicon';

/**
 * How often each feature occurred in posts of each label. The first labels (the sentiments) are
 * exclusive, one per post, so a feature's occurrences are their sum; the others (intents) are
 * yes/no each, their "no" being the occurrences less the "yes".
 */
export interface CountTable {
  labels: string[];
  /** How many of the first labels are exclusive. */
  exclusive: number;
  posts: number;
  /** Posts per label. */
  docs: number[];
  rows: Record<string, number[]>;
}

/** Features seen fewer times than this are left out: once is an accident, not a way of speaking. */
const MIN_COUNT = 2;

/** Word stems, pairs of neighbouring stems, emoji and whether it asks. */
export function features(text: string): string[] {
  const stems = tokens(text).map(stem);
  const found = new Set(stems);
  for (let i = 0; i + 1 < stems.length; i++) found.add(`${stems[i]}_${stems[i + 1]}`);
  for (const emoji of text.match(/\p{Extended_Pictographic}/gu) ?? []) found.add(emoji);
  if (text.includes('?')) found.add('?');
  return [...found];
}

export function countFeatures(
  examples: readonly { features: readonly string[]; labels: readonly string[] }[],
  labels: readonly string[],
  exclusive: number,
): CountTable {
  const rows: Record<string, number[]> = {};
  const docs = labels.map(() => 0);
  for (const example of examples) {
    const ks = example.labels.map((l) => labels.indexOf(l)).filter((k) => k >= 0);
    for (const k of ks) docs[k]!++;
    for (const feature of example.features) {
      const row = (rows[feature] ??= labels.map(() => 0));
      for (const k of ks) row[k]!++;
    }
  }
  const kept = Object.entries(rows)
    .filter(([, row]) => row.slice(0, exclusive).reduce((a, b) => a + b, 0) >= MIN_COUNT)
    // Sorted keys: the same posts always give the same file.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { labels: [...labels], exclusive, posts: examples.length, docs, rows: Object.fromEntries(kept) };
}

const totalsCache = new WeakMap<CountTable, { perLabel: number[]; all: number; size: number }>();

function totalsOf(table: CountTable) {
  let totals = totalsCache.get(table);
  if (!totals) {
    const perLabel = table.labels.map(() => 0);
    let all = 0;
    for (const row of Object.values(table.rows)) {
      row.forEach((n, k) => (perLabel[k]! += n));
      all += row.slice(0, table.exclusive).reduce((a, b) => a + b, 0);
    }
    totals = { perLabel, all, size: Object.keys(table.rows).length };
    totalsCache.set(table, totals);
  }
  return totals;
}

function normalise(logs: number[]): number[] {
  const top = Math.max(...logs);
  const sum = logs.reduce((a, lp) => a + Math.exp(lp - top), 0);
  return logs.map((lp) => Math.exp(lp - top) / sum);
}

function rowOf(table: CountTable, feature: string): number[] | undefined {
  return Object.hasOwn(table.rows, feature) ? table.rows[feature] : undefined;
}

/** The probability of each exclusive label (add-one smoothing; unseen features are ignored). */
export function exclusivePosterior(table: CountTable, list: readonly string[]): Record<string, number> {
  const { perLabel, size } = totalsOf(table);
  const ks = table.labels.slice(0, table.exclusive).map((_, k) => k);
  const logs = ks.map((k) => {
    let lp = Math.log((table.docs[k]! + 1) / (table.posts + ks.length));
    for (const feature of list) {
      const row = rowOf(table, feature);
      if (row) lp += Math.log((row[k]! + 1) / (perLabel[k]! + size));
    }
    return lp;
  });
  const p = normalise(logs);
  return Object.fromEntries(ks.map((k) => [table.labels[k]!, p[k]!]));
}

/** The probability that a post has the yes/no label (one of the non-exclusive ones). */
export function yesPosterior(table: CountTable, label: string, list: readonly string[]): number {
  const k = table.labels.indexOf(label);
  if (k < table.exclusive) return 0;
  const { perLabel, all, size } = totalsOf(table);
  let yes = Math.log((table.docs[k]! + 1) / (table.posts + 2));
  let no = Math.log((table.posts - table.docs[k]! + 1) / (table.posts + 2));
  for (const feature of list) {
    const row = rowOf(table, feature);
    if (!row) continue;
    const occurrences = row.slice(0, table.exclusive).reduce((a, b) => a + b, 0);
    yes += Math.log((row[k]! + 1) / (perLabel[k]! + size));
    no += Math.log((occurrences - row[k]! + 1) / (all - perLabel[k]! + size));
  }
  return normalise([no, yes])[1]!;
}
