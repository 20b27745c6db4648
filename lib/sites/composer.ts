import { cleanMultiline } from '../text';

/** Resolves with fn's first non-null result, checking on each DOM change, or null after timeoutMs. */
export function waitFor<T>(doc: Document, fn: () => T | null, timeoutMs: number): Promise<T | null> {
  const first = fn();
  if (first != null) return Promise.resolve(first);
  return new Promise((resolve) => {
    const done = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      clearInterval(poll);
      resolve(value);
    };
    const check = () => {
      const value = fn();
      if (value != null) done(value);
    };
    const observer = new MutationObserver(check);
    observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true });
    // Editors apply some changes after the current task without touching the DOM at once.
    const poll = setInterval(check, 50);
    const timer = setTimeout(() => done(fn()), timeoutMs);
  });
}

const frame = (win: Window) => new Promise<void>((r) => win.setTimeout(r, 0));

/**
 * A block's text with its line breaks: Lexical draws a break inside a paragraph as <br>, and an
 * empty paragraph (or a break at the end) as a trailing <br> that is no text.
 */
function blockText(block: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if ((node as Element).tagName === 'BR')
      out += node === block.lastChild || !node.nextSibling ? '' : '\n';
    else for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(block);
  return out;
}

/** The text an editor shows, with its paragraphs, for comparing with what was put in. */
export function editorText(el: HTMLElement): string {
  if (el instanceof el.ownerDocument.defaultView!.HTMLTextAreaElement) return cleanMultiline(el.value);
  const blocks = el.querySelectorAll('[data-block="true"], p');
  const text = blocks.length ? [...blocks].map(blockText).join('\n') : (el.innerText ?? el.textContent ?? '');
  return cleanMultiline(text);
}

export function sameText(el: HTMLElement, text: string): boolean {
  return editorText(el) === cleanMultiline(text);
}

/**
 * Puts text into a rich editor (Draft.js, Lexical) the way a user's paste does, replacing what
 * is there: the editors handle paste themselves and keep their own state, paragraphs included.
 * execCommand('insertText') breaks multi-line text in both, so it is not used.
 */
export async function pasteReplacing(editable: HTMLElement, text: string): Promise<void> {
  const doc = editable.ownerDocument;
  const win = doc.defaultView!;
  editable.focus();
  const selection = win.getSelection();
  selection?.selectAllChildren(editable);
  // Let the editor read the new selection (it listens to selectionchange) before pasting over it.
  await frame(win);
  const data = new DataTransfer();
  data.setData('text/plain', text);
  editable.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
  );
}

/** Plain text areas (mobile layouts): set the value through the native setter so frameworks see it. */
export function fillTextarea(area: HTMLTextAreaElement, text: string): void {
  const win = area.ownerDocument.defaultView!;
  const setter = Object.getOwnPropertyDescriptor(win.HTMLTextAreaElement.prototype, 'value')?.set;
  area.focus();
  setter?.call(area, text);
  area.dispatchEvent(new Event('input', { bubbles: true }));
}
