import { browser } from 'wxt/browser';
import { mutate } from '../db/mutations';
import { postsByKey } from '../db/queries';
import { brandAccounts, isBrandAuthor } from '../brand';
import type { Settings } from '../settings';
import type { ConciergeDb } from '../db/schema';
import { matchAuthors } from '../match/identity';
import { nameCandidates, type NamedCandidate } from './candidates';
import {
  fromExtensionPage,
  fromSupportedTab,
  InvalidMessageError,
  NameCandidatesSchema,
  NothingSchema,
  parsePayload,
  PostsSeenSchema,
  SelectPostSchema,
  type PostActivity,
  type PostMatch,
  type SenderLike,
} from '../messaging';
import type { Interaction } from '../db/types';
import type { Team } from './team';
import { postKey, type SocialPost } from '../post';
import type { AccountOwner } from '../db/accounts';
import { SITE_HOSTS } from '../sites/lookup';
import type { TabPostsStore } from './tab-posts';

export interface HandlerDeps {
  database: ConciergeDb;
  extensionId: string;
  /** The extension's own origin (chrome-extension://<id>/): the side panel and options pages. */
  extensionOrigin: string;
  /** The agent's settings, as the worker holds them (settingsReader). */
  settings: () => Promise<Settings>;
  /** The posts each tab showed, for the side panel (./tab-posts.ts). */
  tabs: TabPostsStore;
  /** Sends a tab's content script its badges' labels anew. */
  sendLabels: (tabId: number, labels: PostMatch[]) => Promise<void>;
  /** In a team: who is replying to a post, or answered it (./team.ts). */
  team?: Pick<Team, 'active' | 'activity'>;
}

function tabOf(sender: SenderLike, deps: HandlerDeps): number {
  const tabId = fromSupportedTab(sender, deps.extensionId, SITE_HOSTS);
  if (tabId == null) throw new InvalidMessageError('sender is not a content script on a supported site');
  return tabId;
}

/** What a badge says of each post's author: the customer, nobody, the brand itself, or an ad. */
function labelsOf(
  posts: readonly Pick<SocialPost, 'site' | 'id' | 'author' | 'promoted'>[],
  matches: ReadonlyMap<string, AccountOwner | null>,
  brand: ReadonlySet<string>,
  activity: (key: string) => PostActivity | undefined = () => undefined,
): PostMatch[] {
  return posts.map((post) => {
    const key = postKey(post);
    if (post.promoted) return { key, postId: post.id, customer: null, own: 'ad' as const };
    if (isBrandAuthor(post.author, brand))
      return { key, postId: post.id, customer: null, own: 'brand' as const };
    const customer = matches.get(key) ?? null;
    const doing = activity(key);
    return {
      key,
      postId: post.id,
      customer: customer && { id: customer.customerId, name: customer.name, tier: customer.tier },
      ...(doing && { activity: doing }),
    };
  });
}

/**
 * In a team, what each recorded post's badge says of its answering. Outside a team nothing, and
 * the posts are not read: this runs for every batch of posts a page shows.
 */
async function activityFor(
  deps: HandlerDeps,
  recorded: () => Promise<readonly Interaction[]>,
): Promise<(key: string) => PostActivity | undefined> {
  const team = deps.team;
  if (!team?.active()) return () => undefined;
  const posts = new Map((await recorded()).map((p) => [p.key, p]));
  return (key) => team.activity(posts.get(key), key);
}

/** A message only Concierge's own pages may send. */
export function fromPage(deps: HandlerDeps, sender: SenderLike): void {
  if (!fromExtensionPage(sender, deps.extensionId, deps.extensionOrigin))
    throw new InvalidMessageError('sender is not an extension page');
}

const customerIds = (matches: ReadonlyMap<string, AccountOwner | null>) =>
  new Map([...matches].map(([key, owner]) => [key, owner?.customerId ?? null]));

