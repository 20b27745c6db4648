import type { SiteAdapter } from '../types';
import { writeFacebookReply } from './composer';
import { FB } from './selectors';
import { authorLinkOf, CANDIDATES, facebookKey, parseFacebookPosts } from './parse';

export const facebookAdapter: SiteAdapter = {
  site: 'facebook',
  postSelector: CANDIDATES,
  unitSelector: FB.unit,
  parse: parseFacebookPosts,
  keyOf: facebookKey,
  // Inside the line that holds the author's name, after it.
  badgeAnchor: (el) => authorLinkOf(el)?.parentElement ?? null,
  writeReply: writeFacebookReply,
};
