import type { MissReason, ParseReport, SocialPost } from '../../post';
import { selectAll } from '../../dom-list';
import { clip } from '../../text';
import { readableText } from '../dom-text';
import { timeFromAge } from './age';
import { FB, SPONSORED_LABELS } from './selectors';
import {
  parseCommentHref,
  parsePostHref,
  parseProfileHref,
  unwrapOutbound,
  type CommentRef,
  type PostRef,
  type ProfileRef,
} from './urls';

const MAX_TEXT = 10_000;
const MAX_NAME = 200;

/** Everything that may stand for a post or a comment; `unitOf` decides which it is. */
export const CANDIDATES = `${FB.article}, ${FB.postMenu}, ${FB.feedUnit}`;

export interface Unit {
  el: Element;
  kind: 'post' | 'comment';
}

/** Was the article drawn as a comment? Nested in another article, or its own link names a comment. */
function isCommentArticle(article: Element): boolean {
  if (article.parentElement?.closest(FB.article)) return true;
  const link = article.querySelector('a[href*="comment_id="]');
  return !!link && link.closest(FB.article) === article;
}

/**
 * The post a "…" menu belongs to: the highest ancestor holding no other post menu. Only the
 * siblings on the way up are searched, so a long feed costs one step past the post, not a scan.
 */
function postOfMenu(menu: Element): Element | null {
  // In the older markup the menu sits in the post's article, which speaks for the post itself.
  if (menu.closest(FB.article)) return null;
  let unit: Element = menu;
  for (let parent = unit.parentElement; parent && parent.tagName !== 'BODY'; parent = parent.parentElement) {
    for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
      if (sibling !== unit && (sibling.matches(FB.postMenu) || sibling.querySelector(FB.postMenu)))
        return unit;
    }
    if (parent.getAttribute('role') === 'feed' || parent.getAttribute('role') === 'main') return unit;
    unit = parent;
  }
  return unit === menu ? null : unit;
}

/**
 * What each element stood for, for the rest of the current task: the observer's key, the parser
 * and the reply lookup all ask within one flush, and the answer climbs the page. Dropped once the
 * task ends, so a page that moves its elements later is read afresh.
 */
let unitsThisTask: WeakMap<Element, Unit | null> | null = null;

/** The post or comment an element found by CANDIDATES stands for; null when it is neither. */
export function unitOf(el: Element): Unit | null {
  if (!unitsThisTask) {
    unitsThisTask = new WeakMap();
    queueMicrotask(() => (unitsThisTask = null));
  }
  let unit = unitsThisTask.get(el);
  if (unit === undefined) unitsThisTask.set(el, (unit = findUnitOf(el)));
  return unit;
}

function findUnitOf(el: Element): Unit | null {
  if (el.matches(FB.article)) return { el, kind: isCommentArticle(el) ? 'comment' : 'post' };
  if (el.matches(FB.postMenu)) {
    const post = postOfMenu(el);
    return post ? { el: post, kind: 'post' } : null;
  }
  // An older feed unit counts only when neither an article nor a menu speaks for it.
  if (el.querySelector(`${FB.article}, ${FB.postMenu}`) || el.closest(FB.article)) return null;
  return { el, kind: 'post' };
}

/** Does `el` belong to the unit itself, not to a comment inside it? */
function owns(unit: Element, el: Element): boolean {
  const article = el.closest(FB.article);
  return unit.matches(FB.article) ? article === unit : !(article && unit.contains(article));
}

const NOT_COMMENT = ':not([href*="comment_id="])';
const POST_LINK = ['/posts/', 'story_fbid=', '/permalink/', 'fbid=', '/videos/', '/reel/']
  .map((p) => `a[href*="${p}"]${NOT_COMMENT}`)
  .join(', ');

/**
 * A cheap identity of what the element shows now: its permalink (a unit's own links come before
 * those of its comments, so the first is its own), else its first link, so that it is read and a
 * miss counted; '' while it shows nothing. Called on every change inside a post: no scans here.
 */
