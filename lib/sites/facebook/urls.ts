/**
 * Facebook's link shapes: post permalinks, comment ids, profile links and wrapped outbound links.
 * Every link is read from the page's `href` attribute: relative or absolute, with tracking query
 * strings (`__cft__`, `__tn__`) that are dropped from what Concierge keeps.
 */

/** Hosts of Facebook links (pages Concierge reads are in lib/sites/registry.ts; links may also name the bare domain). */
const LINK_HOSTS: readonly string[] = [
  'www.facebook.com',
  'web.facebook.com',
  'm.facebook.com',
  'facebook.com',
];

/** Ids Concierge keeps: digits or opaque `pfbid…` strings, as the message schema accepts them. */
const ID = /^[A-Za-z0-9_-]{1,100}$/;
const NUMERIC = /^\d{1,30}$/;
/** Vanity names: letters, digits and dots (pages may also use hyphens). */
const VANITY = /^[A-Za-z0-9.-]{1,80}$/;

/** First path segments that are Facebook's own pages, never a profile. */
const RESERVED = new Set([
  'ads',
  'bookmarks',
  'business',
  'events',
  'friends',
  'gaming',
  'groups',
  'hashtag',
  'help',
  'home.php',
  'l.php',
  'login',
  'login.php',
  'marketplace',
  'me',
  'messages',
  'notifications',
  'pages',
  'people',
  'permalink.php',
  'photo',
  'photo.php',
  'policies',
  'privacy',
  'profile.php',
  'reel',
  'reels',
  'saved',
  'search',
  'settings',
  'sharer',
  'sharer.php',
  'stories',
  'story.php',
  'watch',
  'video.php',
]);

/** Shared by every reader of the same link: never changed once made. */
export interface FbUrl {
  readonly host: string;
  readonly segments: readonly string[];
  params: { get(name: string): string | null };
}

