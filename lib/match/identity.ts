import { authorKeys } from '../db/identity';
import type { ConciergeDb } from '../db/schema';
import type { Customer } from '../db/types';
import { postKey, type SocialPost } from '../model';

/**
 * Who wrote each post: indexed lookups for the whole batch at once, by handle and numeric id.
 * Only identities already linked to a customer count; name likeness is never a match here.
 */
export async function matchAuthors(
  database: ConciergeDb,
  posts: readonly Pick<SocialPost, 'site' | 'id' | 'author'>[],
): Promise<Map<string, Customer | null>> {
  const keysByPost = posts.map((p) => [postKey(p), authorKeys(p.site, p.author)] as const);
  const allKeys = [...new Set(keysByPost.flatMap(([, keys]) => keys))];
  // One exact lookup per key, all at once in one transaction: IndexedDB answers them together,
  // where a single anyOf() would walk the index key by key.
  const found = allKeys.length
    ? await database.transaction('r', database.customers, async () =>
        (await Promise.all(allKeys.map((key) => database.customers.where('identityKeys').equals(key).toArray()))).flat(),
      )
    : [];
  const byKey = new Map<string, Customer>();
  for (const customer of found) {
    if (customer.deletedAt) continue;
    for (const key of customer.identityKeys) if (!byKey.has(key)) byKey.set(key, customer);
  }
  const result = new Map<string, Customer | null>();
  for (const [key, keys] of keysByPost) {
    const customer = keys.map((k) => byKey.get(k)).find(Boolean) ?? null;
    result.set(key, customer);
  }
  return result;
}
