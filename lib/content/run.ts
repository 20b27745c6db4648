import type { InsertResult, PageStats, PostMatch, PostsSeen } from '../messaging';
import { postKey, type SocialPost } from '../post';
import type { SiteAdapter } from '../sites/types';
import { removeBadges, renderBadge, type BadgeLabels } from './badge';
import { diagnosticOf, type PageDiagnostic } from './diagnostic';
import { isRead, pageHealth, unitsOf } from './health';
import type { Lab } from './lab';
import { observeElements } from './observe';
import { allNear, type NearSort } from './near';
import { allOnScreen, type Place, type ScreenSort } from './on-screen';
import { createPieces, pageHost, type Job, type PieceHost } from './pieces';

/**
 * Posts in one message. A message costs the page's main thread about 0.3 ms and 12 µs a post
 * here (the browser copies it), four times that on a slow laptop: 50 keep a send a small piece.
 * The copy runs after the piece, in its task, where the piece's clock does not see it: so one
 * message goes to a piece, never as many as the slice would seem to allow.
 */
const MAX_SEND = 50;
/** Posts held before those no longer on the page are first let go. */
const HOLD_FROM = 1000;

export interface ContentDeps {
  adapter: SiteAdapter;
  doc: Document;
  pageUrl: () => string;
  signal: AbortSignal;
  labels: BadgeLabels;
  postsSeen: (data: PostsSeen) => Promise<PostMatch[]>;
  selectPost: (key: string) => Promise<void>;
  now?: () => number;
  /** Where pieces of work run; the page's scheduler by default. */
  host?: PieceHost;
  /** Which posts are on screen; all of them by default (the entrypoint passes the real one). */
  onScreen?: ScreenSort;
  /** When posts found far from the screen come near it; at once by default. */
  near?: NearSort;
  /** The benchmark's account of where the time goes; absent from users' builds. */
  lab?: Lab;
}

export interface ContentApp {
  stats: () => PageStats;
  /** The structure around the units not read, for a bug report: no text, names or ids. */
  diagnostic: (extensionVersion: string) => PageDiagnostic;
  /** Who the authors of posts shown are now (the worker's answer after customers changed). */
  relabel: (labels: PostMatch[]) => Promise<void>;
  insertReply: (postId: string, text: string) => Promise<InsertResult>;
}

/**
 * The content script's whole job: watch the page, read posts with the site adapter, ask the
 * background who wrote them, and put a badge beside each author. Nothing here opens the database.
 */
