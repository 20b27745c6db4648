/**
 * What a post from a page must look like before anything uses it: the message handlers check
 * posts from content scripts against it, and the mutations that record posts check them again.
 * No browser API here, so the import worker and the server side can use it too.
 */
import * as v from 'valibot';
import { SITE_IDS } from './sites/lookup';

export const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.:-]{1,100}$/));
export const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** `${site}:${post id}`, as lib/post.ts makes it. */
export const PostKeySchema = v.pipe(v.string(), v.regex(/^[a-z]{1,20}:[A-Za-z0-9_.:-]{1,100}$/));
export const httpUrl = v.pipe(v.string(), v.maxLength(2048), v.regex(/^https?:\/\//));

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
