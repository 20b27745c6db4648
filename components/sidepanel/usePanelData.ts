import { useLiveQuery } from 'dexie-react-hooks';
import { interactionsOf } from '@/lib/db/interactions';
import { authorKeys } from '@/lib/db/identity';
import { db } from '@/lib/db/schema';
import type { Customer, Interaction } from '@/lib/db/types';

export interface PanelPost {
  interaction: Interaction;
  customer: Customer | null;
}

/** The tab's posts with their authors' customer records, kept live as the base changes. */
export function usePanelPosts(keys: readonly string[]): PanelPost[] | undefined {
  return useLiveQuery(async () => {
    const found = (await db().interactions.bulkGet([...keys])).filter((i): i is Interaction => !!i);
    const allKeys = [...new Set(found.flatMap((i) => authorKeys(i.site, i.author)))];
    // Through the accounts table, so that the panel names the customer the badge named.
    const rows = allKeys.length ? await db().accounts.bulkGet(allKeys) : [];
    const ids = [...new Set(rows.flatMap((r) => (r ? [r.customerId] : [])))];
    const byId = new Map((await db().customers.bulkGet(ids)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
    const byKey = new Map<string, Customer>();
    for (const r of rows) if (r && byId.has(r.customerId)) byKey.set(r.key, byId.get(r.customerId)!);
    return found.map((interaction) => ({
      interaction,
      customer:
        authorKeys(interaction.site, interaction.author)
          .map((k) => byKey.get(k))
          .find(Boolean) ?? null,
    }));
  }, [keys.join('|')]);
}

export function useHistory(customer: Customer | null): Interaction[] | undefined {
  return useLiveQuery(
    () => (customer ? interactionsOf(db(), customer.identityKeys) : []),
    [customer?.id, customer?.updatedAt],
  );
}
