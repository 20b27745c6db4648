/**
 * Every message between Concierge's parts, in one place. The sender's side is typed by the
 * protocol; the receiver validates the payload (a message may come from a compromised page
 * context) and checks who stamped it before doing anything.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { NamedCandidate } from './background/candidates';
import type { LabStats } from './content/lab';
import type { SocialPost } from './post';
import { SITE_IDS } from './sites/lookup';

const MAX_BATCH = 200;
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.:-]{1,100}$/));
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const httpUrl = v.pipe(v.string(), v.maxLength(2048), v.regex(/^https?:\/\//));

const AuthorSchema = v.strictObject({
  handle: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{0,100}$/)),
  displayName: shortText(200),
  profileUrl: v.union([v.literal(''), httpUrl]),
  id: v.optional(v.pipe(v.string(), v.regex(/^\d{1,30}$/))),
});

export const SocialPostSchema = v.strictObject({
  site: v.picklist(SITE_IDS),
  id,
  url: httpUrl,
  kind: v.picklist(['post', 'reply', 'comment']),
  author: AuthorSchema,
  text: shortText(10_000),
  createdAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  lang: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/))),
  inReplyTo: v.optional(v.strictObject({ id: v.optional(id), handle: v.optional(shortText(100)) })),
  quoted: v.optional(
    v.strictObject({
      id: v.optional(id),
      handle: shortText(100),
      displayName: v.optional(shortText(200)),
      text: shortText(10_000),
    }),
  ),
  repostedBy: v.optional(v.strictObject({ handle: shortText(100) })),
  promoted: v.optional(v.boolean()),
  pinned: v.optional(v.boolean()),
  truncated: v.optional(v.boolean()),
});

export const PostsSeenSchema = v.strictObject({
  pageUrl: httpUrl,
  posts: v.pipe(v.array(SocialPostSchema), v.maxLength(MAX_BATCH)),
});
export const SelectPostSchema = v.strictObject({ key: shortText(120) });
export const NameCandidatesSchema = v.strictObject({
  authorKey: shortText(200),
  displayName: shortText(200),
});
export const InsertReplySchema = v.strictObject({
  postId: id,
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(10_000)),
});

export type PostsSeen = v.InferOutput<typeof PostsSeenSchema>;
export type InsertReply = v.InferOutput<typeof InsertReplySchema>;

/** What the page needs to draw a badge: who the author is to the business, if anyone. */
export interface PostMatch {
  key: string;
  postId: string;
  customer: { id: string; name: string; tier: string } | null;
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
  /** side panel → content: customers changed, ask the background again about the posts shown. */
  rematch(): void;
  /** side panel → content: diagnostics of the page. */
  pageStats(): PageStats;
  /** side panel → background: customers an unknown author may be, for the agent to confirm. */
  nameCandidates(data: { authorKey: string; displayName: string }): NamedCandidate[];
}

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
