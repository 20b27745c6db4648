import { cleanText } from '../text';

const SPECIAL = 'img, br, script, style, svg, [aria-hidden="true"]';

/** The selector of elements read specially, made once per options object rather than per call. */
const specials = new WeakMap<TextOptions, string>();
function specialOf(options: TextOptions): string {
  let special = specials.get(options);
  if (special === undefined) {
    const { skip, linkText } = options;
    special = `${SPECIAL}${skip ? `, ${skip}` : ''}${linkText ? ', a[href]' : ''}`;
    specials.set(options, special);
  }
  return special;
}

const PLAIN: TextOptions = {};

export interface TextOptions {
  /** Elements whose text is left out (a site's "See more" button, say). */
  skip?: string;
  /** A link's text as Concierge should read it; null keeps what the link shows. */
  linkText?: (link: Element) => string | null;
}

/**
 * The text a reader sees in a block of a post: emoji images become their `alt`, links keep their
 * full text (sites hide parts of long links with CSS, not by removing them), decorative ellipses
 * marked `aria-hidden` are dropped, and white space (line breaks too) collapses to single spaces.
 */
export function readableText(el: Element, options: TextOptions = PLAIN): string {
  const { skip, linkText } = options;
  const special = specialOf(options);
  // Most names and many posts are plain text: let the browser concatenate it.
  if (!el.querySelector(special)) return cleanText(el.textContent ?? '');
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
    if (skip && child.matches(skip)) return;
    if (linkText && tag === 'A') {
      const replaced = linkText(child);
      if (replaced != null) {
        out += replaced;
        return;
      }
    }
    for (let c = child.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(el);
  return cleanText(out);
}