export function facebookKey(el: Element): string {
  const unit = unitOf(el);
  if (!unit) return '';
  const first = unit.el.querySelector('a[href]');
  const firstHref = first?.getAttribute('href') ?? '';
  // A post without a link to itself would be searched to its last comment on every change in
  // its thread: while its first link stays the same, so does what it shows.
  const cached = keys.get(unit.el);
  if (cached && cached.first === first && cached.firstHref === firstHref) return cached.key;
  // A comment's first link (the avatar) mostly names the comment: no second query for it.
  const link =
    unit.kind === 'comment' && firstHref.includes('comment_id=')
      ? first
      : unit.el.querySelector(unit.kind === 'comment' ? 'a[href*="comment_id="]' : POST_LINK);
  let key = '';
  if (link && owns(unit.el, link)) key = link.getAttribute('href') ?? '';
  else if (first && owns(unit.el, first)) key = `?${firstHref}`;
  keys.set(unit.el, { first, firstHref, key });
  return key;
}

const keys = new WeakMap<Element, { first: Element | null; firstHref: string; key: string }>();

/** All posts and comments in root: one unit when root is one, else every unit inside. */
export function unitsIn(root: ParentNode): Unit[] {
  if ('matches' in root && (root as Element).matches(CANDIDATES)) {
    const unit = unitOf(root as Element);
    return unit ? [unit] : [];
  }
  const seen = new Set<Element>();
  const units: Unit[] = [];
  for (const el of selectAll(root, CANDIDATES)) {
    const unit = unitOf(el);
    if (!unit || seen.has(unit.el)) continue;
    seen.add(unit.el);
    units.push(unit);
  }
  return units;
}

/** Finds Facebook posts, comments and replies in `root` (a document, a subtree, or one unit). */
export function parseFacebookPosts(root: ParentNode, pageUrl: string): ParseReport {
  const report: ParseReport = { posts: [], misses: {} };
  const { origin, pagePost } = pageOf(pageUrl);
  for (const unit of unitsIn(root)) {
    const result = readUnit(unit, origin, pagePost);
    if (typeof result === 'string') report.misses[result] = (report.misses[result] ?? 0) + 1;
    else report.posts.push(result);
  }
  return report;
}

/** The author link each unit was last read with, so the badge needs no second reading. */
const authorLinks = new WeakMap<Element, Element>();

function readUnit(unit: Unit, origin: string, pagePost: PostRef | null): SocialPost | MissReason {
  return unit.kind === 'post'
    ? parsePost(unit.el, origin, pagePost)
    : parseComment(unit.el, origin, pagePost);
}

function originOf(pageUrl: string): string {
  try {
    const url = new URL(pageUrl);
    return url.origin;
  } catch {
    return 'https://www.facebook.com';
  }
}

let lastPage: { url: string; origin: string; pagePost: PostRef | null } | null = null;

/** The page's origin and the post it is about; the content script parses unit by unit on one page. */
function pageOf(pageUrl: string): { origin: string; pagePost: PostRef | null } {
  if (lastPage?.url !== pageUrl) {
    const origin = originOf(pageUrl);
    lastPage = { url: pageUrl, origin, pagePost: parsePostHref(pageUrl, origin) };
  }
  return lastPage;
}

/** A link and its href, read once: the author, the comment id and the permalink all look at it. */
interface Link {
  el: Element;
  href: string;
}

const linksOf = (els: readonly Element[]): Link[] =>
  els.map((el) => ({ el, href: el.getAttribute('href') ?? '' }));

/** The unit's own elements of interest, in document order, without those of comments inside it. */
interface Scan {
  links: Link[];
  blocks: Element[];
  story: Element | null;
  names: Element[];
  headings: Element[];
  time: Element | null;
  sponsored: boolean;
}

const SCAN = `a[href], ${FB.article}, ${FB.textBlock}, [data-ad-rendering-role], [data-ad-preview], [data-ad-comet-preview], h2, h3, h4, strong, ${FB.utime}, ${FB.time}, [aria-label]`;
const SPONSORED = new Set(SPONSORED_LABELS);

const STORY_ROLES = new Set(['story_message']);

