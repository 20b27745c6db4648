/**
 * Every selector and localised label the Facebook adapter uses, in one place. Structure first
 * (roles, link shapes, Lexical's own attributes); labels only where Facebook offers nothing else,
 * with a table per language.
 */

/** The post's "…" menu label, by UI language: the newer feed's only dependable post anchor. */
export const POST_MENU_LABELS = [
  'Actions for this post',
  'Действия для этой публикации',
  'Aktionen für diesen Beitrag',
  'Hành động với bài viết này',
  'Acciones para esta publicación',
  'Actions pour cette publication',
  'Azioni per questo post',
  'Ações para esta publicação',
  'Дії для цього допису',
];

/** "Reply" under a comment, by UI language (the action row has no other stable mark). */
export const REPLY_LABELS = [
  'Reply',
  'Ответить',
  'Antworten',
  'Trả lời',
  'Responder',
  'Répondre',
  'Rispondi',
  'Відповісти',
];

/** "Comment" under a post, which opens its comment box where the feed hides it. */
export const COMMENT_LABELS = [
  'Comment',
  'Комментировать',
  'Kommentieren',
  'Bình luận',
  'Comentar',
  'Commenter',
  'Commenta',
  'Коментувати',
];

/** "Sponsored", when Facebook spells it out (it often scrambles it; the ads link is the better sign). */
export const SPONSORED_LABELS = [
  'Sponsored',
  'Реклама',
  'Gesponsert',
  'Được tài trợ',
  'Publicidad',
  'Sponsorisé',
  'Sponsorizzato',
  'Patrocinado',
];

const menuSelector = (label: string) => `[aria-label="${label}"], [aria-label^="${label} "]`;

export const FB = {
  article: '[role="article"]',
  /** Older feed units: numbered articles and pagelets. */
  feedUnit: '[aria-posinset], [data-pagelet^="FeedUnit"]',
  /** Anything drawn as a post or comment, for the page-health count: a feed's rows included. */
  unit: '[role="article"], [aria-posinset], [data-pagelet^="FeedUnit"], [role="feed"] > div',
  // Gated on the attribute: every element of every new row is tested against this list, and
  // one test of [aria-label] turns most of them away before eighteen comparisons would.
  postMenu: `[aria-label]:is(${POST_MENU_LABELS.map(menuSelector).join(', ')})`,
  /** Where a post's author sits; the older markup has a heading with a link. */
  profileName: '[data-ad-rendering-role="profile_name"]',
  headingLink: 'h2 a[href], h3 a[href], h4 a[href], strong a[href]',
  storyMessage:
    '[data-ad-rendering-role="story_message"], [data-ad-preview="message"], [data-ad-comet-preview="message"]',
  textBlock: 'div[dir="auto"]',
  button: '[role="button"]',
  sponsoredLink: 'a[href*="/ads/about"]',
  utime: '[data-utime]',
  time: 'time[datetime]',
  composer: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  /** Messenger's chat boxes are Lexical too; they never answer a post. */
  messenger: '[role="complementary"], [data-pagelet*="Messenger"], [aria-label*="Messenger"]',
} as const;
