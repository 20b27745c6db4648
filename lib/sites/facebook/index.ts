import type { SiteAdapter } from '../types';
import { authorLinkOf, CANDIDATES, facebookKey, findUnit, parseFacebookPosts } from './parse';
import { FACEBOOK_HOSTS } from './urls';

export const facebookAdapter: SiteAdapter = {
  site: 'facebook',
  hosts: FACEBOOK_HOSTS,
  postSelector: CANDIDATES,
  parse: parseFacebookPosts,
  keyOf: facebookKey,
  // Inside the line that holds the author's name, after it.
  badgeAnchor: (el) => authorLinkOf(el)?.parentElement ?? null,
  findPost: (doc, postId, pageUrl) => findUnit(doc, postId, pageUrl)?.el ?? null,
};
