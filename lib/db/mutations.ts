/**
 * Every write to the database, by name. A mutation is a serialisable `{ id, at, name, args }`:
 * its arguments are validated before anything is written, and it is applied in one transaction,
 * whole or not at all. Pages, the service worker and the import call these; nothing else writes
 * tables. Each carries an id and a time because these are what a team's server will receive.
 */
import type { Transaction } from 'dexie';
import { v7 as timeOrderedId } from 'uuid';
import * as v from 'valibot';
import { attachOrders, writeCustomers, type ImportCounts } from '../import/apply';
import { BackupSchema, restoreBackup } from '../import/backup';
import { PostKeySchema, SocialPostSchema } from '../post-schema';
import { recordUse } from '../replies/learning';
import {
  asKept,
  deleteTemplate,
  restoreShipped,
  saveTemplates,
  TemplateSchema,
} from '../replies/templates-io';
import type { ReplyTemplate } from '../replies/defaults';
import { deleteCustomer, withDerived } from './customers';
import { recordReplies, recordSeen } from './interactions';
import {
  CustomerDraftSchema,
  CustomerSchema,
  IdentitySchema,
  LifeEventSchema,
  NoteSchema,
  OrderRowSchema,
  str,
} from './records';
import { loadSample } from './sample';
import { db, type ConciergeDb } from './schema';
import type { Customer, Interaction } from './types';
import { accountIsValid } from '../sites/lookup';
import { DATE, validateCustomer } from './validate';
import { applyPulled, PulledRecordSchema } from '../team/apply';
import { MAX_CHANGES } from '../team/changes';
import { captureFor, capturing, type TeamLink, type UnsharedRow } from '../team/outbox';
import { markSamples, markUnshared, shareSome } from '../team/share';
import { TeamLinkSchema } from '../team/link';

type TableName =
  'customers' | 'interactions' | 'rejections' | 'templates' | 'learning' | 'team' | 'outbox' | 'unshared';

interface Context {
  database: ConciergeDb;
  /** The transaction the mutation runs in: tables bound to it stay in it across any await. */
  tx: Transaction;
}

interface Definition<S extends v.GenericSchema, R> {
  args: S;
  /** The tables it reads and writes, all in its one transaction. */
  tables: readonly TableName[];
  /** It changes who customers are or what they are called: badges and the panel are told. */
  customers?: true;
  /** What it writes is the team's too: in a team, its changes are queued for the server. */
  shared?: true;
  apply(context: Context, args: v.InferOutput<S>, at: string): Promise<R>;
}

const define = <S extends v.GenericSchema, R>(definition: Definition<S, R>) => definition;

/** A failed precondition or a bad payload: the message says what, and nothing was written. */
export class MutationError extends Error {
  override name = 'MutationError';
}

const id = v.pipe(v.string(), v.uuid());
const INTENT = v.pipe(v.string(), v.regex(/^[a-z_]{1,40}$/));

async function customer(context: Context, customerId: string): Promise<Customer> {
  const found = await context.tx.table<Customer, string>('customers').get(customerId);
  if (!found || found.deletedAt) throw new MutationError(`No customer has the id ${customerId}.`);
  return found;
}

async function post(context: Context, key: string): Promise<Interaction> {
  const found = await context.tx.table<Interaction, string>('interactions').get(key);
  if (!found) throw new MutationError(`No post has the key ${key}.`);
  return found;
}

/** The checks an agent's edit must pass, as a MutationError. */
function checkWhole(next: Customer): void {
  const problem = validateCustomer(next);
  if (problem) throw new MutationError(`${problem.key}: ${problem.values.join(', ')}`);
}

/** Writes a customer after the checks an agent's edit must pass. */
async function putCustomer(context: Context, next: Customer, at: string): Promise<Customer> {
  checkWhole(next);
  return writeCustomer(context, next, at);
}

/**
 * Writes a customer with one part added, checked on its own: a record imported with an odd old
 * field must still take a note.
 */
async function writeCustomer(context: Context, next: Customer, at: string): Promise<Customer> {
  const saved = withDerived(next, at);
  await context.tx.table<Customer, string>('customers').put(saved);
  return saved;
}

