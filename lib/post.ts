/** What every site adapter yields for one post, comment or reply found on a page. */
import type { Site } from './sites/registry';

export type { Site };
export type PostKind = 'post' | 'reply' | 'comment';

export interface PostAuthor {
  /** As the site spells it, without `@`; empty when the site shows only a numeric id. */
  handle: string;
  displayName: string;
  profileUrl: string;
  /** Numeric site id, when the DOM carries one. */
  id?: string;
}

export interface SocialPost {
  site: Site;
  id: string;
  url: string;
  kind: PostKind;
  author: PostAuthor;
  text: string;
  createdAt?: string;
  lang?: string;
  inReplyTo?: { id?: string; handle?: string };
  quoted?: { id?: string; handle: string; displayName?: string; text: string };
  repostedBy?: { handle: string };
  promoted?: boolean;
  pinned?: boolean;
  truncated?: boolean;
}

/** Why an element that looked like a post yielded none; counted, never thrown. */
export type MissReason = 'no-author' | 'no-id' | 'unavailable';

export interface ParseReport {
  posts: SocialPost[];
  misses: Partial<Record<MissReason, number>>;
}

/** The stable key of a post across sites: interactions are stored under it. */
export function postKey(post: Pick<SocialPost, 'site' | 'id'>): string {
  return `${post.site}:${post.id}`;
}
