import type { SocialPost } from '../post';
import type { SiteAdapter } from './types';
import { facebookAdapter } from './facebook';
import { xAdapter } from './x';

export const ADAPTERS: readonly SiteAdapter[] = [xAdapter, facebookAdapter];

/** The adapter for a page, chosen by its host name; null on any other site. */
export function adapterFor(pageUrl: string): SiteAdapter | null {
  let host: string;
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch {
    return null;
  }
  return ADAPTERS.find((a) => a.hosts.includes(host)) ?? null;
}

/** Every post the page's site adapter finds in `root`; [] on unsupported sites. */
export function parsePosts(root: ParentNode, pageUrl: string): SocialPost[] {
  return adapterFor(pageUrl)?.parse(root, pageUrl).posts ?? [];
}

export type { SiteAdapter } from './types';
