/**
 * Runs in fixture pages served at https://x.com/...: X's composer modelled with the real Draft.js
 * editor, so tests can read the editor's own state after Concierge writes into it.
 *  - a post's reply button opens a reply dialog (role=dialog) showing the post's status link,
 *    the composer (data-testid="tweetTextarea_0") and a send button disabled while empty;
 *  - on a post's own page, an inline composer is mounted into #inline-composer;
 *  - window.__draft(id) returns the editor's plain text, for id "inline" or "dialog".
 */
import { Editor, EditorState } from 'draft-js';
import { useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';

type Readers = Record<string, () => string>;
const readers: Readers = {};
(window as unknown as { __draft: (id: string) => string | null }).__draft = (id) => readers[id]?.() ?? null;

function Composer({ id, sendTestId }: { id: string; sendTestId: string }) {
  const [state, setState] = useState(() => EditorState.createEmpty());
  const latest = useRef(state);
  latest.current = state;
  readers[id] = () => latest.current.getCurrentContent().getPlainText();
  const empty = !state.getCurrentContent().hasText();
  return (
    <div>
      <div data-testid="tweetTextarea_0">
        <Editor
          editorState={state}
          onChange={setState}
          role="textbox"
          ariaMultiline
          placeholder="Post your reply"
        />
      </div>
      <button
        type="button"
        data-testid={sendTestId}
        aria-disabled={empty ? 'true' : undefined}
        disabled={empty}
      >
        Reply
      </button>
    </div>
  );
}

let dialog: { el: HTMLElement; root: Root } | null = null;

function openDialog(article: Element): void {
  dialog?.root.unmount();
  dialog?.el.remove();
  const el = document.createElement('div');
  el.setAttribute('role', 'dialog');
  el.setAttribute('aria-modal', 'true');
  el.setAttribute('aria-label', 'Reply');
  el.style.cssText =
    'position:fixed;top:40px;left:25%;width:50%;background:#fff;border:1px solid #ccc;padding:12px;z-index:10';
  const context = document.createElement('div');
  const link = article.querySelector('a[href*="/status/"] time')?.closest('a');
  if (link) context.appendChild(link.cloneNode(true));
  const host = document.createElement('div');
  el.append(context, host);
  document.body.appendChild(el);
  const root = createRoot(host);
  root.render(<Composer id="dialog" sendTestId="tweetButton" />);
  dialog = { el, root };
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.('[data-testid="reply"]');
  const article = button?.closest('article');
  if (article) openDialog(article);
});

const inline = document.getElementById('inline-composer');
if (inline) createRoot(inline).render(<Composer id="inline" sendTestId="tweetButtonInline" />);
