import Dexie, { type EntityTable } from 'dexie';
import { accountsMiddleware, rebuildAccounts, type AccountRow } from './accounts';
import { nameTokens } from '../match/names';
import { phoneKeysOf } from './customers';
import type { ReplyTemplate } from '../replies/defaults';
import { outboxMiddleware, type OutboxRow, type TeamLink, type UnsharedRow } from '../team/outbox';
import type { Customer, Interaction, Rejection, TemplateLearning } from './types';

export const DB_NAME = 'concierge';

/**
 * The one database of the extension's origin. Content scripts never open it (a database opened
 * there would belong to the site's origin); the background and the extension pages share it.
 */
export class ConciergeDb extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  interactions!: EntityTable<Interaction, 'key'>;
  rejections!: EntityTable<Rejection, 'key'>;
  /** The team's reply templates; empty until the agent first changes the default set. */
  templates!: EntityTable<ReplyTemplate, 'id'>;
  /** What the agent chose and edited, per template: ranking learns from it. */
  learning!: EntityTable<TemplateLearning, 'key'>;
  /** Who each social account belongs to, derived from customers (./accounts): what matching reads. */
  accounts!: EntityTable<AccountRow, 'key'>;
  /** The agent's team (one row, or none outside a team) and the changes waiting to reach it. */
  team!: EntityTable<TeamLink, 'key'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  /** Records that were on this device before it joined its team and are not the team's yet. */
  unshared!: EntityTable<UnsharedRow, 'ref'>;

  constructor(name = DB_NAME) {
    // No shared cache of live-query results: the import writes from a worker, whose change
    // notice can come after its answer (or not at all), and a cached count then stays stale.
    super(name, { cache: 'disabled' });
    this.version(1).stores({
      customers: 'id, *identityKeys, *emails, *phones, *tags, name, tier, updatedAt',
      interactions: 'key, authorKey, seenAt, status',
    });
    // 2: phones are matched by their digits, customers are found by their CRM id and by the
    // words of their name; the agent's "not this customer" answers, the team's templates and
    // what ranking learned from the agent's choices are kept.
    this.version(2)
      .stores({
        customers:
          'id, *identityKeys, *emails, *phoneKeys, crmId, *nameWords, *tags, name, [name+id], tier, updatedAt',
        rejections: 'key, authorKey, customerId',
        templates: 'id, language',
        learning: 'key',
      })
      .upgrade((tx) =>
        tx
          .table<Customer>('customers')
          .toCollection()
          .modify((customer) => {
            customer.phoneKeys = phoneKeysOf(customer.phones ?? []);
            customer.nameWords = nameTokens(customer.name, ...(customer.aliases ?? []));
          }),
      );
    // 3: a filter of the identity keys customers are known by (dropped in 6).
    this.version(3).stores({ meta: 'key' });
    // 4: every index is written for every customer, and at a million customers the disk spends
    // an import compacting them: the plain name index ([name+id] serves name order) and the
    // tier index (nothing looks customers up by tier) are dropped.
    this.version(4).stores({
      customers: 'id, *identityKeys, *emails, *phoneKeys, crmId, *nameWords, *tags, [name+id], updatedAt',
    });
    // 5: matching reads who an account belongs to by key, one read each, instead of through the
    // customers' index (a seek, a version check and the whole record).
    this.version(5)
      .stores({ accounts: 'key' })
      .upgrade((tx) =>
        rebuildAccounts(tx.table<Customer, string>('customers'), tx.table<AccountRow, string>('accounts')),
      );
    // 6: the filter of known accounts goes: read beside the accounts table alone, in one
    // benchmark run, it made the p95 of matching no faster at 100,000 or a million customers.
    this.version(6).stores({ meta: null });
    // 7: a team: the link to its server, and the local changes waiting to be pushed to it.
    this.version(7).stores({ team: 'key', outbox: '++seq, *keys' });
    // 8: what the agent had before joining stays on the device until they choose to share it.
    this.version(8).stores({ unshared: 'ref, sample' });
    this.use(accountsMiddleware);
    this.use(outboxMiddleware);
  }
}

let shared: ConciergeDb | null = null;

/** The database, opened lazily, so that importing a module never touches IndexedDB. */
export function db(): ConciergeDb {
  shared ??= new ConciergeDb();
  return shared;
}