/** Posts from a page: record each once, say who wrote it, remember them for the tab's panel. */
export async function handlePostsSeen(
  deps: HandlerDeps,
  data: unknown,
  sender: SenderLike,
): Promise<PostMatch[]> {
  const tabId = tabOf(sender, deps);
  const { posts, pageUrl } = parsePayload(PostsSeenSchema, data);
  // Who wrote the posts and whose handles are the brand's are read together.
  const [matches, { brandHandles }] = await Promise.all([
    matchAuthors(deps.database, posts),
    deps.settings(),
  ]);
  const recorded = afterRecording(async () => {
    await mutate('recordPagePosts', { posts, brandHandles }, deps.database);
    // Not waited for: the tab's list is written with its neighbours' (./tab-posts.ts).
    void deps.tabs.add(tabId, pageUrl, customerIds(matches)).catch(() => undefined);
  });
  // Outside a team a badge needs nothing that recording writes: the page is answered first.
  const activity = await activityFor(deps, async () => {
    await recorded;
    return postsByKey(posts.map(postKey), deps.database);
  });
  return labelsOf(posts, matches, brandAccounts(brandHandles), activity);
}

// Posts are recorded after their badges are answered, one batch after another; whatever reads
// the recorded posts or the tabs' lists waits for the batches before it.
let recording: Promise<void> = Promise.resolve();
function afterRecording(record: () => Promise<void>): Promise<void> {
  const next = recording.then(record);
  // A batch that failed to be written (a full disk) must not stop the next ones.
  recording = next.catch(() => undefined);
  return next;
}

/**
 * Customers changed (an edit, a link, an import, in any page): every open tab's posts are
 * matched anew, the panel's record of whom they show is updated, and each tab is sent its
 * badges' new labels, so that no badge names someone the base no longer says.
 */
export async function handleCustomersChanged(
  deps: HandlerDeps,
  data: unknown,
  sender: SenderLike,
): Promise<void> {
  fromPage(deps, sender);
  parsePayload(NothingSchema, data);
  await relabelTabs(deps);
}

/**
 * Every open tab's posts matched anew and their badges told: after customers changed, and in a
 * team when a claim came or went or the team's records arrived.
 */
export async function relabelTabs(deps: HandlerDeps): Promise<void> {
  await recording;
  const tabs = await deps.tabs.showing();
  const recorded = await postsByKey([...new Set(tabs.flatMap((t) => t.keys))], deps.database);
  const posts = recorded.map((p) => ({
    site: p.site,
    id: p.postId,
    author: p.author,
    ...(p.promoted && { promoted: true }),
  }));
  const brand = brandAccounts((await deps.settings()).brandHandles);
  const matches = await matchAuthors(deps.database, posts);
  // Keys of posts no longer recorded are matched to nobody.
  const all = new Map(tabs.flatMap((t) => t.keys.map((key) => [key, null] as const)));
  await deps.tabs.rematch(new Map([...all, ...customerIds(matches)]));
  const activity = await activityFor(deps, async () => recorded);
  const byKey = new Map(labelsOf(posts, matches, brand, activity).map((label) => [label.key, label]));
  await Promise.all(
    tabs.map(({ tabId, keys }) => {
      // A post no longer recorded went with its deleted customer: its badge names nobody now.
      const labels = keys.map(
        (key) => byKey.get(key) ?? { key, postId: key.slice(key.indexOf(':') + 1), customer: null },
      );
      // A tab closed or navigated away meanwhile has nobody to tell.
      return labels.length ? deps.sendLabels(tabId, labels).catch(() => undefined) : undefined;
    }),
  );
}

/** Opens the side panel where the browser allows it; a refusal, thrown or rejected, is no error. */
function openPanel(tabId: number): Promise<unknown> {
  try {
    return browser.sidePanel?.open?.({ tabId }).catch(() => undefined) ?? Promise.resolve();
  } catch {
    return Promise.resolve();
  }
}

/** A badge was clicked: select that post for the tab's panel and open the panel where we can. */
export async function handleSelectPost(deps: HandlerDeps, data: unknown, sender: SenderLike): Promise<void> {
  const tabId = tabOf(sender, deps);
  const { key } = parsePayload(SelectPostSchema, data);
  // Chrome opens the panel only within the user's gesture, so before any await; where it
  // refuses, the selection waits for the panel to be opened from the toolbar.
  const opening = openPanel(tabId);
  await recording;
  await deps.tabs.select(tabId, key);
  await opening;
}

/** The side panel asks who an unknown author might be. */
export async function handleNameCandidates(
  deps: HandlerDeps,
  data: unknown,
  sender: SenderLike,
): Promise<NamedCandidate[]> {
  fromPage(deps, sender);
  const { authorKey, displayName } = parsePayload(NameCandidatesSchema, data);
  return nameCandidates(deps.database, authorKey, displayName);
}
