import type { PostKind, Site } from '../post';

export type Tier = 'vip' | 'gold' | 'regular' | 'new';
export const TIERS: readonly Tier[] = ['vip', 'gold', 'regular', 'new'];

/** That a social account belongs to a customer, and how Concierge came to know it. */
export interface Identity {
  site: Site;
  /** Handle or vanity name, as spelled on the site; empty when only the numeric id is known. */
  handle: string;
  id?: string;
  source: 'imported' | 'confirmed' | 'manual' | 'sample';
  addedAt: string;
}

export interface OrderItem {
  name: string;
  quantity?: number;
}

export interface Order {
  id: string;
  date: string;
  items: OrderItem[];
  total?: number;
  currency?: string;
  status?: string;
}

export const LIFE_EVENT_KINDS = [
  'moved',
  'married',
  'divorced',
  'new_baby',
  'new_pet',
  'pet_loss',
  'bereavement',
  'new_job',
  'job_loss',
  'illness',
  'birthday',
  'graduation',
] as const;
export type LifeEventKind = (typeof LIFE_EVENT_KINDS)[number];

export interface LifeEvent {
  date: string;
  kind: LifeEventKind;
  text: string;
  source: 'agent' | 'post' | 'imported' | 'sample';
}

export interface Note {
  at: string;
  text: string;
  by?: string;
}

export interface Customer {
  /** UUID, so that a team's shared store can later merge with each agent's local base. */
  id: string;
  name: string;
  aliases: string[];
  identities: Identity[];
  /** Derived from identities (see identityKey); the index that makes matching one lookup. */
  identityKeys: string[];
  emails: string[];
  phones: string[];
  /** Derived from phones (see phoneKey): the index that matches a number however it is written. */
  phoneKeys: string[];
  /** Derived from name and aliases (see nameTokens): word search and name candidates use it. */
  nameWords: string[];
  /** The customer's id in the CRM they were imported from: re-imports and orders find them by it. */
  crmId?: string;
  /**
   * The system that id belongs to (../import/source): ids match only within it. Absent on ids
   * imported before sources were kept, and on ids typed by hand: those match any source.
   */
  crmSource?: string;
  language?: string;
  tier: Tier;
  tags: string[];
  orders: Order[];
  preferences: Record<string, string>;
  lifeEvents: LifeEvent[];
  notes: Note[];
  consent?: { marketing: boolean; at: string };
  createdAt: string;
  updatedAt: string;
  lastContactAt?: string;
  /** Soft-delete mark, kept for a later sync; deleted customers are never matched. */
  deletedAt?: string;
}

export type InteractionStatus = 'open' | 'replied' | 'dismissed';

/** A customer's post seen on a page, and what the agent did about it. */
export interface Interaction {
  /** `${site}:${postId}`: a post is recorded once, however often it is seen. */
  key: string;
  site: Site;
  postId: string;
  url: string;
  kind: PostKind;
  author: { handle: string; displayName: string; profileUrl: string; id?: string };
  /** identityKey of the author, to list a customer's earlier interactions with one lookup. */
  authorKey: string;
  text: string;
  lang?: string;
  createdAt?: string;
  seenAt: string;
  status: InteractionStatus;
  /** Left out of the queue until then (ISO time), when the agent snoozed it. */
  snoozedUntil?: string;
  /** When the brand's first answer to this post appeared on the page (its time, else when seen). */
  respondedAt?: string;
  /** A promoted post (an ad): never a customer waiting. */
  promoted?: boolean;
  /** The id of the post this one answers, when it is a reply or a comment: its thread. */
  inReplyTo?: string;
  /** Ids of replies by others than the brand and the author seen under this post on the page. */
  threadReplies?: string[];
  /** The agent's correction of how the post was read; used instead of the reading. */
  correction?: { sentiment?: 'negative' | 'neutral' | 'positive'; intents?: string[] };
  replies: { text: string; at: string; by?: string }[];
  updatedAt: string;
}

/** The agent said this author is not this customer: the pair is never offered again. */
export interface Rejection {
  /** `${authorKey}|${customerId}` */
  key: string;
  authorKey: string;
  customerId: string;
  at: string;
}

/** How the agent used a template for posts of one intent: picked as offered, or edited first. */
export interface TemplateLearning {
  /** `${templateId}|${intent}` */
  key: string;
  templateId: string;
  intent: string;
  picks: number;
  edits: number;
  lastUsedAt: string;
}