function decode(part: string): string {
  if (!part.includes('%')) return part;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * Query parameters read on demand, straight from the query string: most links are asked for one
 * or two names, if any, and a feed reads thousands of links (no arrays of pairs to collect).
 */
class Query {
  constructor(private readonly query: string) {}
  get(name: string): string | null {
    const { query } = this;
    for (let start = 0; start < query.length;) {
      let end = query.indexOf('&', start);
      if (end < 0) end = query.length;
      const eq = query.indexOf('=', start);
      const keyEnd = eq >= 0 && eq < end ? eq : end;
      if (keyMatches(query, start, keyEnd, name))
        return keyEnd === end ? '' : decode(query.slice(keyEnd + 1, end).replace(/\+/g, ' '));
      start = end + 1;
    }
    return null;
  }
}

/** Is query[start, end) the name `name`? Compared in place; an encoded key is decoded first. */
function keyMatches(query: string, start: number, end: number, name: string): boolean {
  if (query.charCodeAt(start) !== name.charCodeAt(0) && query.charCodeAt(start) !== 37) return false;
  if (end - start === name.length && query.startsWith(name, start)) return true;
  const key = query.slice(start, end);
  return key.includes('%') && decode(key) === name;
}

/** The path's segments, decoded, empty ones left out. */
function segmentsOf(path: string): string[] {
  const segments: string[] = [];
  for (let start = 0; start < path.length;) {
    let end = path.indexOf('/', start);
    if (end < 0) end = path.length;
    if (end > start) segments.push(decode(path.slice(start, end)));
    start = end + 1;
  }
  return segments;
}

const ABSOLUTE = /^https?:\/\/([A-Za-z0-9.-]+)(?::\d+)?([/?#].*)?$/;
/** Paths the quick reading would get wrong: dot segments, backslashes, control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNUSUAL = /\/\.\.?(?:[/?#]|$)|\\|[\u0000-\u001f]/;

/**
 * An href as host, decoded path segments and query; null for anything but http(s). Pages hold
 * hundreds of links: the usual shapes are read by hand, anything else by the URL parser.
 */
export function splitHref(href: string, pageOrigin: string): FbUrl | null {
  // A unit's links are read by several readers (author, comment id, permalink), and an author's
  // avatar and name share one href: each is split once while it is on screen.
  if (pageOrigin !== splitsOrigin) {
    splits.clear();
    splitsOrigin = pageOrigin;
  }
  const known = splits.get(href);
  if (known !== undefined) return known;
  const split = splitUncached(href, pageOrigin);
  if (href.length <= MAX_KEPT_HREF) {
    if (splits.size >= MAX_SPLITS) splits.clear();
    splits.set(href, split);
  }
  return split;
}

/** Bounded, so that a page of hostile links cannot grow the memory: a long feed just splits again. */
const MAX_SPLITS = 2000;
const MAX_KEPT_HREF = 600;
const splits = new Map<string, FbUrl | null>();
let splitsOrigin = '';

function splitUncached(href: string, pageOrigin: string): FbUrl | null {
  let host: string;
  let rest: string;
  if (href.startsWith('/') && !href.startsWith('//') && !UNUSUAL.test(href)) {
    host = pageOrigin.slice(pageOrigin.indexOf('//') + 2).toLowerCase();
    rest = href;
  } else {
    const absolute = ABSOLUTE.exec(href);
    if (!absolute || UNUSUAL.test(href)) return splitWithUrl(href, pageOrigin);
    host = absolute[1]!.toLowerCase();
    rest = absolute[2] ?? '/';
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const path = q >= 0 ? rest.slice(0, q) : rest;
  return {
    host,
    segments: segmentsOf(path),
    params: new Query(q >= 0 ? rest.slice(q + 1) : ''),
  };
}

function splitWithUrl(href: string, pageOrigin: string): FbUrl | null {
  let url: URL;
  try {
    url = new URL(href, pageOrigin);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return {
    host: url.hostname.toLowerCase(),
    segments: segmentsOf(url.pathname),
    params: url.searchParams,
  };
}

function isFacebook(host: string): boolean {
  return LINK_HOSTS.includes(host);
}

export interface PostRef {
  id: string;
  /** The permalink Concierge keeps: the page's origin, the path, and only the id parameters. */
  url: string;
}

/** The post a permalink names, or null when the link is not a post permalink. */
export function parsePostHref(href: string, pageOrigin: string): PostRef | null {
  const u = splitHref(href, pageOrigin);
  if (!u || !isFacebook(u.host)) return null;
  const [a, b, c, d] = u.segments;

  if (a === 'permalink.php' || a === 'story.php') {
    const story = idParam(u, 'story_fbid');
    const owner = idParam(u, 'id');
    if (!story) return null;
    return { id: story, url: `${pageOrigin}/${a}?story_fbid=${story}${owner ? `&id=${owner}` : ''}` };
  }
  if (a === 'groups' && b && (c === 'posts' || c === 'permalink') && d)
    return refAt(pageOrigin, `groups/${b}/${c}/${d}/`, d);
  if (a === 'photo' || a === 'photo.php') {
    const fbid = idParam(u, 'fbid');
    return fbid ? refAt(pageOrigin, `photo/?fbid=${fbid}`, fbid) : null;
  }
  if (a === 'reel' && b) return refAt(pageOrigin, `reel/${b}`, b);
  if (a === 'watch') {
    const v = idParam(u, 'v');
    return v ? refAt(pageOrigin, `watch/?v=${v}`, v) : null;
  }
  if (a && c && (b === 'posts' || b === 'videos') && !RESERVED.has(a) && VANITY.test(a))
    return refAt(pageOrigin, `${a}/${b}/${c}`, c);
  return null;
}

/** A query parameter that holds an id, else null. */
function idParam(u: FbUrl, name: string): string | null {
  const value = u.params.get(name);
  return value && ID.test(value) ? value : null;
}

function refAt(pageOrigin: string, path: string, id: string): PostRef | null {
  return ID.test(id) ? { id, url: `${pageOrigin}/${path}` } : null;
}

export interface CommentRef {
  /** The comment's own id: the reply's id for a reply, else the comment's. */
  id: string;
  /** For a reply: the comment it sits under. */
  parentId?: string;
  post: PostRef | null;
}

/** Comment ids come as digits or, newer, base64 of "comment:<post>_<comment>". */
function commentId(raw: string | null): string | null {
  if (!raw) return null;
  if (NUMERIC.test(raw)) return raw;
  try {
    const decoded = atob(raw);
    const match = /^comment:\d+_(\d+)$/.exec(decoded);
    if (match) return match[1]!;
  } catch {
    // not base64: fall through to the opaque form
  }
  return ID.test(raw) ? raw : null;
}

/** The comment (or reply) a timestamp link names: `comment_id` and `reply_comment_id`. */
export function parseCommentHref(href: string, pageOrigin: string): CommentRef | null {
  if (!href.includes('comment_id=')) return null;
  const u = splitHref(href, pageOrigin);
  if (!u || !isFacebook(u.host)) return null;
  const comment = commentId(u.params.get('comment_id'));
  if (!comment) return null;
  const reply = commentId(u.params.get('reply_comment_id'));
  const post = parsePostHref(href, pageOrigin);
  return reply ? { id: reply, parentId: comment, post } : { id: comment, post };
}

export interface ProfileRef {
  /** Vanity name, or '' when the link names the person by number only. */
  handle: string;
  id?: string;
  url: string;
}

/** A link to a person or a page; tracking parameters dropped. */
export function parseProfileHref(href: string, pageOrigin: string): ProfileRef | null {
  const u = splitHref(href, pageOrigin);
  if (!u || !isFacebook(u.host)) return null;
  const [a, b, c, d] = u.segments;
  if (!a) return null;
  if (a === 'profile.php') {
    const id = u.params.get('id');
    return id && NUMERIC.test(id) ? { handle: '', id, url: `${pageOrigin}/profile.php?id=${id}` } : null;
  }
  if (a === 'groups' && b && c === 'user' && d && NUMERIC.test(d)) {
    return { handle: '', id: d, url: `${pageOrigin}/groups/${b}/user/${d}/` };
  }
  if (a === 'people' && b && c && NUMERIC.test(c)) {
    return { handle: '', id: c, url: `${pageOrigin}/people/${encodeURIComponent(b)}/${c}/` };
  }
  // "/<vanity>" alone: "/<vanity>/posts/…" is a permalink, not the profile.
  if (u.segments.length === 1 && !RESERVED.has(a.toLowerCase()) && VANITY.test(a) && !/^\d+$/.test(a)) {
    return { handle: a, url: `${pageOrigin}/${a}` };
  }
  if (u.segments.length === 1 && NUMERIC.test(a))
    return { handle: '', id: a, url: `${pageOrigin}/profile.php?id=${a}` };
  return null;
}

/** The real address behind `l.facebook.com/l.php?u=…`, when it is an http(s) URL. */
export function unwrapOutbound(href: string): string | null {
  if (!href.includes('l.php')) return null;
  const u = splitHref(href, 'https://www.facebook.com');
  if (!u || u.segments[0] !== 'l.php' || !(u.host === 'l.facebook.com' || isFacebook(u.host))) return null;
  const target = u.params.get('u');
  return target && /^https?:\/\/[^\s]+$/i.test(target) ? target : null;
}