export function runContent(deps: ContentDeps): ContentApp {
  const { adapter, doc, signal, labels } = deps;
  const { lab } = deps;
  const now = deps.now ?? (() => performance.now());
  // The count of posts is read off the maps below when asked for.
  const stats: Omit<PageStats, 'postsSeen'> = {
    site: adapter.site,
    url: '',
    misses: {},
    batches: 0,
    badgesDrawn: 0,
  };
  // The elements that show each post now; a post scrolled away and back may get a new element.
  const shown = new Map<string, { post: SocialPost; el: WeakRef<Element> }>();
  const matches = new Map<string, PostMatch>();
  // What each element shows now: a recycled row must never get the badge of its old post.
  const showing = new WeakMap<Element, string>();
  // A day of scrolling must not grow the page's memory: posts whose element left the page are
  // let go whenever the count doubles. Their keys stay (a few bytes each), so that a post scrolled
  // back into view is counted once.
  const counted = new Set<string>();
  let holdUpTo = HOLD_FROM;
  const letGoOfGone = (): void => {
    if (shown.size < holdUpTo) return;
    // forEach walks the maps without an entry array per post.
    shown.forEach((entry, key) => {
      if (!entry.el.deref()?.isConnected) shown.delete(key);
    });
    matches.forEach((_match, key) => {
      if (!shown.has(key)) matches.delete(key);
    });
    holdUpTo = Math.max(HOLD_FROM, shown.size * 2);
  };

  const badged = new WeakSet<Element>();
  // Rows found far from the screen: their badges wait until they come near it (./near.ts).
  const far = new WeakSet<Element>();

  const draw = (key: string): void => {
    const entry = shown.get(key);
    const el = entry?.el.deref();
    const match = matches.get(key);
    if (!entry || !el?.isConnected || !match || showing.get(el) !== key) return;
    if (far.has(el)) return near.hold(el);
    let anchor: Element | null;
    try {
      anchor = adapter.badgeAnchor(el);
    } catch {
      anchor = null;
    }
    if (!anchor) return;
    // An ad is nobody's post to answer: no badge, and none left from before.
    if (match.own === 'ad') return removeBadges(anchor);
    renderBadge(anchor, match, labels, () => void deps.selectPost(key));
    badged.add(el);
    stats.badgesDrawn += 1;
  };

  const relabel = (answer: PostMatch[]): Promise<void> => {
    for (const match of answer) matches.set(match.key, match);
    return drawAll(answer.map((match) => match.key));
  };

  /** Asks the worker about some posts and draws its answer. */
  const ask = (posts: SocialPost[], pageUrl: string): void => {
    deps.postsSeen({ pageUrl, posts }).then(
      (answer) => relabel(answer),
      // The extension was reloaded or the worker refused: the page must not notice.
      () => undefined,
    );
  };

  // Posts read and not yet asked about: what a frame's pieces read goes in one message, or
  // sooner, once there is nothing left to read.
  let outgoing: { pageUrl: string; posts: SocialPost[]; keys: Set<string> } | null = null;
  /** Sends what was read, a message of MAX_SEND posts at most to a piece. */
  const sendOutgoing = (): void => {
    if (!outgoing || signal.aborted) return;
    const { posts, pageUrl } = outgoing;
    outgoing = null;
    let next = 0;
    pieces.add('visible', () => {
      const start = now();
      if (next === 0) letGoOfGone();
      ask(posts.slice(next, (next += MAX_SEND)), pageUrl);
      if (lab) {
        lab.within(now() - start, 'sendMs');
        // The browser copies the message a microtask later, after this piece but in its task:
        // a microtask queued now runs after it, and counts that time too.
        const sent = now();
        queueMicrotask(() => lab.spend(now() - sent, 'sendMs'));
      }
      return next >= posts.length;
    });
  };
  const outgoingFor = (pageUrl: string) => {
    // The page moved on (X changes its address without loading a page): the last page's go first.
    if (outgoing && outgoing.pageUrl !== pageUrl) sendOutgoing();
    if (!outgoing) {
      outgoing = { pageUrl, posts: [], keys: new Set() };
      host.frame(sendOutgoing);
    }
    return outgoing;
  };

  /** Draws the badges of some posts, a piece at a time; resolves once all are drawn or held. */
  const drawAll = (keys: string[]): Promise<void> =>
    new Promise((resolve) => {
      if (!keys.length || signal.aborted) return resolve();
      let next = 0;
      pieces.add('visible', (spent) => {
        const start = now();
        observation.quietly(() => {
          while (next < keys.length) {
            draw(keys[next++]!);
            if (spent()) break;
          }
        });
        lab?.within(now() - start, 'badgeMs');
        if (next < keys.length && !signal.aborted) return (lab?.sliced('slicedDraws'), false);
        resolve();
        return true;
      });
    });

  /** Reads elements found on the page, a piece at a time. */
  const readJob = (elements: Element[]): Job => {
    let next = 0;
    return (spent) => {
      const start = now();
      const pageUrl = deps.pageUrl();
      stats.url = pageUrl;
      const batch = outgoingFor(pageUrl);
      while (next < elements.length) {
        const el = elements[next++]!;
        // A row may leave the page between being found and being read: nothing to read then.
        if (el.isConnected) readElement(el, pageUrl, batch.posts, batch.keys);
        if (spent()) break;
      }
      lab?.within(now() - start, 'parseMs');
      if (next >= elements.length) return true;
      lab?.sliced('slicedBatches');
      return false;
    };
  };

  const host: PieceHost = {
    ...(deps.host ?? pageHost(doc.defaultView as Window & typeof globalThis)),
    ...(deps.now && { now: deps.now }),
  };
  const pieces = createPieces({
    host,
    signal,
    // Nothing left to read: what was read goes now, without waiting for the frame.
    onDrained: sendOutgoing,
    ...(lab && { onPiece: (_start: number, ms: number) => lab.spend(ms) }),
  });
  /** A job whose time is counted to a part: the observer's to looking, sorting to the screen. */
  const timed =
    (job: Job, part: 'lookMs' | 'screenMs'): Job =>
    (spent) => {
      const start = now();
      const done = job(spent);
      lab?.within(now() - start, part);
      return done;
    };
  const place = (elements: Element[], where: Place): void => {
    for (const el of elements) {
      if (where === 'far') far.add(el);
      else far.delete(el);
    }
    pieces.add(where === 'visible' ? 'visible' : 'idle', readJob(elements));
  };
  const near = (deps.near ?? allNear)((elements) => {
    const keys: string[] = [];
    for (const el of elements) {
      far.delete(el);
      const key = showing.get(el);
      if (key) keys.push(key);
    }
    void drawAll(keys);
  });
  const sortOnScreen = (deps.onScreen ?? allOnScreen)(place, (job) =>
    pieces.add('visible', lab ? timed(job, 'screenMs') : job),
  );
  const onBatch = (elements: Element[]): void => {
    stats.batches += 1;
    sortOnScreen(elements);
    // Rows came or changed: the rows held far away may have moved nearer.
    near.recheck();
  };
  const readElement = (el: Element, pageUrl: string, posts: SocialPost[], inBatch: Set<string>): void => {
    if (badged.has(el)) removeBadges(el);
    let report;
    try {
      report = adapter.parse(el, pageUrl);
    } catch {
      report = { posts: [], misses: { 'parse-error': 1 } };
    }
    // Most reports miss nothing: no arrays of entries made to find that out.
    for (const reason in report.misses) {
      const miss = reason as keyof typeof report.misses;
      stats.misses[miss] = (stats.misses[miss] ?? 0) + (report.misses[miss] ?? 0);
    }
    for (const post of report.posts) {
      const key = postKey(post);
      counted.add(key);
      shown.set(key, { post, el: new WeakRef(el) });
      showing.set(el, key);
      // Two elements may stand for one post (a post and its menu); it is sent once.
      if (!inBatch.has(key)) posts.push(post);
      inBatch.add(key);
    }
  };

  // Badges of an earlier copy of this script (before Concierge was updated) answer no one: they
  // go, and this copy draws its own. When this copy is stopped in turn, its badges go with it.
  const clearBadges = () => removeBadges(doc.documentElement);
  clearBadges();
  signal.addEventListener('abort', clearBadges, { once: true });
  // Badges are drawn quietly; one taken away from a recycled row costs a look at its post.
  const observation = observeElements({
    root: doc,
    selector: adapter.postSelector,
    keyOf: adapter.keyOf,
    onBatch,
    signal,
    run: (job) => pieces.add('visible', lab ? timed(job, 'lookMs') : job),
    ...(lab && { measure: (ms: number) => lab.noted(ms) }),
  });

  /** The elements posts were read from that are on the page now. */
  const readFrom = (): Element[] => {
    const els: Element[] = [];
    for (const { el } of shown.values()) {
      const element = el.deref();
      if (element?.isConnected) els.push(element);
    }
    return els;
  };
  const missCount = () => Object.values(stats.misses).reduce<number>((a, b) => a + (b ?? 0), 0);

  return {
    stats: () => ({
      ...stats,
      misses: { ...stats.misses },
      postsSeen: counted.size,
      health: pageHealth(doc, adapter.unitSelector, readFrom(), counted.size, missCount()),
      ...(lab && { lab: lab.stats(shown.size) }),
    }),
    diagnostic(extensionVersion) {
      const read = readFrom();
      const units = unitsOf(doc, adapter.unitSelector);
      const unread = units.filter((u) => !isRead(u, read));
      const health = pageHealth(doc, adapter.unitSelector, read, counted.size, missCount());
      return diagnosticOf(
        {
          site: adapter.site,
          at: new Date().toISOString(),
          extensionVersion,
          health: { units: health.units, read: health.read },
          postsSeen: counted.size,
          misses: { ...stats.misses },
        },
        deps.pageUrl(),
        unread,
      );
    },
    relabel: (labels) => relabel(labels.filter((label) => shown.has(label.key))),
    // The element already read for the post: the page is not searched again.
    insertReply(postId, text) {
      const key = postKey({ site: adapter.site, id: postId });
      const entry = shown.get(key);
      const el = entry?.el.deref();
      if (!entry || !el?.isConnected || showing.get(el) !== key) {
        return Promise.resolve({ ok: false, reason: 'post-not-found' } as const);
      }
      return adapter.writeReply(el, entry.post, text, deps.pageUrl());
    },
  };
}
