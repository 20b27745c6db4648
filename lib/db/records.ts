/**
 * What each stored record looks like, as valibot schemas: backups are checked against them on
 * restore, and mutations (./mutations.ts) check their payloads with them before anything is written.
 */
import * as v from 'valibot';
import { SITE_IDS } from '../sites/lookup';
import { LIFE_EVENT_KINDS, TIERS } from './types';

export const str = (max = 5000) => v.pipe(v.string(), v.maxLength(max));
const site = v.picklist(SITE_IDS);

export const IdentitySchema = v.object({
  site,
  handle: str(100),
  id: v.optional(str(40)),
  source: v.picklist(['imported', 'confirmed', 'manual', 'sample']),
  addedAt: str(40),
});

export const LifeEventSchema = v.object({
  date: str(40),
  kind: v.picklist(LIFE_EVENT_KINDS),
  text: str(),
  source: v.picklist(['agent', 'post', 'imported', 'sample']),
});

export const NoteSchema = v.object({ at: str(40), text: str(), by: v.optional(str(200)) });

export const OrderSchema = v.object({
  id: str(100),
  date: str(40),
  items: v.array(v.object({ name: str(300), quantity: v.optional(v.number()) })),
  total: v.optional(v.number()),
  currency: v.optional(str(10)),
  status: v.optional(str(60)),
});

export const CustomerSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  name: str(200),
  aliases: v.array(str(200)),
  identities: v.array(IdentitySchema),
  identityKeys: v.optional(v.array(str(200))),
  emails: v.array(str(320)),
  phones: v.array(str(40)),
  phoneKeys: v.optional(v.array(str(40))),
  nameWords: v.optional(v.array(str(200))),
  crmId: v.optional(str(100)),
  crmSource: v.optional(str(40)),
  language: v.optional(str(20)),
  tier: v.picklist(TIERS),
  tags: v.array(str(100)),
  orders: v.array(OrderSchema),
  preferences: v.record(str(100), str(1000)),
  lifeEvents: v.array(LifeEventSchema),
  notes: v.array(NoteSchema),
  consent: v.optional(v.object({ marketing: v.boolean(), at: str(40) })),
  createdAt: str(40),
  updatedAt: str(40),
  lastContactAt: v.optional(str(40)),
  deletedAt: v.optional(str(40)),
});

export const InteractionSchema = v.object({
  key: str(200),
  site,
  postId: str(100),
  url: str(2048),
  kind: v.picklist(['post', 'reply', 'comment']),
  author: v.object({
    handle: str(100),
    displayName: str(200),
    profileUrl: str(2048),
    id: v.optional(str(40)),
  }),
  authorKey: str(200),
  text: str(10_000),
  lang: v.optional(str(20)),
  createdAt: v.optional(str(40)),
  seenAt: str(40),
  status: v.picklist(['open', 'replied', 'dismissed']),
  snoozedUntil: v.optional(str(40)),
  respondedAt: v.optional(str(40)),
  inReplyTo: v.optional(str(100)),
  promoted: v.optional(v.boolean()),
  threadReplies: v.optional(v.array(str(100))),
  correction: v.optional(
    v.object({
      sentiment: v.optional(v.picklist(['negative', 'neutral', 'positive'])),
      intents: v.optional(v.array(str(40))),
    }),
  ),
  replies: v.array(v.object({ text: str(10_000), at: str(40), by: v.optional(str(200)) })),
  updatedAt: str(40),
});

export const RejectionSchema = v.object({
  key: str(400),
  authorKey: str(200),
  customerId: str(40),
  at: str(40),
});

export const LearningSchema = v.object({
  key: str(140),
  templateId: str(80),
  intent: str(40),
  picks: v.number(),
  edits: v.number(),
  lastUsedAt: str(40),
});

/** A customer as a row of an import describes one: ids, derived indexes and times come later. */
export const CustomerDraftSchema = v.object({
  name: v.pipe(str(200), v.minLength(1)),
  aliases: v.optional(v.array(str(200))),
  identities: v.optional(v.array(IdentitySchema)),
  emails: v.optional(v.array(str(320))),
  phones: v.optional(v.array(str(40))),
  crmId: v.optional(str(100)),
  crmSource: v.optional(str(40)),
  language: v.optional(str(20)),
  tier: v.optional(v.picklist(TIERS)),
  tags: v.optional(v.array(str(100))),
  orders: v.optional(v.array(OrderSchema)),
  preferences: v.optional(v.record(str(100), str(1000))),
  lifeEvents: v.optional(v.array(LifeEventSchema)),
  notes: v.optional(v.array(NoteSchema)),
  lastContactAt: v.optional(str(40)),
});

/** An order of an orders file, with the line it came from and the customer it names. */
export const OrderRowSchema = v.object({ line: v.number(), customer: str(320), order: OrderSchema });
