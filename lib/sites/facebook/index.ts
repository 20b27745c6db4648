import type { SiteAdapter } from '../types';
import { writeFacebookReply } from './composer';
import { authorLinkOf, CANDIDATES, facebookKey, parseFacebookPosts } from './parse';

export const facebookAdapter: SiteAdapter = {
  site: 'facebook',
  postSelector: CANDIDATES,
  parse: parseFacebookPosts,
  keyOf: facebookKey,
  // Inside the line that holds the author's name, after it.
  badgeAnchor: (el) => authorLinkOf(el)?.parentElement ?? null,
  writeReply: writeFacebookReply,
};