async function updatePost(
  context: Context,
  key: string,
  change: Partial<Interaction>,
  at: string,
): Promise<void> {
  await post(context, key);
  await context.tx.table<Interaction, string>('interactions').update(key, { ...change, updatedAt: at });
}

export const MUTATIONS = {
  /** The editor's Save: the whole record as the agent left it. */
  saveCustomer: define({
    shared: true,
    args: v.strictObject({ customer: CustomerSchema }),
    tables: ['customers'],
    customers: true,
    apply: (c, { customer }, at) => putCustomer(c, customer as Customer, at),
  }),
  /** A new customer, from the side panel's form. */
  addCustomer: define({
    shared: true,
    args: v.strictObject({ customer: CustomerSchema }),
    tables: ['customers'],
    customers: true,
    async apply(c, args, at) {
      const next = withDerived(args.customer as Customer, at);
      checkWhole(next);
      await c.tx.table<Customer, string>('customers').add(next);
      return next;
    },
  }),
  /** A customer and what is attached to them: their posts seen and the agent's answers about them. */
  deleteCustomer: define({
    shared: true,
    args: v.strictObject({ id }),
    tables: ['customers', 'interactions', 'rejections'],
    customers: true,
    apply: (c, args) => deleteCustomer(c.database, args.id),
  }),
  /** The agent confirmed that an account belongs to a customer. */
  linkAccount: define({
    shared: true,
    args: v.strictObject({ customerId: id, identity: IdentitySchema }),
    tables: ['customers'],
    customers: true,
    async apply(c, { customerId, identity }, at) {
      const found = await customer(c, customerId);
      if (!accountIsValid(identity.site, identity))
        throw new MutationError(`editBadHandle: ${identity.handle || identity.id || ''}`);
      return writeCustomer(c, { ...found, identities: [...found.identities, identity] }, at);
    },
  }),
  /** The agent said this author is not this customer: never offered again. */
  rejectCandidate: define({
    shared: true,
    args: v.strictObject({ authorKey: str(200), customerId: id }),
    tables: ['rejections'],
    async apply(c, { authorKey, customerId }, at) {
      await c.tx.table('rejections').put({ key: `${authorKey}|${customerId}`, authorKey, customerId, at });
    },
  }),
  addNote: define({
    shared: true,
    args: v.strictObject({ customerId: id, note: NoteSchema }),
    tables: ['customers'],
    async apply(c, { customerId, note }, at) {
      const found = await customer(c, customerId);
      return writeCustomer(c, { ...found, notes: [...found.notes, note] }, at);
    },
  }),
  addLifeEvent: define({
    shared: true,
    args: v.strictObject({ customerId: id, event: LifeEventSchema }),
    tables: ['customers'],
    async apply(c, { customerId, event }, at) {
      const found = await customer(c, customerId);
      if (!DATE.test(event.date)) throw new MutationError(`editBadDate: ${event.date}`);
      return writeCustomer(c, { ...found, lifeEvents: [...found.lifeEvents, event] }, at);
    },
  }),
  dismissPost: define({
    shared: true,
    args: v.strictObject({ key: PostKeySchema }),
    tables: ['interactions'],
    apply: (c, { key }, at) => updatePost(c, key, { status: 'dismissed' }, at),
  }),
  snoozePost: define({
    shared: true,
    args: v.strictObject({ key: PostKeySchema, until: v.pipe(v.string(), v.isoTimestamp()) }),
    tables: ['interactions'],
    apply: (c, { key, until }, at) => updatePost(c, key, { snoozedUntil: until }, at),
  }),
  /**
   * The agent says the post is answered. A reply inserted through Concierge is the answer, timed
   * when it was inserted; without one (answered elsewhere) the time of the answer is unknown.
   * The brand's reply seen on the page has already set the time, and keeps it.
   */
  markAnswered: define({
    shared: true,
    args: v.strictObject({ key: PostKeySchema }),
    tables: ['interactions'],
    async apply(c, { key }, at) {
      const found = await post(c, key);
      const inserted = found.replies[0]?.at;
      const respondedAt = found.respondedAt ?? inserted;
      await updatePost(c, key, { status: 'replied', ...(respondedAt && { respondedAt }) }, at);
    },
  }),
  /**
   * A reply was put into the site's box. It is not sent until the agent sends it on the site: the
   * post stays in the queue until the brand's reply shows on the page or the agent presses Replied.
   */
  recordReply: define({
    shared: true,
    args: v.strictObject({ key: PostKeySchema, text: str(10_000), by: v.optional(str(200)) }),
    tables: ['interactions'],
    async apply(c, { key, text, by }, at) {
      const found = await post(c, key);
      const reply = { text, at, ...(by && { by }) };
      await updatePost(c, key, { replies: [...found.replies, reply] }, at);
    },
  }),
  /** The agent's reading of a post, used instead of Concierge's from now on. */
  correctReading: define({
    shared: true,
    args: v.strictObject({
      key: PostKeySchema,
      correction: v.object({
        sentiment: v.optional(v.picklist(['negative', 'neutral', 'positive'])),
        intents: v.optional(v.array(INTENT)),
      }),
    }),
    tables: ['interactions'],
    apply: (c, { key, correction }, at) => updatePost(c, key, { correction }, at),
  }),
  /** How the agent used a template for a post of this intent: ranking learns from it. */
  recordTemplateUse: define({
    args: v.strictObject({ templateId: str(80), intent: INTENT, edited: v.boolean() }),
    tables: ['learning'],
    apply: (c, { templateId, intent, edited }, at) => recordUse(c.database, templateId, intent, edited, at),
  }),
  saveTemplate: define({
    shared: true,
    args: v.strictObject({ template: TemplateSchema }),
    tables: ['templates'],
    apply: (c, { template }) => saveTemplates(c.database, (t) => t.put(asKept(template as ReplyTemplate))),
  }),
  deleteTemplate: define({
    shared: true,
    args: v.strictObject({ id: str(80) }),
    tables: ['templates'],
    apply: (c, args) => saveTemplates(c.database, (t) => deleteTemplate(t, args.id)),
  }),
  restoreTemplates: define({
    shared: true,
    args: v.strictObject({ ids: v.array(str(80)) }),
    tables: ['templates'],
    apply: (c, { ids }) => saveTemplates(c.database, (t) => restoreShipped(t, ids)),
  }),
  importTemplates: define({
    shared: true,
    args: v.strictObject({ templates: v.array(TemplateSchema) }),
    tables: ['templates'],
    apply: (c, { templates }) =>
      saveTemplates(c.database, (t) => t.bulkPut((templates as ReplyTemplate[]).map(asKept))),
  }),
  /** Posts a page showed: each recorded once, and the brand's replies among them mark posts answered. */
  recordPagePosts: define({
    shared: true,
    args: v.strictObject({ posts: v.array(SocialPostSchema), brandHandles: v.array(str(100)) }),
    tables: ['interactions'],
    async apply(c, { posts, brandHandles }, at) {
      await recordSeen(c.database, posts, at);
      await recordReplies(c.database, posts, brandHandles, at);
    },
  }),
  /**
   * A chunk of an import's customer rows. Runs inside the import's own transaction (see
   * applyInTransaction); resolves once the writes are issued, with their completion.
   */
  importBatch: define({
    shared: true,
    args: v.strictObject({ drafts: v.array(CustomerDraftSchema), emptyBase: v.optional(v.boolean()) }),
    tables: ['customers'],
    customers: true,
    async apply(c, { drafts, emptyBase }) {
      const counts: ImportCounts = { added: 0, updated: 0 };
      const { written } = await writeCustomers(c.tx.table('customers'), drafts, counts, {
        emptyBase,
        // Not read from the team table: a read here would wait for the chunk still being written.
        sameIds: capturing(c.tx),
      });
      return { counts, written };
    },
  }),
  /** An orders file's rows, added to the customers they name; returns the rows that name nobody. */
  importOrders: define({
    shared: true,
    args: v.strictObject({ orders: v.array(OrderRowSchema), source: v.optional(str(40)) }),
    tables: ['customers'],
    async apply(c, { orders, source }) {
      const counts = { orders: 0 };
      const unmatched = await attachOrders(c.tx.table('customers'), orders, counts, source);
      return { ...counts, unmatched };
    },
  }),
  restoreBackup: define({
    shared: true,
    args: v.strictObject({ backup: BackupSchema }),
    tables: ['customers', 'interactions', 'rejections', 'templates', 'learning'],
    customers: true,
    apply: (c, { backup }) => restoreBackup(c.database, backup),
  }),
  loadSample: define({
    args: v.strictObject({}),
    tables: ['customers', 'team', 'unshared'],
    customers: true,
    async apply(c) {
      const loaded = await loadSample(c.database);
      // In a team, the sample shop stays on this device: its changes are never queued.
      if (await inTeam(c.tx)) await markSamples(c.tx);
      return loaded;
    },
  }),
  /**
   * The agent joins a team: the link is kept and their copy starts from the team's records. What
   * was in the base before stays on this device only until they share it (shareWithTeam; sample
   * customers never reach a team).
   */
  joinTeam: define({
    args: v.strictObject({ link: TeamLinkSchema }),
    tables: ['team', 'outbox', 'unshared', 'customers', 'interactions', 'rejections', 'templates'],
    async apply(c, { link }) {
      await c.tx.table('outbox').clear();
      await markUnshared(c.tx);
      await c.tx.table('team').put({ ...link, key: 'team', cursor: 0 });
    },
  }),
  /** The agent leaves the team: the link and unsent changes go; the records stay on the device. */
  leaveTeam: define({
    args: v.strictObject({}),
    tables: ['team', 'outbox', 'unshared'],
    async apply(c) {
      await c.tx.table('outbox').clear();
      await c.tx.table('unshared').clear();
      await c.tx.table('team').clear();
    },
  }),
  /**
   * Shares up to one push's worth of what was on this device before it joined its team (see
   * ../team/share.ts); the options page calls it until nothing is left.
   */
  shareWithTeam: define({
    shared: true,
    args: v.strictObject({}),
    tables: ['customers', 'interactions', 'rejections', 'templates', 'unshared'],
    customers: true,
    async apply(c, _args, at) {
      if (!(await inTeam(c.tx))) throw new MutationError('Join a team before sharing with it.');
      return shareSome(c.tx, at);
    },
  }),
  /** Records the team server sent, written over this copy (./team/apply.ts). */
  applyTeamRecords: define({
    args: v.strictObject({
      records: v.pipe(v.array(PulledRecordSchema), v.maxLength(MAX_CHANGES)),
      cursor: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
    tables: ['customers', 'interactions', 'rejections', 'templates', 'team', 'outbox', 'unshared'],
    customers: true,
    apply: (c, { records, cursor }, at) => applyPulled(c.tx, records, cursor, at),
  }),
  /** Rows the server took, or refused for good: gone from the outbox; the refused are counted. */
  teamPushed: define({
    args: v.strictObject({
      seqs: v.pipe(v.array(v.pipe(v.number(), v.integer())), v.maxLength(MAX_CHANGES)),
      refused: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_CHANGES))),
    }),
    tables: ['outbox', 'team'],
    async apply(c, { seqs, refused }) {
      await c.tx.table('outbox').bulkDelete(seqs);
      if (refused)
        await c.tx
          .table<TeamLink, string>('team')
          .where('key')
          .equals('team')
          .modify((link) => {
            link.refused = (link.refused ?? 0) + refused;
          });
    },
  }),
  /** Customers, posts seen and the agent's answers about them; templates and settings stay. */
  clearBase: define({
    args: v.strictObject({}),
    tables: ['customers', 'interactions', 'rejections', 'unshared'],
    customers: true,
    async apply(c) {
      await Promise.all(['customers', 'interactions', 'rejections'].map((t) => c.tx.table(t).clear()));
      // What was this device's alone is gone: a record restored later is not held back by it.
      await c.tx
        .table<UnsharedRow, string>('unshared')
        .filter((r) => !r.ref.startsWith('templates|'))
        .delete();
    },
  }),
};

