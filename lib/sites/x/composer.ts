import type { InsertResult } from '../../messaging';
import type { SocialPost } from '../../post';
import { fillTextarea, pasteReplacing, sameText, waitFor } from '../composer';
import { X } from './selectors';
import { parseStatusHref } from './urls';

const EDITABLE = '[contenteditable="true"], textarea';

function editableIn(box: Element): HTMLElement | null {
  return (box.matches(EDITABLE) ? box : box.querySelector(EDITABLE)) as HTMLElement | null;
}

/** The reply dialog for this post, if open: it shows the post being answered, with its link. */
function dialogComposerFor(doc: Document, postId: string, base: string): Element | null {
  for (const dialog of doc.querySelectorAll(X.dialog)) {
    const box = dialog.querySelector(X.composer);
    if (!box) continue;
    const answers = [...dialog.querySelectorAll(X.statusLink)].some(
      (a) => parseStatusHref(a.getAttribute('href') ?? '', base)?.id === postId,
    );
    if (answers) return box;
  }
  return null;
}

/** On a post's own page, the inline box under the focused post answers that post. */
function inlineComposerFor(doc: Document, article: Element): Element | null {
  if (!article.matches(X.focused)) return null;
  for (const box of doc.querySelectorAll(X.composer)) if (!box.closest(X.dialog)) return box;
  return null;
}

/** Writes a reply into X's own reply box for the post `article` shows, opening it if needed; never sends. */
export async function writeXReply(
  article: Element,
  post: SocialPost,
  text: string,
  pageUrl: string,
): Promise<InsertResult> {
  const doc = article.ownerDocument;
  const postId = post.id;
  const base = new URL(pageUrl).origin;

  let box = inlineComposerFor(doc, article) ?? dialogComposerFor(doc, postId, base);
  if (!box) {
    const reply = article.querySelector<HTMLElement>(X.replyButton);
    if (!reply) return { ok: false, reason: 'composer-not-found' };
    reply.click();
    box = await waitFor(doc, () => dialogComposerFor(doc, postId, base) ?? null, 3000);
  }
  const editable = box && editableIn(box);
  if (!editable) return { ok: false, reason: 'composer-not-found' };

  if (editable.tagName === 'TEXTAREA') fillTextarea(editable as HTMLTextAreaElement, text);
  else await pasteReplacing(editable, text);

  const accepted = await waitFor(doc, () => (sameText(editable, text) ? true : null), 1500);
  return accepted ? { ok: true } : { ok: false, reason: 'not-accepted' };
}
