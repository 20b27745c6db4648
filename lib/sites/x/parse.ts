import type { MissReason, ParseReport, SocialPost } from '../../post';
import { selectAll } from '../../dom-list';
import { clip } from '../../text';
import { readableText } from '../dom-text';
import { HANDLE, X } from './selectors';
import { originOf, parseProfileHref, parseStatusHref, type StatusRef } from './urls';

const MAX_TEXT = 10_000;
const MAX_NAME = 200;
/** Node.DOCUMENT_POSITION_FOLLOWING, spelled out so the parser needs no global `Node`. */
const FOLLOWING = 4;

/** Finds X posts in `root` (a document, a subtree, or one post element). */
export function parseXPosts(root: ParentNode, pageUrl: string): ParseReport {
  const report: ParseReport = { posts: [], misses: {} };
  const context = pageContext(root, pageUrl);
  for (const article of postElements(root)) {
    const result = parseArticle(article, context);
    if (typeof result === 'string') report.misses[result] = (report.misses[result] ?? 0) + 1;
    else report.posts.push(result);
  }
  return report;
}

/** The post elements in root, outermost only (a nested article is a placeholder, not a post). */
function postElements(root: ParentNode): Element[] {
  // The content script hands over one post at a time: no need to look for others inside it.
  if ('matches' in root && (root as Element).matches(X.post)) return [root as Element];
  return selectAll(root, X.post).filter((el) => !el.parentElement?.closest(X.post));
}

/**
 * A cheap identity of what an element shows now, so recycled rows are handled again. A post
 * drawn without a permalink gets its author as the key, so that it is parsed and counted as a
 * miss; an empty row has no key until it is filled.
 */
export function xPostKey(article: Element): string {
  const link = article.querySelector(`${X.statusLink} ${X.time}`)?.closest('a');
  if (link) return link.getAttribute('href') ?? '';
  const name = article.querySelector(X.userName);
  return name ? `?${(name.textContent ?? '').slice(0, 80)}` : '';
}

interface PageContext {
  origin: string;
  base: string;
  /** On a post's own page: the post the page is about, and the posts shown before it. */
  conversation?: { focused: StatusRef; focusedEl: Element | null };
}

let lastPage: { url: string; origin: string; focused: StatusRef | null } | null = null;

function pageContext(root: ParentNode, pageUrl: string): PageContext {
  // The content script parses post by post on the same page: read its URL once.
  if (lastPage?.url !== pageUrl) {
    const origin = originOf(pageUrl);
    lastPage = { url: pageUrl, origin, focused: parseStatusHref(pageUrl, origin) };
  }
  const { origin, focused } = lastPage;
  if (!focused) return { origin, base: origin };
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const focusedEl = doc.querySelector?.(X.focused) ?? null;
  return { origin, base: origin, conversation: { focused, focusedEl } };
}

/**
 * One pass over a post's elements, keeping the first of each test id and every link that belong
 * to the post itself, not to a quoted post inside it: one query per post instead of a dozen.
 */
interface Scan {
  byTestId: Map<string, Element>;
  links: Element[];
  quote: Element | null;
  nested: boolean;
}

const SCAN = '[data-testid], a[href], div[role="link"][tabindex="0"], article';
/** An X Article (long-form post) has a title and a rich-text body instead of tweetText. */
const ARTICLE_TITLE = 'twitter-article-title';
const ARTICLE_BODY = 'twitterArticleRichTextView';
const AVATAR_PREFIX = 'UserAvatar-Container-';

