import type { PostActivity, PostMatch } from '../messaging';
import { clip } from '../text';

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

/**
 * The badge is an inline box, not a button or an inline-flex one, set in a named font stack, not
 * system-ui: on a 600-row page, 50 badges drawn as buttons aligned to the middle in system-ui
 * made the next frame 15 ms long, as plain spans 9 (bench/summary.md). It stays on the line's
 * height, so the row does not grow.
 */
const STYLE = `
:host { all: initial; font: 500 11px/16px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
span { margin-inline-start: 6px; padding: 0 7px; border-radius: 8px; white-space: nowrap;
  cursor: pointer; background: #eef1f4; color: #3d4752; border: 1px solid #d5dbe1; }
span:focus-visible { outline: 2px solid #1d6fd6; outline-offset: 1px; }
span.known { background: #e6f4ea; color: #145a2c; border-color: #b5dcc2; }
span.vip { background: #fff4d6; color: #6b4b00; border-color: #f0d58a; }
span.brand { background: #eef1f4; color: #3c4650; border-color: #cfd6dd; }
span.replying { background: #fdecea; color: #8a1c12; border-color: #f3b8b0; }
`;

/** Characters a badge shows: an inline box cannot cut its text with an ellipsis, so it is cut here. */
const MAX_TEXT = 60;

// Closed shadow roots: the page's scripts cannot read customer names out of the badge. The
// badge of each anchor is kept here, so drawing it again needs no search of the page.
const badges = new WeakMap<Element, { host: Element; pill: HTMLElement }>();
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
 * Clicks on badges, and Enter or Space on a focused one, caught on their way down: outside its
 * closed root the badge is seen as its host. Only the user's own count (a page's script may click
 * the host, but not for them).
 */
function listen(doc: Document): void {
  if (listening.has(doc)) return;
  listening.add(doc);
  const activate = (event: Event): void => {
    const select = event.target ? selects.get(event.target) : undefined;
    if (!select || !event.isTrusted) return;
    const key = event.type === 'keydown' ? (event as KeyboardEvent).key : null;
    if (key !== null && key !== 'Enter' && key !== ' ') return;
    // The badge sits inside the post, which navigates on click (and Space would scroll the page).
    event.preventDefault();
    event.stopPropagation();
    select();
  };
  doc.addEventListener('click', activate, true);
  doc.addEventListener('keydown', activate, true);
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
    const blank = blanksFor(doc, labels.title);
    const host = blank.host.cloneNode(false) as Element;
    const root = host.attachShadow({ mode: 'closed' });
    adoptStyle(root, doc);
    const pill = blank.pill.cloneNode(false) as HTMLElement;
    root.append(pill);
    anchor.appendChild(host);
    badges.set(anchor, (badge = { host, pill }));
    listen(doc);
  }
  const { pill } = badge;
  const { customer } = match;
  if (match.own === 'brand') {
    pill.textContent = clipped(labels.brand);
    pill.className = 'brand';
  } else {
    const who = customer ? `${customer.name} · ${labels.tier(customer.tier)}` : labels.unknown;
    pill.textContent = clipped(match.activity ? `${who} · ${labels.activity(match.activity)}` : who);
    pill.className = customer ? (customer.tier === 'vip' ? 'known vip' : 'known') : 'unknown';
    // Another agent has it in hand: the badge says so before anyone starts a second answer.
    if (match.activity?.kind === 'replying') pill.className += ' replying';
  }
  selects.set(badge.host, onSelect);
}

/**
 * A badge's host and pill as made once, cloned for each badge: a clone is one call from a content
 * script where making and marking each element took four.
 */
let blanks: { doc: Document; title: string; host: Element; pill: HTMLElement } | null = null;
function blanksFor(doc: Document, title: string): { host: Element; pill: HTMLElement } {
  if (blanks?.doc !== doc || blanks.title !== title) {
    const host = doc.createElement('span');
    host.setAttribute(BADGE_ATTR, '');
    // A span that acts as a button: a <button> is a box of its own, laid out apart from the line.
    const pill = doc.createElement('span');
    pill.setAttribute('role', 'button');
    pill.tabIndex = 0;
    pill.title = title;
    blanks = { doc, title, host, pill };
  }
  return blanks;
}

function clipped(text: string): string {
  return text.length > MAX_TEXT ? `${clip(text, MAX_TEXT - 1)}…` : text;
}

export function removeBadges(el: Element): void {
  el.querySelectorAll(`[${BADGE_ATTR}]`).forEach((b) => b.remove());
}
