import type { SiteAdapter } from '../types';
import { writeXReply } from './composer';
import { parseXPosts, xPostKey } from './parse';
import { X } from './selectors';

export const xAdapter: SiteAdapter = {
  site: 'x',
  postSelector: X.post,
  unitSelector: X.unit,
  parse: parseXPosts,
  keyOf: xPostKey,
  // Beside the name; a post drawn without its name block gets the badge beside its time.
  badgeAnchor: (el) =>
    el.querySelector(X.userName) ??
    el.querySelector(`${X.statusLink} ${X.time}`)?.closest('a')?.parentElement ??
    null,
  writeReply: writeXReply,
};
