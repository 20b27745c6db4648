/**
 * Every read the extension pages make, by what they ask. Components call these (inside Dexie
 * live queries, so that they follow the base as it changes) and never touch a table themselves.
 */
import { exportBackup } from '../import/backup';
import { shareable } from '../team/share';
import { interactionsOf } from './interactions';
import { db, type ConciergeDb } from './schema';
import { searchCustomers, type Anchor, type SearchPage } from './search';
import type { Customer, Interaction, TemplateLearning } from './types';
import type { ReplyTemplate } from '../replies/defaults';

export type { Anchor, SearchPage };

export const customerById = (id: string, database: ConciergeDb = db()): Promise<Customer | undefined> =>
  database.customers.get(id);

/** The agent's team, without its token (pages never need it): null outside a team. */
export const teamMembership = async (database: ConciergeDb = db()) => {
  const link = await database.team.get('team');
  return link ? { url: link.url, team: link.team, agent: link.agent, role: link.role } : null;
};

/** Records on this device that are not the team's yet, sample customers left out (../team/share). */
export const unsharedCount = (database: ConciergeDb = db()): Promise<number> =>
  shareable(database.table('unshared'));

export const customerCount = (database: ConciergeDb = db()): Promise<number> => database.customers.count();

/** A page of customers: those matching the query, or all of them in name order from an anchor. */
export const customersPage = (
  query: string,
  page: number,
  size: number,
  anchor: Anchor | null,
  database: ConciergeDb = db(),
): Promise<SearchPage> => searchCustomers(database, query, page, size, anchor);

/** Every customer in name order, for a spreadsheet. */
export const allCustomers = (database: ConciergeDb = db()): Promise<Customer[]> =>
  database.customers.orderBy('[name+id]').toArray();

/** Every post seen, oldest first, for a spreadsheet. */
export const allInteractions = (database: ConciergeDb = db()): Promise<Interaction[]> =>
  database.interactions.orderBy('seenAt').toArray();

export const backupJson = (database: ConciergeDb = db()): Promise<string> => exportBackup(database);

/** The team's templates; empty while the built-in set is in use. */
export const savedTemplates = (database: ConciergeDb = db()): Promise<ReplyTemplate[]> =>
  database.templates.toArray();

export const templateLearning = (database: ConciergeDb = db()): Promise<TemplateLearning[]> =>
  database.learning.toArray();

export interface PanelPost {
  interaction: Interaction;
  customer: Customer | null;
}

/**
 * Posts by key with the customers the service worker matched their authors to (`customerOf`,
 * post key → customer id): the panel names whom the badge named, and matches nobody itself.
 */
export async function postsWithCustomers(
  keys: readonly string[],
  customerOf: Readonly<Record<string, string>>,
  database: ConciergeDb = db(),
): Promise<PanelPost[]> {
  const found = (await database.interactions.bulkGet([...keys])).filter((i): i is Interaction => !!i);
  const ids = [...new Set(found.flatMap((i) => customerOf[i.key] ?? []))];
  const customers = await database.customers.bulkGet(ids);
  const byId = new Map(customers.flatMap((c) => (c && !c.deletedAt ? [[c.id, c] as const] : [])));
  return found.map((interaction) => ({
    interaction,
    customer: byId.get(customerOf[interaction.key] ?? '') ?? null,
  }));
}

/** A customer's posts across all their accounts, newest first. */
export const historyOf = (customer: Customer, database: ConciergeDb = db()): Promise<Interaction[]> =>
  interactionsOf(database, customer.identityKeys);

/** Posts seen since a time (ISO), for the response statistics. */
export const interactionsSince = (since: string, database: ConciergeDb = db()): Promise<Interaction[]> =>
  database.interactions.where('seenAt').above(since).toArray();

/** Posts seen, by key; keys of posts never recorded are left out. */
export const postsByKey = async (
  keys: readonly string[],
  database: ConciergeDb = db(),
): Promise<Interaction[]> =>
  (await database.interactions.bulkGet([...keys])).filter((i): i is Interaction => !!i);

/**
 * The thread under a post among the posts of its page (`keys`): the replies to it and to them,
 * oldest first, the brand's and the customer's included.
 */
export async function threadOf(
  keys: readonly string[],
  post: Pick<Interaction, 'site' | 'postId'>,
  database: ConciergeDb = db(),
): Promise<Interaction[]> {
  const found = (await database.interactions.bulkGet([...keys])).filter(
    (i): i is Interaction => !!i && i.site === post.site && !!i.inReplyTo,
  );
  // Replies to replies belong to the thread too ("Done, it's HC-20418" under the brand's question).
  const inThread = new Set([post.postId]);
  const thread: Interaction[] = [];
  for (let grew = true; grew;) {
    grew = false;
    for (const reply of found)
      if (!inThread.has(reply.postId) && inThread.has(reply.inReplyTo!)) {
        inThread.add(reply.postId);
        thread.push(reply);
        grew = true;
      }
  }
  return thread.sort((a, b) => (a.createdAt ?? a.seenAt).localeCompare(b.createdAt ?? b.seenAt));
}
