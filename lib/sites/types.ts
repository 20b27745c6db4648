import type { ParseReport, Site } from '../post';

/** What a site brings: where it runs, how to find and read posts, and how to reply. */
export interface SiteAdapter {
  site: Site;
  /** Host names the adapter serves, with example page URLs that its tests check. */
  hosts: readonly string[];
  /** Matches every element that may hold a post; the parser decides what it really is. */
  postSelector: string;
  parse(root: ParentNode, pageUrl: string): ParseReport;
  /** What an element shows now (empty while it shows nothing): a change means a recycled row. */
  keyOf(el: Element): string;
  /** Where the site keeps the badge beside the author's name. */
  badgeAnchor(el: Element): Element | null;
  /** Finds the element of a post already on the page. */
  findPost(doc: Document, postId: string, pageUrl: string): Element | null;
}
