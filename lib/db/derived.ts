import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';

/**
 * A Dexie middleware that keeps a table derived from the customers table true: every read-write
 * transaction on customers also takes in `derived`, and every write of customers goes through
 * `mutate`, which makes the write (`down`) and brings `derived` along in the same transaction.
 */
export function derivedFromCustomers(
  name: string,
  derived: string,
  mutate: (
    req: DBCoreMutateRequest,
    customers: DBCoreTable,
    table: DBCoreTable,
  ) => Promise<DBCoreMutateResponse>,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const scope =
            mode === 'readwrite' && stores.includes('customers') && !stores.includes(derived)
              ? [...stores, derived]
              : stores;
          return down.transaction(scope, mode, options);
        },
        table(tableName) {
          const customers = down.table(tableName);
          // An upgrade through a version before the derived table existed runs without it.
          if (tableName !== 'customers' || !down.schema.tables.some((t) => t.name === derived))
            return customers;
          const table = down.table(derived);
          return { ...customers, mutate: (req: DBCoreMutateRequest) => mutate(req, customers, table) };
        },
      };
    },
  };
}
