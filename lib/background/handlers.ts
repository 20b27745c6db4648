import { browser } from 'wxt/browser';
import { recordReplies, recordSeen } from '../db/interactions';
import { loadSettings } from '../settings';
import type { ConciergeDb } from '../db/schema';
import { matchAuthors } from '../match/identity';
import { nameCandidates, type NamedCandidate } from './candidates';
import {
  fromExtensionPage,
  fromSupportedTab,
  InvalidMessageError,
  NameCandidatesSchema,
  parsePayload,
  PostsSeenSchema,
  SelectPostSchema,
  type PostMatch,
  type SenderLike,
} from '../messaging';
import { postKey } from '../post';
import { SITE_HOSTS } from '../sites/lookup';
import { addTabPosts, selectTabPost } from './tab-posts';

export interface HandlerDeps {
  database: ConciergeDb;
  extensionId: string;
  /** The extension's own origin (chrome-extension://<id>/): the side panel and options pages. */
  extensionOrigin: string;
}

function tabOf(sender: SenderLike, deps: HandlerDeps): number {
  const tabId = fromSupportedTab(sender, deps.extensionId, SITE_HOSTS);
  if (tabId == null) throw new InvalidMessageError('sender is not a content script on a supported site');
  return tabId;
}

/** Posts from a page: record each once, say who wrote it, remember them for the tab's panel. */
export async function handlePostsSeen(
  deps: HandlerDeps,
  data: unknown,
  sender: SenderLike,
): Promise<PostMatch[]> {
  const tabId = tabOf(sender, deps);
  const { posts, pageUrl } = parsePayload(PostsSeenSchema, data);
  const matches = await matchAuthors(deps.database, posts);
  await recordSeen(deps.database, posts);
  await recordReplies(deps.database, posts, (await loadSettings()).brandHandles);
  await addTabPosts(tabId, pageUrl, posts.map(postKey));
  return posts.map((post) => {
    const customer = matches.get(postKey(post)) ?? null;
    return {
      key: postKey(post),
      postId: post.id,
      customer: customer && { id: customer.customerId, name: customer.name, tier: customer.tier },
    };
  });
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
  await selectTabPost(tabId, key);
  await opening;
}

/** The side panel asks who an unknown author might be. */
export async function handleNameCandidates(
  deps: HandlerDeps,
  data: unknown,
  sender: SenderLike,
): Promise<NamedCandidate[]> {
  if (!fromExtensionPage(sender, deps.extensionId, deps.extensionOrigin))
    throw new InvalidMessageError('sender is not an extension page');
  const { authorKey, displayName } = parsePayload(NameCandidatesSchema, data);
  return nameCandidates(deps.database, authorKey, displayName);
}
