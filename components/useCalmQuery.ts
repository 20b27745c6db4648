import { useEffect, useState, type DependencyList } from 'react';
import { watchCalmly } from '@/lib/db/watch';

/**
 * A read that follows the database like Dexie's `useLiveQuery`, re-read at most once per
 * `everyMs` while writes to `tables` stream in (see watchCalmly): for reads whose cost grows with
 * the base, such as counting every customer. Undefined until the first read; a failed read throws
 * during render, as `useLiveQuery` does.
 */
export function useCalmQuery<T>(
  read: () => Promise<T>,
  deps: DependencyList,
  tables: readonly string[],
  everyMs = 2000,
): T | undefined {
  const [state, setState] = useState<{ value?: T; error?: unknown }>({});
  useEffect(
    () =>
      watchCalmly(read, tables, everyMs, {
        value: (value) => setState({ value }),
        error: (error) => setState({ error }),
      }),
    // The caller's deps say when `read` means something else, as with useLiveQuery.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [...deps, tables.join(), everyMs],
  );
  if ('error' in state) throw state.error;
  return state.value;
}