function scan(article: Element): Scan {
  const result: Scan = { byTestId: new Map(), links: [], quote: null, nested: false };
  let skip: Element | null = null;
  for (const el of selectAll(article, SCAN)) {
    if (skip?.contains(el)) continue;
    if (el.tagName === 'ARTICLE') {
      // A post embedded in an Article's body is part of that body; any other nested one is a placeholder.
      if (!result.byTestId.get(ARTICLE_BODY)?.contains(el)) result.nested = true;
      skip = el;
      continue;
    }
    if (el.tagName === 'DIV' && el.getAttribute('role') === 'link' && el.querySelector(X.userName)) {
      result.quote ??= el;
      skip = el;
      continue;
    }
    const testId = el.getAttribute('data-testid');
    if (testId) {
      const key = testId.startsWith(AVATAR_PREFIX) ? AVATAR_PREFIX : testId;
      if (!result.byTestId.has(key)) result.byTestId.set(key, el);
    }
    if (el.tagName === 'A') result.links.push(el);
  }
  return result;
}

function parseArticle(article: Element, ctx: PageContext): SocialPost | MissReason {
  const own = scan(article);
  if (own.nested) return 'unavailable';
  const nameBlock = own.byTestId.get('User-Name') ?? null;
  const author = readAuthor(nameBlock, own.byTestId.get(AVATAR_PREFIX) ?? null, ctx.base);
  if (!author) return 'no-author';

  const status = readStatus(article, own.links, ctx);
  if (!status) return 'no-id';

  const post: SocialPost = {
    site: 'x',
    id: status.ref.id,
    url: `${ctx.origin}/${status.ref.handle}/status/${status.ref.id}`,
    kind: 'post',
    author: {
      handle: author.handle,
      displayName: author.displayName,
      profileUrl: `${ctx.origin}/${author.handle}`,
    },
    text: '',
  };

  const textEl = own.byTestId.get('tweetText');
  if (textEl) {
    post.text = clip(readableText(textEl), MAX_TEXT);
    const lang = textEl.getAttribute('lang');
    if (lang && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) && !/^(und|zxx|q[a-z]{2})$/.test(lang)) {
      post.lang = lang;
    }
  } else post.text = articleText(own.byTestId);
  if (status.createdAt) post.createdAt = status.createdAt;
  if (own.byTestId.has('tweet-text-show-more-link')) post.truncated = true;
  if (article.closest(X.promotedAncestor)) post.promoted = true;

  const social = own.byTestId.get('socialContext');
  const socialBlock = social ? (social.closest('a') ?? social) : null;
  if (social) {
    const reposter = social.closest('a') ?? social.querySelector('a');
    const reposterHandle = reposter ? parseProfileHref(reposter.getAttribute('href') ?? '', ctx.base) : null;
    if (reposterHandle) post.repostedBy = { handle: reposterHandle };
    else post.pinned = true;
  }

  const notReplyLine = [nameBlock, textEl, socialBlock].filter((el): el is Element => !!el);
  const replyTo = readReplyTarget(article, own.links, notReplyLine, post.id, ctx);
  if (replyTo) {
    post.kind = 'reply';
    post.inReplyTo = replyTo;
  }

  if (own.quote) {
    const quoted = readQuote(own.quote, ctx.base);
    if (quoted) post.quoted = quoted;
  }
  return post;
}

/** An Article's title and body as one text, the posts embedded in the body left out. */
function articleText(byTestId: Map<string, Element>): string {
  const title = byTestId.get(ARTICLE_TITLE);
  const body = byTestId.get(ARTICLE_BODY);
  if (!title && !body) return '';
  let bodyText = '';
  if (body) {
    const copy = body.cloneNode(true) as Element;
    for (const embed of selectAll(copy, 'article')) embed.remove();
    // The body is a Draft.js document: one block per paragraph.
    const blocks = selectAll(copy, '[data-block="true"]');
    bodyText = blocks.length ? blocks.map((b) => readableText(b)).join('\n') : readableText(copy);
  }
  return clip([title ? readableText(title) : '', bodyText].filter(Boolean).join('\n\n'), MAX_TEXT);
}