function scan(unit: Element, kind: Unit['kind']): Scan {
  if (kind === 'comment') return scanComment(unit);
  const s: Scan = {
    links: [],
    blocks: [],
    story: null,
    names: [],
    headings: [],
    time: null,
    sponsored: false,
  };
  let skip: Element | null = null;
  for (const el of selectAll(unit, SCAN)) {
    if (skip?.contains(el)) continue;
    const role = el.getAttribute('role');
    if (role === 'article') {
      skip = el;
      continue;
    }
    const tag = el.tagName;
    if (tag === 'A') {
      const href = el.getAttribute('href') ?? '';
      s.links.push({ el, href });
      if (href.includes('/ads/about')) s.sponsored = true;
    } else if (tag === 'DIV' && el.getAttribute('dir') === 'auto') s.blocks.push(el);
    else if (tag === 'H2' || tag === 'H3' || tag === 'H4' || tag === 'STRONG') s.headings.push(el);
    else if (tag === 'TIME' || el.hasAttribute('data-utime')) s.time ??= el;
    const rendering = el.getAttribute('data-ad-rendering-role');
    if (rendering === 'profile_name') s.names.push(el);
    if (
      !s.story &&
      ((rendering && STORY_ROLES.has(rendering)) ||
        el.getAttribute('data-ad-preview') === 'message' ||
        el.getAttribute('data-ad-comet-preview') === 'message')
    )
      s.story = el;
    const label = el.getAttribute('aria-label');
    if (label && SPONSORED.has(label)) s.sponsored = true;
  }
  return s;
}

/**
 * A comment has no headings, story or ads: its links, text blocks and time, a query each, so
 * that the browser tests the attributes rather than a loop in a content script (every DOM call
 * from one costs more, and so does every element it touches). Replies nested inside are left out.
 */
function scanComment(unit: Element): Scan {
  const nested = unit.querySelector(FB.article) ? selectAll(unit, FB.article) : [];
  const own = (selector: string): Element[] => {
    const els = selectAll(unit, selector);
    return nested.length ? els.filter((el) => !nested.some((n) => n.contains(el))) : els;
  };
  const time = `${FB.time}, ${FB.utime}`;
  return {
    links: linksOf(own('a[href]')),
    blocks: own(FB.textBlock),
    story: null,
    names: [],
    headings: [],
    time: nested.length ? (own(time)[0] ?? null) : unit.querySelector(time),
    sponsored: false,
  };
}

const linkText = (link: Element): string | null => unwrapOutbound(link.getAttribute('href') ?? '');
const TEXT_OPTIONS = { skip: FB.button, linkText };

function readText(el: Element): string {
  return clip(readableText(el, TEXT_OPTIONS), MAX_TEXT);
}

/** The leaf text blocks of a unit, outside its header, links, buttons and any block left out. */
function blockText(blocks: readonly Element[], exclude: readonly Element[], unit: Element): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.querySelector(FB.textBlock)) continue;
    if (insideLinkOrButton(block, unit)) continue;
    if (exclude.some((ex) => ex.contains(block))) continue;
    const text = readableText(block, TEXT_OPTIONS);
    if (text) parts.push(text);
  }
  return clip(parts.join(' '), MAX_TEXT);
}

/** Looks only as far up as the unit: `closest` would climb the whole page for every block. */
function insideLinkOrButton(el: Element, unit: Element): boolean {
  for (let node: Element | null = el; node && node !== unit; node = node.parentElement) {
    if (node.tagName === 'A' || node.getAttribute('role') === 'button') return true;
  }
  return false;
}

const IN_TEXT = `${FB.storyMessage}, ${FB.textBlock}`;

/** Is `el` (or an element around it) inside the unit's text? Climbs no further than the unit. */
function inText(el: Element | null, unit: Element): boolean {
  for (let node = el; node && node !== unit; node = node.parentElement) {
    if (node.matches(IN_TEXT)) return true;
  }
  return false;
}

interface Person extends ProfileRef {
  displayName: string;
  /** The link showing the name (else the first link to the person). */
  link: Element;
}

/**
 * The person the first profile link in `links` names. Their name is the text of the first of
 * their links that has text (the first is often the avatar), else an avatar's label.
 */
function readPerson(links: readonly Link[], origin: string): Person | null {
  let person: Person | null = null;
  let lastHref: string | null = null;
  let unnamed: Element[] | null = null;
  for (const { el: link, href } of links) {
    // The avatar and the name usually share one href: the same person, read once.
    if (!person || href !== lastHref) {
      const ref = parseProfileHref(href, origin);
      if (!ref) continue;
      if (!person) person = { ...ref, displayName: '', link };
      else if (!sameProfile(person, ref)) break;
      lastHref = href;
    }
    const text = readableText(link);
    if (text) {
      person.displayName = text;
      person.link = link;
      break;
    }
    (unnamed ??= []).push(link);
  }
  if (!person) return null;
  // An avatar's label is read only when no link of theirs shows the name.
  person.displayName = clip(
    person.displayName || labelOf(unnamed) || person.handle || person.id || '',
    MAX_NAME,
  );
  return person;
}

