/**
 * Every message between Concierge's parts, in one place. The sender's side is typed by the
 * protocol; the receiver validates the payload (a message may come from a compromised page
 * context) and checks who stamped it before doing anything.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { NamedCandidate } from './background/candidates';
import type { PageDiagnostic } from './content/diagnostic';
import type { PageHealth } from './content/health';
import type { LabStats } from './content/lab';
import type { SocialPost } from './post';
import { httpUrl, id, PostKeySchema, shortText, SocialPostSchema } from './post-schema';
import type { ClaimOutcome } from './team/sync';

const MAX_BATCH = 200;

export const PostsSeenSchema = v.strictObject({
  pageUrl: httpUrl,
  posts: v.pipe(v.array(SocialPostSchema), v.maxLength(MAX_BATCH)),
});
export const SelectPostSchema = v.strictObject({ key: shortText(120) });
/** A post the agent opens or answers (claimed in a team), or leaves (released). */
export const PostKeyMessageSchema = v.strictObject({ key: PostKeySchema });
export const NameCandidatesSchema = v.strictObject({
  authorKey: shortText(200),
  displayName: shortText(200),
});
export const InsertReplySchema = v.strictObject({
  postId: id,
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(10_000)),
});

const ActivitySchema = v.strictObject({
  kind: v.picklist(['replying', 'answered']),
  agent: shortText(80),
  at: v.optional(v.pipe(v.string(), v.isoTimestamp())),
});
const PostMatchSchema = v.strictObject({
  key: shortText(120),
  postId: id,
  customer: v.nullable(v.strictObject({ id: shortText(100), name: shortText(200), tier: shortText(20) })),
  own: v.optional(v.picklist(['brand', 'ad'])),
  activity: v.optional(ActivitySchema),
});
/** A message that carries nothing. */
export const NothingSchema = v.optional(v.strictObject({}));
export const LabelsSchema = v.strictObject({ labels: v.pipe(v.array(PostMatchSchema), v.maxLength(1000)) });

export type PostsSeen = v.InferOutput<typeof PostsSeenSchema>;
export type InsertReply = v.InferOutput<typeof InsertReplySchema>;

/** What the page needs to draw a badge: who the author is to the business, if anyone. */
export interface PostMatch {
  key: string;
  postId: string;
  customer: { id: string; name: string; tier: string } | null;
  /** Not a customer's post at all: the brand's own ("Brand" badge) or an ad (no badge). */
  own?: 'brand' | 'ad';
  /** In a team: another agent is replying to it now, or answered it (with when). */
  activity?: PostActivity;
}

export interface PostActivity {
  kind: 'replying' | 'answered';
  agent: string;
  at?: string;
}

export type InsertResult =
  { ok: true } | { ok: false; reason: 'post-not-found' | 'composer-not-found' | 'not-accepted' | 'invalid' };

/** Counted by the content script, shown by the side panel: a changed site shows up as numbers. */
export interface PageStats {
  site: string;
  url: string;
  postsSeen: number;
  misses: Partial<Record<string, number>>;
  batches: number;
  badgesDrawn: number;
  /** Whether the page looks readable: post-like units against those read (lib/content/health.ts). */
  health?: PageHealth;
  /** Where the time went, in the benchmark's build only (lib/content/lab.ts). */
  lab?: LabStats;
}

interface ProtocolMap {
  /** content → background: posts found on the page; answered with who their authors are. */
  postsSeen(data: PostsSeen): PostMatch[];
  /** content → background: the agent clicked a badge. */
  selectPost(data: { key: string }): void;
  /** side panel → content: put a reply into the site's reply box of that post (never send). */
  insertReply(data: InsertReply): InsertResult;
  /** extension page → background: customers changed; the badges of every tab are told anew. */
  customersChanged(): void;
  /** background → content: who the authors of posts shown are now, after customers changed. */
  labels(data: { labels: PostMatch[] }): void;
  /** side panel → content: diagnostics of the page. */
  pageStats(): PageStats;
  /** side panel → content: the page's structure around what it could not read, for a bug report. */
  pageDiagnostic(): PageDiagnostic;
  /** side panel → background: customers an unknown author may be, for the agent to confirm. */
  nameCandidates(data: { authorKey: string; displayName: string }): NamedCandidate[];
  /** options → background: the agent joined or left a team; the sync starts or stops. */
  teamChanged(): void;
  /** side panel → background: the agent opened or is answering a post; in a team it is claimed. */
  claimPost(data: { key: string }): ClaimOutcome;
  /** side panel → background: the agent left the post; their claim goes. */
  releasePost(data: { key: string }): void;
}

export type { PageDiagnostic, PageHealth };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

export class InvalidMessageError extends Error {
  override name = 'InvalidMessageError';
}

/** Validates a payload without throwing inside the schema; throws a typed error to the sender. */
export function parsePayload<S extends v.GenericSchema>(schema: S, data: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (!result.success)
    throw new InvalidMessageError(`invalid payload: ${result.issues[0]?.message ?? 'unknown'}`);
  return result.output;
}

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/** A content script of ours, in a tab of a supported site. */
export function fromSupportedTab(
  sender: SenderLike,
  extensionId: string,
  hosts: readonly string[],
): number | null {
  if (sender.id !== extensionId || sender.tab?.id == null) return null;
  try {
    const host = new URL(sender.tab.url ?? sender.url ?? '').hostname;
    return hosts.includes(host) ? sender.tab.id : null;
  } catch {
    return null;
  }
}

/** One of our own pages (side panel, options), not a content script. */
export function fromExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && (sender.url ?? '').startsWith(extensionOrigin);
}

export type { SocialPost };
export { SocialPostSchema };
