import { HANDLE, RESERVED_PATHS } from './selectors';

export interface StatusRef {
  handle: string;
  id: string;
}

const QUERY_OR_HASH = /[?#]/;
const ABSOLUTE = /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com(\/[^?#]*)?/i;

/**
 * The path of a link on X without building a URL object (the parser meets several links per
 * post, and URL parsing was its largest cost). Links to other sites yield null.
 */
function pathOf(href: string, base: string): string | null {
  if (href.startsWith('/') && !href.startsWith('//')) {
    // A slice up to the query, not a split: no array for every link.
    const end = href.search(QUERY_OR_HASH);
    return end < 0 ? href : href.slice(0, end);
  }
  const absolute = href.match(ABSOLUTE);
  if (absolute) return absolute[1] ?? '/';
  if (!href.includes(':') && !href.startsWith('//')) return pathOf(new URL(href, base).pathname, base);
  return null;
}

/** `/handle/status/123` (optionally followed by /photo/1, /analytics ...) → its parts. */
export function parseStatusHref(href: string, base: string): StatusRef | null {
  const path = pathOf(href, base);
  const m = path?.match(/^\/([A-Za-z0-9_]{1,50})\/status(?:es)?\/(\d{1,25})(?:\/|$)/);
  if (!m?.[1] || !m[2] || RESERVED_PATHS.has(m[1].toLowerCase())) return null;
  return { handle: m[1], id: m[2] };
}

/** `/handle` → handle, or null for anything that is not a profile link. */
export function parseProfileHref(href: string, base: string): string | null {
  // A post's avatar, name and @handle link to one profile, read one after another: read once.
  if (href === lastProfile.href && base === lastProfile.base) return lastProfile.handle;
  const path = pathOf(href, base);
  const m = path?.match(/^\/([^/]+)\/?$/);
  const handle = m?.[1];
  const read = !handle || !HANDLE.test(handle) || RESERVED_PATHS.has(handle.toLowerCase()) ? null : handle;
  lastProfile = { href, base, handle: read };
  return read;
}

let lastProfile: { href: string; base: string; handle: string | null } = { href: '', base: '', handle: null };

/** Links are built on the page's own origin, so twitter.com and mobile.x.com keep theirs. */
export function originOf(pageUrl: string): string {
  try {
    return new URL(pageUrl).origin;
  } catch {
    return 'https://x.com';
  }
}
