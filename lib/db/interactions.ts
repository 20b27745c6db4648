import Dexie from 'dexie';
import { postKey, type SocialPost } from '../post';
import { brandAccounts, isBrandAuthor } from '../brand';
import { authorKeys } from './identity';
import type { ConciergeDb } from './schema';
import type { Interaction } from './types';

/**
 * Records each post once; a post seen again keeps its first record and what was done. Posts are
 * added without a read first: a page shows mostly new posts, and a read per post doubled what a
 * flood of them cost. Those already held fail to be added, and are let be.
 */
export async function recordSeen(
  database: ConciergeDb,
  posts: readonly SocialPost[],
  now = new Date().toISOString(),
): Promise<void> {
  const unique = new Map(posts.map((p) => [postKey(p), p]));
  const records = [...unique].map(([key, post]) => {
    const record: Interaction = {
      key,
      site: post.site,
      postId: post.id,
      url: post.url,
      kind: post.kind,
      author: { ...post.author },
      authorKey: authorKeys(post.site, post.author)[0] ?? '',
      text: post.text,
      seenAt: now,
      status: 'open',
      replies: [],
      updatedAt: now,
    };
    if (post.lang) record.lang = post.lang;
    if (post.inReplyTo?.id) record.inReplyTo = post.inReplyTo.id;
    if (post.promoted) record.promoted = true;
    if (post.createdAt) record.createdAt = post.createdAt;
    return record;
  });
  if (!records.length) return;
  await database.transaction('rw', database.interactions, async () => {
    try {
      await database.interactions.bulkAdd(records);
    } catch (error) {
      // Caught inside the transaction, the failed adds do not undo the others.
      const held =
        error instanceof Dexie.BulkError &&
        Object.values(error.failuresByPos).every((e) => e.name === 'ConstraintError');
      if (!held) throw error;
    }
  });
}

/** The customer's interactions across all their identities, newest first. */
export async function interactionsOf(
  database: ConciergeDb,
  identityKeys: readonly string[],
): Promise<Interaction[]> {
  if (!identityKeys.length) return [];
  const found = await database.interactions
    .where('authorKey')
    .anyOf([...identityKeys])
    .toArray();
  return found.sort((a, b) => (b.createdAt ?? b.seenAt).localeCompare(a.createdAt ?? a.seenAt));
}

/**
 * Replies seen on the page. A post by one of the brand's accounts that replies to a customer's
 * post marks that post answered, with the time of the first answer (the reply's own time when the
 * page shows it); the agent's Insert does not count, only what was really posted. A reply by
 * anyone else (a colleague's own account, another customer) is counted on the post: somebody has
 * already spoken in that thread. Returns how many posts were marked answered.
 */
export async function recordReplies(
  database: ConciergeDb,
  posts: readonly SocialPost[],
  brandHandles: readonly string[],
  now = new Date().toISOString(),
): Promise<number> {
  const brand = brandAccounts(brandHandles);
  const replies = posts.filter((p) => p.inReplyTo?.id);
  if (!replies.length) return 0;
  let marked = 0;
  await database.transaction('rw', database.interactions, async () => {
    for (const reply of replies) {
      const key = postKey({ site: reply.site, id: reply.inReplyTo!.id! });
      const target = await database.interactions.get(key);
      if (!target) continue;
      const ownAnswer = authorKeys(reply.site, reply.author).includes(target.authorKey);
      if (isBrandAuthor(reply.author, brand)) {
        if (target.respondedAt || isBrandAuthor(target.author, brand)) continue;
        await database.interactions.update(key, {
          status: 'replied',
          respondedAt: reply.createdAt ?? now,
          updatedAt: now,
        });
        marked++;
      } else if (!ownAnswer && !(target.threadReplies ?? []).includes(reply.id)) {
        await database.interactions.update(key, {
          threadReplies: [...(target.threadReplies ?? []), reply.id].slice(-MAX_THREAD_REPLIES),
          updatedAt: now,
        });
      }
    }
  });
  return marked;
}

/** Enough to say "many"; a thread of thousands does not grow the record. */
const MAX_THREAD_REPLIES = 50;
