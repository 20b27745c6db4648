import { storage } from 'wxt/utils/storage';
import { normaliseHeader, type Mapping } from './columns';
import type { FileKind } from './protocol';

/**
 * Mappings the user imported with, remembered per header set: the next export from the same CRM,
 * with the same columns, is mapped as last time without a click. Kept in local storage, newest
 * first, a few dozen at most.
 */
interface Remembered {
  key: string;
  mapping: (string | null)[];
}

const KEEP = 40;
const item = storage.defineItem<Remembered[]>('local:importMappings', { fallback: [] });

/** The header set's key: the kind of file and its normalised headers, in order. */
export function headerKey(kind: FileKind, header: readonly string[]): string {
  return `${kind}:${header.map(normaliseHeader).join('\u001f')}`;
}

/** A stored mapping, if it still fits the header and names only known fields. */
export function usable<F extends string>(
  stored: readonly (string | null)[] | undefined,
  header: readonly string[],
  fields: readonly F[],
): Mapping<F> | null {
  if (!stored || stored.length !== header.length) return null;
  if (!stored.every((f) => f === null || (fields as readonly string[]).includes(f))) return null;
  return stored as Mapping<F>;
}

/** The list with this mapping first, replacing one for the same header set, cut to KEEP. */
export function withRemembered(
  list: readonly Remembered[],
  key: string,
  mapping: readonly (string | null)[],
): Remembered[] {
  return [{ key, mapping: [...mapping] }, ...list.filter((r) => r.key !== key)].slice(0, KEEP);
}

export async function rememberedMapping<F extends string>(
  kind: FileKind,
  header: readonly string[],
  fields: readonly F[],
): Promise<Mapping<F> | null> {
  const key = headerKey(kind, header);
  return usable((await item.getValue()).find((r) => r.key === key)?.mapping, header, fields);
}

export async function rememberMapping(
  kind: FileKind,
  header: readonly string[],
  mapping: readonly (string | null)[],
): Promise<void> {
  await item.setValue(withRemembered(await item.getValue(), headerKey(kind, header), mapping));
}
