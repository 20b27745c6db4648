import type { ConciergeDb } from '../db/schema';
import { NameIndex, type Candidate } from '../match/candidates';

/**
 * The name index of the service worker, built from the database's indexes alone (names and name
 * words, never whole records) and rebuilt when the customers change. The signature is two
 * indexed reads, so asking it on every request costs next to nothing.
 */
let cache: { signature: string; index: Promise<NameIndex> } | null = null;

async function signatureOf(database: ConciergeDb): Promise<string> {
  const [count, last] = await Promise.all([
    database.customers.count(),
    database.customers.orderBy('updatedAt').lastKey(),
  ]);
  return `${count}:${String(last ?? '')}`;
}

export async function buildIndex(database: ConciergeDb): Promise<NameIndex> {
  const [names, words, wordIds] = await Promise.all([
    // Keys of [name+id] carry both the name and the customer's id.
    database.customers.orderBy('[name+id]').keys() as Promise<unknown[]>,
    database.customers.orderBy('nameWords').keys(),
    database.customers.orderBy('nameWords').primaryKeys(),
  ]);
  const wordsOf = new Map<string, string[]>();
  words.forEach((word, i) => {
    const id = wordIds[i]!;
    let list = wordsOf.get(id);
    if (!list) wordsOf.set(id, (list = []));
    list.push(String(word));
  });
  const index = new NameIndex();
  for (const key of names) {
    const [name, id] = key as [string, string];
    index.addWords(id, String(name), wordsOf.get(id) ?? []);
  }
  return index;
}

async function indexOf(database: ConciergeDb): Promise<NameIndex> {
  const signature = await signatureOf(database);
  if (cache?.signature !== signature) cache = { signature, index: buildIndex(database) };
  return cache.index;
}

export interface NamedCandidate extends Candidate {
  name: string;
  tier: string;
}

/** Customers an unknown author may be, without those the agent already said they are not. */
export async function nameCandidates(
  database: ConciergeDb,
  authorKey: string,
  displayName: string,
): Promise<NamedCandidate[]> {
  const [index, rejected] = await Promise.all([
    indexOf(database),
    database.rejections.where('authorKey').equals(authorKey).toArray(),
  ]);
  const found = index.candidates(displayName, 5, new Set(rejected.map((r) => r.customerId)));
  const customers = await database.customers.bulkGet(found.map((c) => c.customerId));
  return found.flatMap((c, i) => {
    const customer = customers[i];
    return customer && !customer.deletedAt ? [{ ...c, name: customer.name, tier: customer.tier }] : [];
  });
}
