import { cleanText } from '../text';

const SPECIAL = 'img, br, script, style, svg, [aria-hidden="true"]';

/**
 * The text a reader sees in a block of a post: emoji images become their `alt`, links keep their
 * full text (sites hide parts of long links with CSS, not by removing them), decorative ellipses
 * marked `aria-hidden` are dropped, and white space (line breaks too) collapses to single spaces.
 */
export function readableText(el: Element): string {
  // Most names and many posts are plain text: let the browser concatenate it.
  if (!el.querySelector(SPECIAL)) return cleanText(el.textContent ?? '');
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const child = node as Element;
    const tag = child.tagName;
    if (tag === 'IMG') {
      out += child.getAttribute('alt') ?? '';
      return;
    }
    if (tag === 'BR') {
      out += '\n';
      return;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'svg' || tag === 'SVG') return;
    if (child.getAttribute('aria-hidden') === 'true' && /^[\s…]*$/.test(child.textContent ?? '')) return;
    for (let c = child.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(el);
  return cleanText(out);
}
