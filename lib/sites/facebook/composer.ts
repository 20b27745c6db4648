import type { InsertResult } from '../../messaging';
import type { SocialPost } from '../../post';
import { cleanText } from '../../text';
import { pasteReplacing, sameText, waitFor } from '../composer';
import { unitOf } from './parse';
import { COMMENT_LABELS, FB, REPLY_LABELS } from './selectors';

/**
 * A Lexical box that belongs to `scope` itself: inside `owner` and no deeper comment, or (with no
 * owner) outside every article within scope. Messenger's boxes never count.
 */
function ownBox(scope: Element, owner: Element | null, skip: ReadonlySet<Element>): HTMLElement | null {
  for (const box of scope.querySelectorAll<HTMLElement>(FB.composer)) {
    if (skip.has(box) || box.closest(FB.messenger)) continue;
    const article = box.closest(FB.article);
    if (owner ? article === owner : !(article && scope.contains(article))) return box;
  }
  return null;
}

/** The comment and the comments it sits under, nearest first. */
function thread(comment: Element): Element[] {
  const chain: Element[] = [];
  for (
    let c: Element | null = comment;
    c && unitOf(c)?.kind === 'comment';
    c = c.parentElement?.closest(FB.article) ?? null
  )
    chain.push(c);
  return chain;
}

/** The reply box of a comment: its own, else the one of the thread it sits in (`own` says which). */
function replyBox(
  comment: Element,
  skip: ReadonlySet<Element> = new Set(),
): { box: HTMLElement; own: boolean } | null {
  for (const c of thread(comment)) {
    const box = ownBox(c, c, skip) ?? (c.parentElement ? ownBox(c.parentElement, null, skip) : null);
    if (box) return { box, own: c === comment };
  }
  return null;
}

function commentBox(post: Element): HTMLElement | null {
  return ownBox(post, post.matches(FB.article) ? post : null, new Set());
}

/** A button of the unit itself (not of a comment inside it) whose text is one of `labels`. */
function ownButton(unit: Element, labels: readonly string[]): HTMLElement | null {
  const isArticle = unit.matches(FB.article);
  for (const button of unit.querySelectorAll<HTMLElement>(FB.button)) {
    const article = button.closest(FB.article);
    if (isArticle ? article !== unit : article && unit.contains(article)) continue;
    if (labels.includes(cleanText(button.textContent ?? ''))) return button;
  }
  return null;
}

/**
 * Writes a reply into Facebook's own Lexical box: under a comment, its reply box (opened with
 * the comment's Reply action when closed); under a post, its comment box. Never sends.
 */
export async function writeFacebookReply(
  el: Element,
  _post: SocialPost,
  text: string,
): Promise<InsertResult> {
  const doc = el.ownerDocument;
  const unit = unitOf(el);
  if (!unit) return { ok: false, reason: 'post-not-found' };

  const found = unit.kind === 'comment' ? replyBox(unit.el) : { box: commentBox(unit.el), own: true };
  let box = found?.box ?? null;
  if (!box || !found?.own) {
    // The comment's own Reply opens a box for it: an open box of the thread may answer another.
    const action = ownButton(unit.el, unit.kind === 'comment' ? REPLY_LABELS : COMMENT_LABELS);
    if (action) {
      const before = new Set(doc.querySelectorAll(FB.composer));
      action.click();
      const opened = await waitFor(
        doc,
        () => (unit.kind === 'comment' ? (replyBox(unit.el, before)?.box ?? null) : commentBox(unit.el)),
        3000,
      );
      box = opened ?? box;
    }
  }
  if (!box) return { ok: false, reason: 'composer-not-found' };

  await pasteReplacing(box, text);
  const target = box;
  const accepted = await waitFor(doc, () => (sameText(target, text) ? true : null), 1500);
  return accepted ? { ok: true } : { ok: false, reason: 'not-accepted' };
}