export type MutationName = keyof typeof MUTATIONS;
type Def<N extends MutationName> = (typeof MUTATIONS)[N];
export type MutationArgs<N extends MutationName> = v.InferInput<Def<N>['args']>;
export type MutationResult<N extends MutationName> = Awaited<ReturnType<Def<N>['apply']>>;

export interface Mutation<N extends MutationName = MutationName> {
  id: string;
  at: string;
  name: N;
  args: MutationArgs<N>;
}

const Envelope = v.object({
  id: v.pipe(v.string(), v.uuid()),
  at: v.pipe(v.string(), v.isoTimestamp()),
  name: v.picklist(Object.keys(MUTATIONS) as MutationName[]),
  args: v.unknown(),
});

/** A mutation ready to apply (or to send): a fresh id and the time it was made. */
export function mutation<N extends MutationName>(
  name: N,
  args: MutationArgs<N>,
  at = new Date(),
): Mutation<N> {
  return { id: timeOrderedId(), at: at.toISOString(), name, args };
}

/** The mutation and its arguments as their schemas say, or a MutationError saying what is wrong. */
function checked(input: unknown): { name: MutationName; at: string; args: unknown } {
  const envelope = v.safeParse(Envelope, input);
  if (!envelope.success) throw new MutationError(`invalid mutation: ${describe(envelope.issues)}`);
  const { name, at, args } = envelope.output;
  const parsed = v.safeParse(MUTATIONS[name].args, args);
  if (!parsed.success) throw new MutationError(`invalid ${name}: ${describe(parsed.issues)}`);
  return { name, at, args: parsed.output };
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  return issue ? `${v.getDotPath(issue) ?? 'payload'}: ${issue.message}` : 'unknown';
}

