/**
 * What the rest of Concierge asks of the site registry. Derived from SITES only, so a site added
 * there (or by a test) flows through validation, import, export, search and the editor.
 */
import { ACCOUNT_NUMBER, SITES, type Site, type SiteAccount, type SiteEntry } from './registry';

export const SITE_IDS = /* @__PURE__ */ SITES.map((s) => s.id as Site) as [Site, ...Site[]];

// Built on first use: a map built at load would keep the whole registry in every bundle that
// imports this module, the content scripts among them (through lib/messaging.ts).
let byId: Map<string, SiteEntry> | undefined;
const entryOf = (site: string) => (byId ??= new Map(SITES.map((s) => [s.id, s]))).get(site);

/** The entry of a site; throws on an id that is not in the registry (a bug, never page input). */
export function siteEntry(site: string): SiteEntry {
  const entry = entryOf(site);
  if (!entry) throw new Error(`unknown site: ${site}`);
  return entry;
}

/** Whether a value (an import field, a stored record's site) names a site of the registry. */
export function isSite(value: string): value is Site {
  return entryOf(value) !== undefined;
}

/** Every host Concierge reads pages on. */
export const SITE_HOSTS: readonly string[] = /* @__PURE__ */ SITES.flatMap((s) => s.hosts);

/** The manifest's match patterns of a site (or of all of them). */
export function matchesOf(site?: Site): string[] {
  return (site ? [siteEntry(site)] : SITES).flatMap((s) => s.hosts.map((host) => `https://${host}/*`));
}

/** Whether an account is written as the site accepts it: a valid handle, or a number where the site allows one. */
export function accountIsValid(site: string, account: SiteAccount): boolean {
  const entry = entryOf(site);
  if (!entry) return false;
  const idOk = account.id === undefined || ACCOUNT_NUMBER.test(account.id);
  if (!account.handle) return entry.numericIds && !!account.id && idOk;
  return entry.handle.test(account.handle) && idOk;
}

/** The site a page belongs to, by its host; null on any other site or a malformed URL. */
export function siteOfUrl(pageUrl: string): Site | null {
  let host: string;
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch {
    return null;
  }
  return (SITES.find((s) => s.hosts.includes(host))?.id as Site | undefined) ?? null;
}

/** How an author's account is shown beside their name (the site's own way: "@name" on X). */
export function accountLabel(site: string, author: SiteAccount): string {
  return siteEntry(site).showAccount(author);
}
