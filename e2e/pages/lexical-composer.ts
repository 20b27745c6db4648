/**
 * Runs in fixture pages served at https://www.facebook.com/...: Facebook's comment and reply boxes
 * modelled with the real Lexical editor, so tests can read the editor's own state.
 *  - every placeholder box ([data-lexical-editor] in the saved page) becomes a rich-text editor;
 *  - a comment's "Reply" / "Ответить" button opens a plain-text reply box inside that comment;
 *  - window.__lexical(el) returns the editor's paragraphs (line breaks as "\n"), from its state.
 */
import { registerPlainText } from '@lexical/plain-text';
import { registerRichText } from '@lexical/rich-text';
import { $createParagraphNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';

const editors = new WeakMap<Element, LexicalEditor>();

function mount(el: HTMLElement, mode: 'rich' | 'plain'): void {
  el.replaceChildren();
  const editor = createEditor({ namespace: 'fixture', onError: (error) => console.error(error) });
  editor.setRootElement(el);
  if (mode === 'rich') registerRichText(editor);
  else registerPlainText(editor);
  editor.update(
    () => {
      const root = $getRoot();
      if (root.isEmpty()) root.append($createParagraphNode());
    },
    { discrete: true },
  );
  editors.set(el, editor);
}

(window as unknown as { __lexical: (el: Element) => string | null }).__lexical = (el) => {
  const editor = editors.get(el);
  if (!editor) return null;
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((p) => p.getTextContent())
      .join('\n'),
  );
};

for (const el of document.querySelectorAll<HTMLElement>('[data-lexical-editor]')) mount(el, 'rich');

const REPLY = ['Reply', 'Ответить'];
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.('[role="button"]');
  const comment = button?.closest('[role="article"]');
  if (!button || !comment || !REPLY.includes(button.textContent?.trim() ?? '')) return;
  if (
    [...comment.querySelectorAll('[data-lexical-editor]')].some(
      (box) => box.closest('[role="article"]') === comment,
    )
  )
    return;
  const box = document.createElement('div');
  box.setAttribute('contenteditable', 'true');
  box.setAttribute('role', 'textbox');
  box.setAttribute('aria-label', 'Reply');
  box.className = 'reply-box';
  comment.appendChild(box);
  mount(box, 'plain');
  box.focus();
});