function readAuthor(
  nameBlock: Element | null,
  avatar: Element | null,
  base: string,
): { handle: string; displayName: string } | null {
  let handle: string | null = null;
  let displayName = '';
  if (nameBlock) {
    for (const link of selectAll(nameBlock, 'a[href]')) {
      const h = parseProfileHref(link.getAttribute('href') ?? '', base);
      if (!h) continue;
      handle ??= h;
      const text = readableText(link);
      if (!displayName && text && !text.startsWith('@')) displayName = text;
      // The @handle and time links after the name would change nothing.
      if (displayName) break;
    }
    // Quoted posts show the name block as plain spans: "Name" then "@handle".
    for (const span of handle && displayName ? [] : selectAll(nameBlock, 'span')) {
      if (span.querySelector('span')) continue;
      const text = readableText(span);
      if (!handle && text.startsWith('@') && HANDLE.test(text.slice(1))) handle = text.slice(1);
      else if (!displayName && text && !text.startsWith('@') && text !== '·') displayName = text;
    }
  }
  if (!handle) {
    const fromAvatar = avatar?.getAttribute('data-testid')?.slice('UserAvatar-Container-'.length);
    if (fromAvatar && HANDLE.test(fromAvatar)) handle = fromAvatar;
  }
  if (!handle) return null;
  return { handle, displayName: clip(displayName || handle, MAX_NAME) };
}

function readStatus(
  article: Element,
  links: readonly Element[],
  ctx: PageContext,
): { ref: StatusRef; createdAt?: string } | null {
  for (const link of links) {
    const href = link.getAttribute('href') ?? '';
    if (!href.includes('/status/')) continue;
    const time = link.querySelector(X.time);
    if (!time) continue;
    const ref = parseStatusHref(href, ctx.base);
    if (!ref) continue;
    return { ref, createdAt: isoTime(time.getAttribute('datetime')) };
  }
  // The focused post may show its time elsewhere; the page URL names it.
  if (ctx.conversation && article === ctx.conversation.focusedEl) return { ref: ctx.conversation.focused };
  return null;
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function isoTime(value: string | null): string | undefined {
  if (!value) return undefined;
  if (ISO_UTC.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function readReplyTarget(
  article: Element,
  links: readonly Element[],
  notReplyLine: readonly Element[],
  postId: string,
  ctx: PageContext,
): SocialPost['inReplyTo'] | null {
  // "Replying to @name" on timelines: a mention link outside the name block, text and context.
  for (const link of links) {
    if (notReplyLine.some((el) => el.contains(link))) continue;
    if (!(link.textContent ?? '').trim().startsWith('@')) continue;
    const handle = parseProfileHref(link.getAttribute('href') ?? '', ctx.base);
    if (handle) return { handle };
  }
  // In a conversation, the posts after the focused one answer it.
  const conv = ctx.conversation;
  if (!conv?.focusedEl || conv.focused.id === postId || article === conv.focusedEl) return null;
  const after = conv.focusedEl.compareDocumentPosition(article) & FOLLOWING;
  if (!after) return null;
  return { id: conv.focused.id, handle: conv.focused.handle };
}

function readQuote(quoteEl: Element, base: string): SocialPost['quoted'] | null {
  const author = readAuthor(quoteEl.querySelector(X.userName), quoteEl.querySelector(X.avatar), base);
  if (!author) return null;
  const textEl = quoteEl.querySelector(X.text);
  const quoted: NonNullable<SocialPost['quoted']> = {
    handle: author.handle,
    displayName: author.displayName,
    text: textEl ? clip(readableText(textEl), MAX_TEXT) : '',
  };
  // Only a permalink of the quoted author's names the quoted post: a link in its text may be anyone's.
  const quotedHandle = author.handle.toLowerCase();
  for (const link of selectAll(quoteEl, X.statusLink)) {
    const ref = parseStatusHref(link.getAttribute('href') ?? '', base);
    if (ref && ref.handle.toLowerCase() === quotedHandle) {
      quoted.id = ref.id;
      break;
    }
  }
  return quoted;
}
