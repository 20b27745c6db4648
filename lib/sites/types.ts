import type { InsertResult } from '../messaging';
import type { ParseReport, Site, SocialPost } from '../post';

/**
 * What a site's adapter folder brings beside its registry entry (./registry.ts): how to find and
 * read posts on its pages, and how to write into its reply box. Only content scripts import it.
 */
export interface SiteAdapter {
  site: Site;
  /** Matches every element that may hold a post; the parser decides what it really is. */
  postSelector: string;
  /**
   * What any post on the site looks like, broader than postSelector and meant to hold when the
   * markup changes in detail: counted against the posts read, for the page-health alarm.
   */
  unitSelector: string;
  parse(root: ParentNode, pageUrl: string): ParseReport;
  /** What an element shows now (empty while it shows nothing): a change means a recycled row. */
  keyOf(el: Element): string;
  /** Where the site keeps the badge beside the author's name. */
  badgeAnchor(el: Element): Element | null;
  /** Puts `text` into the site's own reply box for the post that `el` (found by postSelector) shows; never sends. */
  writeReply(el: Element, post: SocialPost, text: string, pageUrl: string): Promise<InsertResult>;
}
