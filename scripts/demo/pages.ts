/**
 * The demo's pages: the adapters' saved pages, dressed to look like the sites they model. The
 * markup the content scripts read is left as it is; the demo only adds its own stylesheet (after
 * X's and Facebook's layouts, no asset of theirs), a frame of navigation, avatars drawn here from
 * each author's initials, emoji drawn as text, and it drops what only tests need
 * (`data-demo="omit"`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

type Site = 'x' | 'facebook';

const PALETTE = ['#1d9bf0', '#7856ff', '#f91880', '#00ba7c', '#ff7a00', '#5b7083', '#c2410c', '#0f766e'];

/** A round avatar with the initials of a name, its colour fixed by the name: an SVG data URL. */
export function avatarUrl(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .trim()
    .split(/\s+/);
  const initials = words
    .slice(0, 2)
    .map((w) => [...w][0] ?? '')
    .join('')
    .toUpperCase();
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  const colour = PALETTE[hash % PALETTE.length]!;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" fill="${colour}"/>` +
    `<text x="20" y="25.5" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" font-size="15" font-weight="700" fill="#fff">${escapeXml(initials)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function emojiUrl(emoji: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><text x="10" y="16" text-anchor="middle" font-size="16">${escapeXml(emoji)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const css = (site: Site) => readFileSync(resolve('scripts/demo', `${site}.css`), 'utf8');

const X_NAV = ['Home', 'Explore', 'Notifications', 'Messages', 'Bookmarks', 'Profile'];
const X_TRENDS = [
  ['Trending in Home & Garden', 'Stone kettles'],
  ['Shopping · Trending', 'Winter sale'],
  ['Trending', 'Induction hobs'],
];

/** One of the adapters' saved pages, as the demo shows it. */
export function demoPage(site: Site, html: string): string {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  for (const el of [...doc.querySelectorAll('[data-demo="omit"]')]) el.remove();
  for (const img of [...doc.querySelectorAll('img[alt]')]) {
    const alt = img.getAttribute('alt') ?? '';
    if (/\p{Extended_Pictographic}/u.test(alt)) {
      img.setAttribute('src', emojiUrl(alt));
      img.setAttribute('class', 'demo-emoji');
    }
  }
  const style = doc.createElement('style');
  style.textContent = css(site);
  doc.head.appendChild(style);
  if (site === 'x') dressX(doc as unknown as Document);
  else dressFacebook(doc as unknown as Document);
  const out = `<!doctype html>\n${doc.documentElement.outerHTML}`;
  void window.happyDOM.close();
  return out;
}

function dressX(doc: Document): void {
  for (const article of doc.querySelectorAll('article[data-testid="tweet"]')) {
    const name = article.querySelector('[data-testid="User-Name"] a span')?.textContent ?? '';
    const handle =
      article
        .querySelector('[data-testid^="UserAvatar-Container-"]')
        ?.getAttribute('data-testid')
        ?.replace('UserAvatar-Container-', '') ?? '';
    const img = doc.createElement('img');
    img.className = 'demo-avatar';
    img.alt = '';
    img.src = avatarUrl(name.replace(/[\u200B-\u200F\uFEFF]/g, '') || handle || '?');
    article.prepend(img);
  }
  const main = doc.querySelector('main') ?? doc.body;
  const nav = doc.createElement('nav');
  nav.className = 'demo-nav';
  nav.setAttribute('aria-label', 'Primary');
  nav.innerHTML =
    '<div class="demo-logo" aria-hidden="true">✕</div>' +
    X_NAV.map((item, i) => `<a href="#" class="${i ? '' : 'current'}">${item}</a>`).join('') +
    '<a href="#" class="demo-post-button">Post</a>';
  const aside = doc.createElement('aside');
  aside.className = 'demo-aside';
  aside.innerHTML =
    '<div class="demo-search">Search</div><section><h2>What’s happening</h2>' +
    X_TRENDS.map(([where, what]) => `<p><small>${where}</small><br><strong>${what}</strong></p>`).join('') +
    '</section>';
  const header = doc.createElement('header');
  header.className = 'demo-column-head';
  header.innerHTML = '<span class="current">For you</span><span>Following</span>';
  main.prepend(header);
  doc.body.prepend(nav);
  doc.body.append(aside);
  doc.body.classList.add('demo-x');
}

function dressFacebook(doc: Document): void {
  // Facebook draws each author's picture as an svg named for them, inside a link.
  for (const avatar of doc.querySelectorAll('[role="main"] a > svg[aria-label]')) {
    const name = avatar.getAttribute('aria-label') ?? '';
    avatar.setAttribute('viewBox', '0 0 40 40');
    avatar.setAttribute('class', 'demo-avatar');
    avatar.innerHTML = `<image href="${avatarUrl(name)}" width="40" height="40"></image>`;
  }
  const banner = doc.querySelector('[role="banner"]');
  if (banner) {
    banner.innerHTML =
      '<a href="/" aria-label="Facebook" class="demo-logo">f</a><div class="demo-search">Search</div>' +
      '<nav class="demo-tabs" aria-label="Sections"><a href="#" class="current">Home</a><a href="#">Video</a><a href="#">Marketplace</a><a href="#">Groups</a></nav>';
  }
  doc.body.classList.add('demo-facebook');
}
