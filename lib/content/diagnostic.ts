/**
 * What a bug report about a page Concierge cannot read needs: the structure around the units it
 * did not read, and nothing a person wrote or is called. Tags, roles and the site's own test ids
 * are kept; text, names, ids, class names, attribute values and link targets are not (a link
 * keeps only the shape of its path, each segment that is not one of the site's own words
 * replaced by "*").
 */

export interface SkeletonNode {
  tag: string;
  role?: string;
  testId?: string;
  /** Names of the aria-* and data-* attributes present; never their values. */
  attributes?: string[];
  /** For links, the shape of the path and the names of its query keys (see linkShape). */
  link?: string;
  /** Characters of text directly inside: a size, not the text. */
  textLength?: number;
  children?: SkeletonNode[];
  /** Children left out past the limit. */
  more?: number;
}

const MAX_DEPTH = 12;
const MAX_CHILDREN = 12;
/** Path words of the sites' own, not of people: kept in link shapes. */
const SITE_WORDS = new Set([
  'status',
  'posts',
  'groups',
  'user',
  'photo',
  'photos',
  'videos',
  'permalink.php',
  'story.php',
  'profile.php',
  'people',
  'i',
  'article',
  'hashtag',
  'search',
]);
/** A test id the site gave a kind of element ("tweetText"), not one that carries a name or id. */
const SAFE_TEST_ID = /^[A-Za-z][A-Za-z_-]{0,40}$/;

function linkShape(href: string): string {
  let url: URL;
  try {
    url = new URL(href, 'https://site.invalid');
  } catch {
    return '?';
  }
  const path = url.pathname
    .split('/')
    .map((segment) => (segment === '' || SITE_WORDS.has(segment.toLowerCase()) ? segment : '*'))
    .join('/');
  const keys = [...new Set(url.searchParams.keys())].filter((k) => /^[a-z_]{1,30}$/.test(k));
  return keys.length ? `${path}?${keys.join('&')}` : path;
}

/**
 * What in a unit may name someone: the words of its text and the parts of its links. A test id
 * may end in a handle ("UserAvatar-Container-<handle>"): such parts are replaced by "*".
 */
function secretsOf(unit: Element): Set<string> {
  const secrets = new Set<string>();
  for (const word of (unit.textContent ?? '').toLowerCase().split(/[^\p{L}\p{N}_]+/u))
    if (word.length > 1) secrets.add(word);
  for (const link of unit.querySelectorAll('a[href]'))
    for (const part of (link.getAttribute('href') ?? '').toLowerCase().split(/[/?&=#.]+/))
      if (part) secrets.add(part);
  return secrets;
}

function safeTestId(testId: string, secrets: ReadonlySet<string>): string {
  if (!SAFE_TEST_ID.test(testId)) return '(with a name or id)';
  return testId
    .split(/([-_])/)
    .map((part) => (secrets.has(part.toLowerCase()) ? '*' : part))
    .join('');
}

export function skeleton(el: Element, depth = 0, secrets: ReadonlySet<string> = secretsOf(el)): SkeletonNode {
  const node: SkeletonNode = { tag: el.tagName.toLowerCase() };
  const role = el.getAttribute('role');
  if (role && /^[a-z]{1,20}$/.test(role)) node.role = role;
  const testId = el.getAttribute('data-testid');
  if (testId) node.testId = safeTestId(testId, secrets);
  const attributes = el
    .getAttributeNames()
    .filter((n) => (n.startsWith('aria-') || n.startsWith('data-')) && n !== 'data-testid');
  if (attributes.length) node.attributes = attributes;
  if (el.tagName === 'A' && el.hasAttribute('href')) node.link = linkShape(el.getAttribute('href') ?? '');
  let text = 0;
  for (const child of el.childNodes)
    if (child.nodeType === 3) text += (child.textContent ?? '').trim().length;
  if (text) node.textLength = text;
  const children = [...el.children].filter((c) => c.tagName !== 'SCRIPT' && c.tagName !== 'STYLE');
  if (children.length && depth < MAX_DEPTH) {
    node.children = children.slice(0, MAX_CHILDREN).map((c) => skeleton(c, depth + 1, secrets));
    if (children.length > MAX_CHILDREN) node.more = children.length - MAX_CHILDREN;
  } else if (children.length) node.more = children.length;
  return node;
}

export interface PageDiagnostic {
  site: string;
  /** The page's path in the same shape as links. */
  page: string;
  at: string;
  extensionVersion: string;
  health: { units: number; read: number };
  postsSeen: number;
  misses: Partial<Record<string, number>>;
  /** Up to three units it did not read. */
  unread: SkeletonNode[];
}

export function diagnosticOf(
  base: Omit<PageDiagnostic, 'page' | 'unread'>,
  pageUrl: string,
  unread: readonly Element[],
): PageDiagnostic {
  return { ...base, page: linkShape(pageUrl), unread: unread.slice(0, 3).map((u) => skeleton(u)) };
}