type Listener = () => void;
const customerListeners = new Set<Listener>();

/** Called after each committed mutation that changed customers, in this context. */
export function onCustomersChanged(listener: Listener): () => void {
  customerListeners.add(listener);
  return () => customerListeners.delete(listener);
}

/** Tells this context's listeners that customers changed (the import calls it once its own transaction commits). */
export function customersChanged(): void {
  for (const listener of customerListeners) listener();
}

/** Validates a mutation and applies it in a transaction of its own. */
export async function apply<N extends MutationName>(
  input: Mutation<N>,
  database: ConciergeDb = db(),
): Promise<MutationResult<N>> {
  const { name, at, args } = checked(input);
  // Its arguments were checked against its own schema just above.
  const definition = MUTATIONS[name] as unknown as Definition<v.GenericSchema, MutationResult<N>>;
  // A shared mutation reads whether the agent is in a team, in its own transaction.
  const names = definition.shared ? [...definition.tables, 'team', 'outbox'] : definition.tables;
  const tables = [...new Set(names)].map((t) => database.table(t));
  const result = await database.transaction('rw', tables, async (tx) => {
    if (definition.shared && (await inTeam(tx))) captureFor(tx, { id: input.id, name, at });
    return definition.apply({ database, tx }, args, at);
  });
  if ('customers' in definition) customersChanged();
  return result;
}

