import type { AccountOwner } from '../db/accounts';
import { authorKeys } from '../db/identity';
import type { ConciergeDb } from '../db/schema';
import { postKey, type SocialPost } from '../post';

/**
 * Who wrote each post: the accounts of the whole batch read at once, by handle and numeric id.
 * Only accounts already linked to a customer count; name likeness is never a match here.
 */
export async function matchAuthors(
  database: ConciergeDb,
  posts: readonly Pick<SocialPost, 'site' | 'id' | 'author'>[],
): Promise<Map<string, AccountOwner | null>> {
  const keysByPost = posts.map((p) => [postKey(p), authorKeys(p.site, p.author)] as const);
  const allKeys = [...new Set(keysByPost.flatMap(([, keys]) => keys))];
  const byKey = allKeys.length ? await ownersOf(database, allKeys) : new Map<string, AccountOwner>();
  const result = new Map<string, AccountOwner | null>();
  for (const [key, keys] of keysByPost) result.set(key, keys.map((k) => byKey.get(k)).find(Boolean) ?? null);
  return result;
}

/** Who each account belongs to: one read by key per account, all in one request. */
async function ownersOf(database: ConciergeDb, keys: readonly string[]): Promise<Map<string, AccountOwner>> {
  const rows = await database.accounts.bulkGet([...keys]);
  const found = new Map<string, AccountOwner>();
  for (const row of rows)
    if (row) found.set(row.key, { customerId: row.customerId, name: row.name, tier: row.tier });
  return found;
}
