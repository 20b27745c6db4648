import { useLiveQuery } from 'dexie-react-hooks';
import { historyOf, postsWithCustomers, type PanelPost } from '@/lib/db/queries';
import type { Customer, Interaction } from '@/lib/db/types';

export type { PanelPost };

/**
 * The tab's posts with the customers the service worker matched their authors to, kept live as
 * the base changes: the panel names whom the badge named and matches nobody itself.
 */
export function usePanelPosts(
  keys: readonly string[],
  customerOf: Readonly<Record<string, string>>,
): PanelPost[] | undefined {
  return useLiveQuery(
    () => postsWithCustomers(keys, customerOf),
    [keys.join('|'), JSON.stringify(customerOf)],
  );
}

export function useHistory(customer: Customer | null): Interaction[] | undefined {
  return useLiveQuery(() => (customer ? historyOf(customer) : []), [customer?.id, customer?.updatedAt]);
}
