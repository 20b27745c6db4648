/**
 * Every selector the X adapter uses, in one place. Only data-testid, ARIA roles and link shapes:
 * hashed class names change weekly and UI text changes with the language.
 */
export const X = {
  /** One post; nested articles inside a post mean "this post is unavailable". */
  post: 'article[data-testid="tweet"]',
  /** Anything drawn as a post, whatever its test id: a timeline row's article, or one in the main column. */
  unit: '[data-testid="cellInnerDiv"] article, main article',
  /** Name block: first link has the display name, second the @handle; both link to /handle. */
  userName: '[data-testid="User-Name"]',
  /** Fallback author source: the avatar container's test id ends with the handle. */
  avatar: '[data-testid^="UserAvatar-Container-"]',
  /** Permalinks: the one holding <time datetime> is the post's own. */
  statusLink: 'a[href*="/status/"]',
  time: 'time[datetime]',
  text: '[data-testid="tweetText"]',
  showMore: '[data-testid="tweet-text-show-more-link"]',
  /** "Pinned" (no link) or "<name> reposted" (a link to the reposter). */
  socialContext: '[data-testid="socialContext"]',
  /** Ads sit inside a placement tracker; some carry their own indicator. */
  promotedAncestor: '[data-testid="placementTracking"]',
  /** A quoted post is a focusable role=link block holding its own name block. */
  quote: 'div[role="link"][tabindex="0"]',
  /** The focused post on a post's own page is not focusable as a row is. */
  focused: 'article[data-testid="tweet"][tabindex="-1"]',
  replyButton: '[data-testid="reply"]',
  /** The first (reply) part of a composer; not its "tweetTextarea_0_label". */
  composer: '[data-testid="tweetTextarea_0"]',
  sendButtons: '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]',
  dialog: '[role="dialog"]',
} as const;

/** Handles are 1–15 letters, digits or underscores (older accounts may be longer: allow 50). */
export const HANDLE = /^[A-Za-z0-9_]{1,50}$/;

/** Paths on X that look like /<name> but are not profiles. */
export const RESERVED_PATHS = new Set([
  'home',
  'explore',
  'search',
  'notifications',
  'messages',
  'i',
  'settings',
  'compose',
  'hashtag',
  'lists',
  'communities',
  'tos',
  'privacy',
  'login',
  'logout',
  'signup',
  'jobs',
]);
