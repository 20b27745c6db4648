/**
 * The team server's protocol: what the extension sends and what the server answers, as schemas
 * both sides check against. Pure (valibot and the record schemas): the server imports it without
 * pulling browser code, and the extension without pulling server code. docs/team-api.md says it
 * in prose.
 */
import * as v from 'valibot';
import {
  CustomerSchema,
  IdentitySchema,
  InteractionSchema,
  LifeEventSchema,
  NoteSchema,
  OrderSchema,
  RejectionSchema,
  str,
} from '../db/records';
import { PostKeySchema } from '../post-schema';
import { TemplateSchema } from '../replies/templates-io';
import {
  DERIVED_FIELDS,
  MAX_CHANGES,
  PRIMARY_KEY,
  SET_FIELDS,
  SHARED_TABLES,
  type SharedTable,
} from './changes';

export { MAX_CHANGES };
/** The most bytes a request body may have (a push of MAX_CHANGES whole customers fits). */
export const MAX_BODY = 4 * 1024 * 1024;
/** How long a claim holds without renewal. */
export const CLAIM_SECONDS = 120;

export { PostKeySchema };
const Uuid = v.pipe(v.string(), v.uuid());

type Entries = Record<string, v.GenericSchema>;

const RECORD_ENTRIES: Record<SharedTable, Entries> = {
  customers: CustomerSchema.entries,
  interactions: InteractionSchema.entries,
  rejections: RejectionSchema.entries,
  templates: TemplateSchema.entries,
};

/** The elements each set field holds. */
const ELEMENTS: Record<string, v.GenericSchema> = {
  aliases: str(200),
  identities: IdentitySchema,
  emails: str(320),
  phones: str(40),
  tags: str(100),
  orders: OrderSchema,
  lifeEvents: LifeEventSchema,
  notes: NoteSchema,
  replies: InteractionSchema.entries.replies.item,
  threadReplies: str(100),
};

const unwrap = (schema: v.GenericSchema): v.GenericSchema =>
  'wrapped' in schema ? (schema.wrapped as v.GenericSchema) : schema;

/** A change to one table's record: only its own fields, each as the record's schema says. */
function changeSchema(t: SharedTable) {
  const entries = RECORD_ENTRIES[t];
  const scalars = Object.keys(entries).filter(
    (f) => f !== PRIMARY_KEY[t] && !SET_FIELDS[t].includes(f) && !DERIVED_FIELDS[t].includes(f),
  );
  const set = Object.fromEntries(scalars.map((f) => [f, v.optional(v.nullable(unwrap(entries[f]!)))]));
  const lists = SET_FIELDS[t];
  const add = Object.fromEntries(
    lists.map((f) => [f, v.optional(v.pipe(v.array(ELEMENTS[f]!), v.maxLength(5000)))]),
  );
  const rm = Object.fromEntries(
    lists.map((f) => [f, v.optional(v.pipe(v.array(str(1000)), v.maxLength(5000)))]),
  );
  return v.strictObject({
    t: v.literal(t),
    k: v.pipe(v.string(), v.minLength(1), v.maxLength(400)),
    set: v.optional(v.strictObject(set)),
    add: v.optional(v.strictObject(add)),
    rm: v.optional(v.strictObject(rm)),
    del: v.optional(v.literal(true)),
    new: v.optional(v.literal(true)),
  });
}

export const ChangeSchema = v.variant(
  't',
  SHARED_TABLES.map((t) => changeSchema(t)) as [
    ReturnType<typeof changeSchema>,
    ...ReturnType<typeof changeSchema>[],
  ],
);

/** One part of a local mutation: a big import is several parts of one mutation. */
export const PushItemSchema = v.strictObject({
  /** The client mutation id: a push repeated with it changes nothing twice. */
  id: Uuid,
  part: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
  name: v.pipe(v.string(), v.regex(/^[A-Za-z]{1,40}$/)),
  at: v.pipe(v.string(), v.isoTimestamp()),
  changes: v.pipe(v.array(ChangeSchema), v.maxLength(MAX_CHANGES)),
});

export const PushSchema = v.strictObject({
  mutations: v.pipe(v.array(PushItemSchema), v.minLength(1), v.maxLength(MAX_CHANGES)),
});
export type PushItem = v.InferOutput<typeof PushItemSchema>;
export type Push = v.InferOutput<typeof PushSchema>;

export interface PushResult {
  /** The team's version after the push. */
  version: number;
  /** Parts the server had already applied (a retry): not applied again. */
  duplicates: number;
}

/** A record as the team has it now; `doc` is null for a tombstone. */
export interface PulledRecord {
  t: SharedTable;
  k: string;
  version: number;
  doc: Record<string, unknown> | null;
}

export interface PullResult {
  records: PulledRecord[];
  /** Where the next pull starts. */
  cursor: number;
  /** More records wait past this page. */
  more: boolean;
}

export const ClaimSchema = v.strictObject({ post: PostKeySchema });

/** Who holds a post, until when (ISO time). */
export interface Claim {
  post: string;
  agent: string;
  agentId: string;
  until: string;
}

export interface Me {
  team: string;
  agent: string;
  agentId: string;
  role: 'admin' | 'agent';
  version: number;
}

/** What the live channel (WebSocket `/v1/live`) says to the extension. */
export type LiveMessage =
  | { type: 'ready'; version: number; claims: Claim[] }
  | { type: 'change'; version: number }
  | { type: 'claim'; claim: Claim }
  | { type: 'release'; post: string; agentId: string }
  | { type: 'ping' };

export const LiveHelloSchema = v.strictObject({
  type: v.literal('hello'),
  token: v.pipe(v.string(), v.maxLength(200)),
});

/** An error the server answers with: a code the extension words, and a sentence for logs. */
export interface ApiError {
  error: string;
  message: string;
}
