import type { SiteAdapter } from '../types';
import { parseXPosts, postElements, xPostKey } from './parse';
import { X } from './selectors';

export const xAdapter: SiteAdapter = {
  site: 'x',
  hosts: ['x.com', 'mobile.x.com', 'twitter.com', 'mobile.twitter.com'],
  postSelector: X.post,
  parse: parseXPosts,
  keyOf: xPostKey,
  badgeAnchor: (el) => el.querySelector(X.userName),
  findPost(doc, postId, pageUrl) {
    for (const el of postElements(doc)) {
      if (parseXPosts(el, pageUrl).posts.some((p) => p.id === postId)) return el;
    }
    return null;
  },
};
