import type { SiteAdapter } from '../types';
import { parseXPosts, postElements, xPostKey } from './parse';
import { X } from './selectors';

export const xAdapter: SiteAdapter = {
  site: 'x',
  hosts: ['x.com', 'mobile.x.com', 'twitter.com', 'mobile.twitter.com'],
  postSelector: X.post,
  parse: parseXPosts,
  keyOf: xPostKey,
  // Beside the name; a post drawn without its name block gets the badge beside its time.
  badgeAnchor: (el) =>
    el.querySelector(X.userName) ??
    el.querySelector(`${X.statusLink} ${X.time}`)?.closest('a')?.parentElement ??
    null,
  findPost(doc, postId, pageUrl) {
    for (const el of postElements(doc)) {
      if (parseXPosts(el, pageUrl).posts.some((p) => p.id === postId)) return el;
    }
    return null;
  },
};
