import type { MissReason, ParseReport, SocialPost } from '../../model';
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
export function postElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  if ('matches' in root && (root as Element).matches(X.post)) found.push(root as Element);
  root.querySelectorAll(X.post).forEach((el) => found.push(el));
  return found.filter((el) => !el.parentElement?.closest(X.post));
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

function pageContext(root: ParentNode, pageUrl: string): PageContext {
  const origin = originOf(pageUrl);
  const focused = parseStatusHref(pageUrl, origin);
  if (!focused) return { origin, base: origin };
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const focusedEl = doc.querySelector?.(X.focused) ?? null;
  return { origin, base: origin, conversation: { focused, focusedEl } };
}

function parseArticle(article: Element, ctx: PageContext): SocialPost | MissReason {
  if (article.querySelector('article')) return 'unavailable';
  const quoteEl = findQuote(article);
  const own = (selector: string): Element | null => ownMatch(article, quoteEl, selector);

  const author = readAuthor(own(X.userName), own(X.avatar), ctx.base);
  if (!author) return 'no-author';

  const status = readStatus(article, quoteEl, ctx);
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

  const textEl = own(X.text);
  if (textEl) {
    post.text = clip(readableText(textEl), MAX_TEXT);
    const lang = textEl.getAttribute('lang');
    if (lang && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) && !/^(und|zxx|q[a-z]{2})$/.test(lang)) {
      post.lang = lang;
    }
  }
  if (status.createdAt) post.createdAt = status.createdAt;
  if (own(X.showMore)) post.truncated = true;
  if (article.closest(X.promotedAncestor)) post.promoted = true;

  const social = own(X.socialContext);
  if (social) {
    const reposter = social.closest('a') ?? social.querySelector('a');
    const reposterHandle = reposter ? parseProfileHref(reposter.getAttribute('href') ?? '', ctx.base) : null;
    if (reposterHandle) post.repostedBy = { handle: reposterHandle };
    else post.pinned = true;
  }

  const replyTo = readReplyTarget(article, quoteEl, post.id, ctx);
  if (replyTo) {
    post.kind = 'reply';
    post.inReplyTo = replyTo;
  }

  if (quoteEl) {
    const quoted = readQuote(quoteEl, ctx.base);
    if (quoted) post.quoted = quoted;
  }
  return post;
}

/** The first match that belongs to this post: not inside a quoted post or a nested article. */
function ownMatch(article: Element, quoteEl: Element | null, selector: string): Element | null {
  for (const el of article.querySelectorAll(selector)) {
    if (quoteEl?.contains(el)) continue;
    if (el.closest(X.post) !== article) continue;
    return el;
  }
  return null;
}

function findQuote(article: Element): Element | null {
  for (const el of article.querySelectorAll(X.quote)) {
    if (el.closest(X.post) === article && el.querySelector(X.userName)) return el;
  }
  return null;
}

function readAuthor(
  nameBlock: Element | null,
  avatar: Element | null,
  base: string,
): { handle: string; displayName: string } | null {
  let handle: string | null = null;
  let displayName = '';
  if (nameBlock) {
    for (const link of nameBlock.querySelectorAll('a[href]')) {
      const h = parseProfileHref(link.getAttribute('href') ?? '', base);
      if (!h) continue;
      handle ??= h;
      const text = readableText(link);
      if (!displayName && text && !text.startsWith('@')) displayName = text;
    }
    // Quoted posts show the name block as plain spans: "Name" then "@handle".
    for (const span of nameBlock.querySelectorAll('span')) {
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
  quoteEl: Element | null,
  ctx: PageContext,
): { ref: StatusRef; createdAt?: string } | null {
  for (const link of article.querySelectorAll(X.statusLink)) {
    if (quoteEl?.contains(link) || link.closest(X.post) !== article) continue;
    const time = link.querySelector(X.time);
    if (!time) continue;
    const ref = parseStatusHref(link.getAttribute('href') ?? '', ctx.base);
    if (!ref) continue;
    return { ref, createdAt: isoTime(time.getAttribute('datetime')) };
  }
  // The focused post may show its time elsewhere; the page URL names it.
  if (ctx.conversation && article === ctx.conversation.focusedEl) return { ref: ctx.conversation.focused };
  return null;
}

function isoTime(value: string | null): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function readReplyTarget(
  article: Element,
  quoteEl: Element | null,
  postId: string,
  ctx: PageContext,
): SocialPost['inReplyTo'] | null {
  // "Replying to @name" on timelines: a mention link outside the name block, text and quote.
  for (const link of article.querySelectorAll('a[href]')) {
    if (quoteEl?.contains(link) || link.closest(X.post) !== article) continue;
    if (link.closest(`${X.userName}, ${X.text}, ${X.socialContext}`)) continue;
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
  for (const link of quoteEl.querySelectorAll(X.statusLink)) {
    const ref = parseStatusHref(link.getAttribute('href') ?? '', base);
    if (ref) {
      quoted.id = ref.id;
      break;
    }
  }
  return quoted;
}
