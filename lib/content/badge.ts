import type { PostMatch } from '../messaging';

export const BADGE_ATTR = 'data-concierge-badge';

export interface BadgeLabels {
  unknown: string;
  tier: (tier: string) => string;
  title: string;
}

const STYLE = `
:host { all: initial; display: inline-flex; margin-inline-start: 6px; vertical-align: middle; }
button { all: unset; cursor: pointer; font: 500 11px/16px system-ui, sans-serif; padding: 0 7px;
  border-radius: 8px; max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  background: #eef1f4; color: #3d4752; border: 1px solid #d5dbe1; }
button:focus-visible { outline: 2px solid #1d6fd6; outline-offset: 1px; }
button.known { background: #e6f4ea; color: #145a2c; border-color: #b5dcc2; }
button.vip { background: #fff4d6; color: #6b4b00; border-color: #f0d58a; }
`;

// Closed shadow roots: the page's scripts cannot read customer names out of the badge.
const roots = new WeakMap<Element, ShadowRoot>();
let sheet: CSSStyleSheet | null = null;

/** One parsed style sheet shared by every badge, instead of a <style> to parse per badge. */
function adoptStyle(root: ShadowRoot, doc: Document): void {
  try {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = STYLE;
    root.append(style);
  }
}

/**
 * Shows who wrote a post beside the author's name. The host carries no customer data, and
 * everything inside is set as text, never as HTML.
 */
export function renderBadge(anchor: Element, match: PostMatch, labels: BadgeLabels, onSelect: () => void): void {
  const doc = anchor.ownerDocument;
  let host = anchor.querySelector(`:scope > [${BADGE_ATTR}]`);
  if (!host) {
    host = doc.createElement('span');
    host.setAttribute(BADGE_ATTR, '');
    const root = host.attachShadow({ mode: 'closed' });
    adoptStyle(root, doc);
    root.append(doc.createElement('button'));
    roots.set(host, root);
    anchor.appendChild(host);
  }
  const button = roots.get(host)?.querySelector('button');
  if (!button) return;
  const { customer } = match;
  button.textContent = customer ? `${customer.name} · ${labels.tier(customer.tier)}` : labels.unknown;
  button.className = customer ? (customer.tier === 'vip' ? 'known vip' : 'known') : 'unknown';
  button.title = labels.title;
  button.onclick = (event) => {
    // The badge sits inside the post, which navigates on click.
    event.preventDefault();
    event.stopPropagation();
    onSelect();
  };
}

export function removeBadges(el: Element): void {
  el.querySelectorAll(`[${BADGE_ATTR}]`).forEach((b) => b.remove());
}
