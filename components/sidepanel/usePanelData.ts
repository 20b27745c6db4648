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
    const customers = allKeys.length ? await db().customers.where('identityKeys').anyOf(allKeys).toArray() : [];
    const byKey = new Map<string, Customer>();
    for (const c of customers) if (!c.deletedAt) for (const k of c.identityKeys) byKey.set(k, c);
    return found.map((interaction) => ({
      interaction,
      customer: authorKeys(interaction.site, interaction.author).map((k) => byKey.get(k)).find(Boolean) ?? null,
    }));
  }, [keys.join('|')]);
}

export function useHistory(customer: Customer | null): Interaction[] | undefined {
  return useLiveQuery(() => (customer ? interactionsOf(db(), customer.identityKeys) : []), [customer?.id, customer?.updatedAt]);
}
