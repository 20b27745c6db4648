import Dexie, { type EntityTable } from 'dexie';
import { phoneKeysOf } from './customers';
import type { Customer, Interaction } from './types';

export const DB_NAME = 'concierge';

/**
 * The one database of the extension's origin. Content scripts never open it (a database opened
 * there would belong to the site's origin); the background and the extension pages share it.
 */
export class ConciergeDb extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  interactions!: EntityTable<Interaction, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      customers: 'id, *identityKeys, *emails, *phones, *tags, name, tier, updatedAt',
      interactions: 'key, authorKey, seenAt, status',
    });
    // 2: phones are matched by their digits, and customers are found by their CRM id.
    this.version(2)
      .stores({ customers: 'id, *identityKeys, *emails, *phoneKeys, crmId, *tags, name, tier, updatedAt' })
      .upgrade((tx) =>
        tx.table<Customer>('customers').toCollection().modify((customer) => {
          customer.phoneKeys = phoneKeysOf(customer.phones ?? []);
        }),
      );
  }
}

let shared: ConciergeDb | null = null;

/** The database, opened lazily, so that importing a module never touches IndexedDB. */
export function db(): ConciergeDb {
  shared ??= new ConciergeDb();
  return shared;
}