function labelOf(links: readonly Element[] | null): string {
  for (const link of links ?? []) {
    const label = (
      link.getAttribute('aria-label') ??
      link.querySelector('[aria-label]')?.getAttribute('aria-label') ??
      ''
    ).trim();
    if (label) return label;
  }
  return '';
}

function sameProfile(a: ProfileRef, b: ProfileRef): boolean {
  return a.handle ? a.handle === b.handle : a.id === b.id;
}

function authorOf(person: Person): SocialPost['author'] {
  const author: SocialPost['author'] = {
    handle: person.handle,
    displayName: person.displayName,
    profileUrl: person.url,
  };
  if (person.id) author.id = person.id;
  return author;
}

function isoTime(el: Element | null): string | undefined {
  if (!el) return undefined;
  const utime = el.getAttribute('data-utime');
  const t =
    utime && /^\d{9,11}$/.test(utime) ? Number(utime) * 1000 : Date.parse(el.getAttribute('datetime') ?? '');
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

interface Head {
  el: Element;
  person: Person;
}

/** Author headings of a post, in order: the name blocks, else headings holding a profile link. */
function headsOf(s: Scan, unit: Element, origin: string): Head[] {
  const heads: Head[] = [];
  for (const el of s.names.length ? s.names : s.headings) {
    if (heads.some((h) => h.el.contains(el) || el.contains(h.el))) continue;
    // Bold words and mentions inside the text are not headings.
    if (inText(el, unit)) continue;
    const person = readPerson(linksOf(el.tagName === 'A' ? [el] : selectAll(el, 'a[href]')), origin);
    if (person) heads.push({ el, person });
  }
  return heads;
}

/** A post shared inside this one: the largest block around the second author heading. */
function sharedBlock(heads: readonly Head[]): Element | null {
  const [first, second] = heads;
  if (!first || !second) return null;
  let block = second.el;
  while (block.parentElement && !block.parentElement.contains(first.el)) block = block.parentElement;
  return block;
}

function parsePost(unit: Element, origin: string, pagePost: PostRef | null): SocialPost | MissReason {
  const s = scan(unit, 'post');
  const heads = headsOf(s, unit, origin);
  const person = heads[0]?.person;
  if (!person) return 'no-author';
  const shared = sharedBlock(heads);

  let ref: PostRef | null = null;
  for (const { el: link, href } of s.links) {
    if (shared?.contains(link)) continue;
    if (href.includes('comment_id=')) continue;
    ref = parsePostHref(href, origin);
    if (ref) break;
  }
  // A post's own page may show the post without linking to itself.
  if (!ref && pagePost && isFirstPost(unit)) ref = pagePost;
  if (!ref) return 'no-id';

  const post: SocialPost = {
    site: 'facebook',
    id: ref.id,
    url: ref.url,
    kind: 'post',
    author: authorOf(person),
    text: '',
  };
  authorLinks.set(unit, person.link);
  const header = heads.map((h) => h.el);
  const story = s.story && !shared?.contains(s.story) ? s.story : null;
  post.text = story ? readText(story) : blockText(s.blocks, shared ? [...header, shared] : header, unit);
  const createdAt = isoTime(s.time && !shared?.contains(s.time) ? s.time : null);
  if (createdAt) post.createdAt = createdAt;
  if (hasSeeMore(s, shared)) post.truncated = true;
  if (s.sponsored) post.promoted = true;
  if (shared) {
    const quoted = readShared(shared, heads[1]!.person, origin);
    if (quoted) post.quoted = quoted;
  }
  return post;
}

/**
 * "See more" is a button inside the text itself: asked of the text blocks, which are few, so
 * that the unit's other buttons (Like, Reply) are never touched.
 */
function hasSeeMore(s: Scan, shared: Element | null): boolean {
  const texts = s.story ? [s.story, ...s.blocks] : s.blocks;
  return texts.some((text) => !shared?.contains(text) && !!text.querySelector(FB.button));
}

function isFirstPost(unit: Element): boolean {
  const doc = unit.ownerDocument;
  const first = doc.querySelector(`${FB.postMenu}, ${FB.article}`);
  return !!first && unit.contains(first);
}

function readShared(block: Element, person: Person, origin: string): SocialPost['quoted'] {
  const story = block.querySelector(FB.storyMessage);
  const quoted: NonNullable<SocialPost['quoted']> = {
    handle: person.handle || person.id || '',
    displayName: person.displayName,
    text: story ? readText(story) : blockText(selectAll(block, FB.textBlock), [person.link], block),
  };
  for (const link of selectAll(block, 'a[href]')) {
    const ref = parsePostHref(link.getAttribute('href') ?? '', origin);
    if (ref) {
      quoted.id = ref.id;
      break;
    }
  }
  return quoted;
}

function parseComment(article: Element, origin: string, pagePost: PostRef | null): SocialPost | MissReason {
  const s = scan(article, 'comment');
  const person = readPerson(s.links, origin);
  if (!person) return 'no-author';
  // The author's links carry the comment id too, but only the timestamp link names the post.
  let ref: CommentRef | null = null;
  let stamp: Element | null = null;
  let lastHref: string | null = null;
  for (const { el, href } of s.links) {
    if (href === lastHref) continue;
    lastHref = href;
    const found = parseCommentHref(href, origin);
    if (found && (!ref || (!ref.post && found.post))) {
      ref = found;
      stamp = el;
    }
    if (ref?.post) break;
  }
  if (!ref) return 'no-id';
  const postRef = ref.post ?? pagePost;
  if (!postRef) return 'no-id';

  const parentArticle = article.parentElement?.closest(FB.article) ?? null;
  const parent =
    parentArticle && unitOf(parentArticle)?.kind === 'comment' ? parentSummary(parentArticle, origin) : null;
  const topId = ref.parentId ?? parent?.topId ?? ref.id;
  const join = postRef.url.includes('?') ? '&' : '?';
  const url = `${postRef.url}${join}comment_id=${topId}${topId === ref.id ? '' : `&reply_comment_id=${ref.id}`}`;

  authorLinks.set(article, person.link);
  const post: SocialPost = {
    site: 'facebook',
    id: ref.id,
    url,
    kind: parent ? 'reply' : 'comment',
    author: authorOf(person),
    text: blockText(s.blocks, [person.link], article),
  };
  if (parent) {
    post.inReplyTo = { id: parent.id };
    if (parent.handle) post.inReplyTo.handle = parent.handle;
  } else {
    post.inReplyTo = { id: postRef.id };
  }
  // Comments show an age ("22h") rather than a time.
  const createdAt = isoTime(s.time) ?? (stamp ? timeFromAge(stamp.textContent ?? '', Date.now()) : undefined);
  if (createdAt) post.createdAt = createdAt;
  if (hasSeeMore(s, null)) post.truncated = true;
  return post;
}

/**
 * The id and author of the comment a reply sits under. Its own links come before its replies, so
 * the first comment link and the first profile link are its own: no need to scan the thread.
 */
function parentSummary(
  article: Element,
  origin: string,
): { id: string; topId: string; handle?: string } | null {
  const link = article.querySelector('a[href*="comment_id="]');
  const ref =
    link && link.closest(FB.article) === article
      ? parseCommentHref(link.getAttribute('href') ?? '', origin)
      : null;
  if (!ref) return null;
  const first = article.querySelector('a[href]');
  const person = first ? parseProfileHref(first.getAttribute('href') ?? '', origin) : null;
  const handle = person?.handle;
  return { id: ref.id, topId: ref.parentId ?? ref.id, ...(handle ? { handle } : {}) };
}

/** The link with the author's name, where the badge goes. */
export function authorLinkOf(el: Element): Element | null {
  // A comment is its own unit: the link it was read with needs no climb to find the unit.
  const read = readAuthorLink(el);
  if (read) return read;
  const unit = unitOf(el);
  if (!unit) return null;
  const known = readAuthorLink(unit.el);
  if (known) return known;
  // Any Facebook origin reads the same links; the page's own is not needed to find them.
  const origin = 'https://www.facebook.com';
  const s = scan(unit.el, unit.kind);
  return (
    (unit.kind === 'post' ? headsOf(s, unit.el, origin)[0]?.person : readPerson(s.links, origin))?.link ??
    null
  );
}

/** The author link a unit was last read with, while the unit still holds it. */
function readAuthorLink(unit: Element): Element | null {
  const link = authorLinks.get(unit);
  return link && unit.contains(link) ? link : null;
}