/** Makes and applies a mutation: what pages and the worker call. */
export function mutate<N extends MutationName>(
  name: N,
  args: MutationArgs<N>,
  database: ConciergeDb = db(),
): Promise<MutationResult<N>> {
  return apply(mutation(name, args), database);
}

/** Whether the agent is in a team, read in the transaction (which must hold the team table). */
export async function inTeam(tx: Transaction): Promise<boolean> {
  return !!(await tx.table('team').get('team'));
}

/**
 * Validates a mutation and applies it inside a transaction the caller holds, with every table it
 * names: the import writes all its chunks in one, so that a stopped import changes nothing. The
 * caller calls customersChanged once its transaction commits; in a team (`team`, read with
 * inTeam in the same transaction), the mutation's changes are queued for the server.
 */
export async function applyInTransaction<N extends MutationName>(
  input: Mutation<N>,
  database: ConciergeDb,
  tx: Transaction,
  team = false,
): Promise<MutationResult<N>> {
  const { name, at, args } = checked(input);
  // Its arguments were checked against its own schema just above.
  const definition = MUTATIONS[name] as unknown as Definition<v.GenericSchema, MutationResult<N>>;
  if (definition.shared && team) captureFor(tx, { id: input.id, name, at });
  return definition.apply({ database, tx }, args, at);
}
