import type { PostActivity, PostMatch } from '../messaging';

export const BADGE_ATTR = 'data-concierge-badge';

export interface BadgeLabels {
  unknown: string;
  /** On the brand's own posts and replies. */
  brand: string;
  tier: (tier: string) => string;
  title: string;
  /** In a team: "Anna is replying", "answered by Anna, 3 minutes ago". */
  activity: (activity: PostActivity) => string;
}

const STYLE = `
:host { all: initial; display: inline-flex; margin-inline-start: 6px; vertical-align: middle; }
button { all: unset; cursor: pointer; font: 500 11px/16px system-ui, sans-serif; padding: 0 7px;
  border-radius: 8px; max-width: 340px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  background: #eef1f4; color: #3d4752; border: 1px solid #d5dbe1; }
button:focus-visible { outline: 2px solid #1d6fd6; outline-offset: 1px; }
button.known { background: #e6f4ea; color: #145a2c; border-color: #b5dcc2; }
button.vip { background: #fff4d6; color: #6b4b00; border-color: #f0d58a; }
button.brand { background: #eef1f4; color: #3c4650; border-color: #cfd6dd; }
button.replying { background: #fdecea; color: #8a1c12; border-color: #f3b8b0; }
`;

// Closed shadow roots: the page's scripts cannot read customer names out of the badge. The
// badge of each anchor is kept here, so drawing it again needs no search of the page.
const badges = new WeakMap<Element, { host: Element; button: HTMLButtonElement }>();
/** What a click on each badge does; one listener per page reads it instead of one per badge. */
const selects = new WeakMap<EventTarget, () => void>();
const listening = new WeakSet<Document>();
let sheet: CSSStyleSheet | null = null;
let sheetFailed = false;

/** One parsed style sheet shared by every badge, instead of a <style> to parse per badge. */
function adoptStyle(root: ShadowRoot, doc: Document): void {
  if (!sheetFailed) {
    try {
      if (!sheet) {
        const made = new CSSStyleSheet();
        made.replaceSync(STYLE);
        sheet = made;
      }
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      sheetFailed = true;
    }
  }
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
}

/**
 * Clicks on badges, caught on their way down: outside its closed root the button is seen as its
 * host. Only the user's own clicks count (a page's script may click the host, but not for them).
 */
function listen(doc: Document): void {
  if (listening.has(doc)) return;
  listening.add(doc);
  doc.addEventListener(
    'click',
    (event) => {
      const select = event.target ? selects.get(event.target) : undefined;
      if (!select || !event.isTrusted) return;
      // The badge sits inside the post, which navigates on click.
      event.preventDefault();
      event.stopPropagation();
      select();
    },
    true,
  );
}

/**
 * Shows who wrote a post beside the author's name. The host carries no customer data, and
 * everything inside is set as text, never as HTML.
 */
export function renderBadge(
  anchor: Element,
  match: PostMatch,
  labels: BadgeLabels,
  onSelect: () => void,
): void {
  let badge = badges.get(anchor);
  // Gone when the site redrew the line or the row was recycled: drawn anew.
  if (!badge || badge.host.parentNode !== anchor) {
    const doc = anchor.ownerDocument;
    const host = doc.createElement('span');
    host.setAttribute(BADGE_ATTR, '');
    const root = host.attachShadow({ mode: 'closed' });
    adoptStyle(root, doc);
    const button = doc.createElement('button');
    button.title = labels.title;
    root.append(button);
    anchor.appendChild(host);
    badges.set(anchor, (badge = { host, button }));
    listen(doc);
  }
  const { button } = badge;
  const { customer } = match;
  if (match.own === 'brand') {
    button.textContent = labels.brand;
    button.className = 'brand';
  } else {
    const who = customer ? `${customer.name} · ${labels.tier(customer.tier)}` : labels.unknown;
    button.textContent = match.activity ? `${who} · ${labels.activity(match.activity)}` : who;
    button.className = customer ? (customer.tier === 'vip' ? 'known vip' : 'known') : 'unknown';
    // Another agent has it in hand: the badge says so before anyone starts a second answer.
    if (match.activity?.kind === 'replying') button.className += ' replying';
  }
  selects.set(badge.host, onSelect);
}

export function removeBadges(el: Element): void {
  el.querySelectorAll(`[${BADGE_ATTR}]`).forEach((b) => b.remove());
}
