import { describe, expect, it } from 'vitest';
import { recordSeen } from './interactions';
import { threadOf } from './queries';
import { ConciergeDb } from './schema';

describe('the thread under a post', () => {
  it('holds the replies to it and to its replies, oldest first, and nothing from elsewhere', async () => {
    const database = new ConciergeDb(`thread-${crypto.randomUUID()}`);
    const post = (id: string, handle: string, text: string, at: string, parent?: string) => ({
      site: 'facebook' as const,
      id,
      url: `https://www.facebook.com/p/posts/1?comment_id=${id}`,
      kind: parent ? ('reply' as const) : ('comment' as const),
      author: { handle, displayName: handle, profileUrl: '' },
      text,
      createdAt: at,
      ...(parent && { inReplyTo: { id: parent } }),
    });
    await recordSeen(database, [
      post('1', 'lorena', 'Mine arrived with a cracked lid', '2026-11-20T10:00:00Z'),
      post('2', 'hearthandco', 'Could you send us your order number?', '2026-11-20T10:05:00Z', '1'),
      post('3', 'lorena', "Done, it's HC-20418", '2026-11-20T10:09:00Z', '2'),
      post('4', 'jonas', 'Do you ship to Norway?', '2026-11-20T10:01:00Z'),
      post('5', 'mei', 'Same question', '2026-11-20T10:02:00Z', '4'),
    ]);
    const keys = ['1', '2', '3', '4', '5'].map((id) => `facebook:${id}`);
    const thread = await threadOf(keys, { site: 'facebook', postId: '1' }, database);
    expect(thread.map((p) => p.text)).toEqual([
      'Could you send us your order number?',
      "Done, it's HC-20418",
    ]);
    // Only the page's posts are looked at.
    expect(await threadOf(keys.slice(0, 2), { site: 'facebook', postId: '1' }, database)).toHaveLength(1);
  });
});
