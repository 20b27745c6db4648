import { SITE_IDS } from '../sites/lookup';
import { identityKey } from './identity';
import { foldName } from '../match/names';
import type { ConciergeDb } from './schema';
import type { Customer } from './types';

/** Where a page of the whole list starts: just after this customer, in name order. */
export type Anchor = [name: string, id: string];

export interface SearchPage {
  customers: Customer[];
  /** For the whole list: the anchor of the next page. */
  next?: Anchor;
  /** How many match (for a search; the whole list leaves counting to the caller, who counts anyway). */
  total?: number;
  capped: boolean;
}

/** A search lists at most this many matches: ten pages to look through, cheap at any base size. */
const MAX_MATCHES = 500;

/**
 * Customers by name words, email, handle, tag or phone digits, a page at a time, in name order.
 * Every part of the query goes through an index, so a search costs the same with 100,000
 * customers as with 100.
 */
export async function searchCustomers(
  database: ConciergeDb,
  query: string,
  page: number,
  size: number,
  after: Anchor | null = null,
): Promise<SearchPage> {
  const { customers } = database;
  const q = query.trim();
  if (!q) {
    // The whole list pages from an anchor, not an offset: page 1,000 costs what page 1 does.
    const list = await (after ? customers.where('[name+id]').above(after) : customers.orderBy('[name+id]'))
      .limit(size)
      .toArray();
    const last = list.at(-1);
    return {
      customers: list,
      capped: false,
      ...(last && list.length === size && { next: [last.name, last.id] as Anchor }),
    };
  }
  const lower = q.toLowerCase().replace(/^@/, '');
  const words = foldName(q).split(' ').filter(Boolean);
  const digits = q.replace(/\D/g, '');
  const [first, ...rest] = words;

  const sets = await Promise.all([
    first ? customers.where('nameWords').startsWith(first).limit(MAX_MATCHES).primaryKeys() : [],
    customers.where('emails').startsWith(lower).limit(MAX_MATCHES).primaryKeys(),
    customers
      .where('identityKeys')
      .startsWithAnyOf(SITE_IDS.flatMap((site) => [identityKey(site, lower), identityKey(site, '', lower)]))
      .limit(MAX_MATCHES)
      .primaryKeys(),
    // Ignoring case walks the index key by key; tags are matched as typed and in lower case.
    customers
      .where('tags')
      .startsWithAnyOf([...new Set([q, lower])])
      .limit(MAX_MATCHES)
      .primaryKeys(),
    digits.length >= 4
      ? customers.where('phoneKeys').startsWith(digits).limit(MAX_MATCHES).primaryKeys()
      : [],
    customers.where('crmId').equals(q).limit(MAX_MATCHES).primaryKeys(),
  ]);
  const byName = new Set<string>(sets[0] as string[]);
  const ids = [...new Set<string>(sets.flat() as string[])];
  let found = (await customers.bulkGet(ids)).filter((c): c is Customer => !!c);
  // Further words narrow the name matches: "ada la" finds Ada Lane, not every Ada.
  if (rest.length)
    found = found.filter(
      (c) => !byName.has(c.id) || rest.every((w) => c.nameWords.some((n) => n.startsWith(w))),
    );
  found.sort((a, b) => a.name.localeCompare(b.name));
  return {
    customers: found.slice(page * size, (page + 1) * size),
    total: found.length,
    capped: sets.some((s) => s.length >= MAX_MATCHES),
  };
}
