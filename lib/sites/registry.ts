/**
 * Every site Concierge works on, as data: where it runs, how its accounts are written, and what
 * import and export columns call them. Everything that varies by site outside the site's adapter
 * folder (the `Site` type, manifest matches, validation, search, import and export columns, the
 * editor's account fields) is derived from this list, through ./lookup.ts. Adding a site:
 * docs/adding-a-site.md.
 *
 * No DOM, no selectors, no browser API: the service worker and the extension pages import this
 * file, and only the content scripts import a site's parser.
 */
import { parseProfileHref } from './facebook/urls';

export interface SiteAccount {
  /** Handle or vanity name as the site spells it, without `@`; '' when only the number is known. */
  handle: string;
  /** The site's numeric id of the account, where it has one. */
  id?: string;
}

export interface SiteEntry {
  id: string;
  /** The site's name, the same in every language. */
  label: string;
  /** Host names of the pages Concierge reads; the manifest asks for exactly these. */
  hosts: readonly string[];
  /** What a handle looks like on this site. */
  handle: RegExp;
  /** Whether an account may be known by its number alone (no handle). */
  numericIds: boolean;
  /** A handle, `@handle`, a number or a profile link as a person would paste it; null if it is none. */
  accountFrom(value: string): SiteAccount | null;
  /** The profile page of an account. */
  profileUrl(account: SiteAccount): string;
  /** How an account is shown beside a name: "@name" on X, the vanity name or "id 123" on Facebook. */
  showAccount(account: SiteAccount): string;
  /** Import: header names that hold the site's account (compared without case or punctuation), and a loose pattern. */
  importHeaders: readonly string[];
  importPattern: RegExp;
  /** Export: the column that holds the site's accounts. */
  exportHeader: string;
}

/** A site's numeric account id. */
export const ACCOUNT_NUMBER = /^\d{1,30}$/;
const X_HANDLE = /^[A-Za-z0-9_]{1,50}$/;
const X_PROFILE = /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/([^/?#]+)/i;
const FACEBOOK_NAME = /^[A-Za-z0-9.]{1,80}$/;

const ENTRIES = [
  {
    id: 'x',
    label: 'X',
    hosts: ['x.com', 'mobile.x.com', 'twitter.com', 'mobile.twitter.com'],
    handle: X_HANDLE,
    numericIds: false,
    accountFrom(value) {
      const handle = (value.match(X_PROFILE)?.[1] ?? value).replace(/^@/, '');
      return X_HANDLE.test(handle) ? { handle } : null;
    },
    profileUrl: (account) => `https://x.com/${account.handle}`,
    showAccount: (account) => `@${account.handle}`,
    importHeaders: [
      'x',
      'twitter',
      'twitterusername',
      'twitterhandle',
      'xhandle',
      'xusername',
      'твиттер',
      'x (twitter)',
    ],
    importPattern: /twitter/,
    exportHeader: 'x',
  },
  {
    id: 'facebook',
    label: 'Facebook',
    hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
    handle: FACEBOOK_NAME,
    numericIds: true,
    accountFrom(value) {
      if (ACCOUNT_NUMBER.test(value)) return { handle: '', id: value };
      if (/^https?:\/\//i.test(value)) {
        const profile = parseProfileHref(value, 'https://www.facebook.com');
        return profile ? { handle: profile.handle, ...(profile.id && { id: profile.id }) } : null;
      }
      return FACEBOOK_NAME.test(value) ? { handle: value } : null;
    },
    profileUrl: (account) =>
      account.handle
        ? `https://www.facebook.com/${account.handle}`
        : `https://www.facebook.com/profile.php?id=${account.id ?? ''}`,
    showAccount: (account) => account.handle || (account.id ? `id ${account.id}` : ''),
    importHeaders: [
      'facebook',
      'facebookprofile',
      'facebookurl',
      'facebookid',
      'fb',
      'фейсбук',
      'профиль facebook',
    ],
    importPattern: /facebook/,
    exportHeader: 'facebook',
  },
] as const satisfies readonly SiteEntry[];

/** The sites, in the order the interface lists them. */
export const SITES: readonly SiteEntry[] = ENTRIES;

export type Site = (typeof ENTRIES)[number]['id'];
