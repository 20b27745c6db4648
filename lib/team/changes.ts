/**
 * What a team shares, record by record, and how two agents' changes to one record merge. The
 * extension makes a change from each write (the record before and after), the server merges the
 * changes it receives in its own order, and the extension merges its unsent changes over what it
 * pulls: the same functions on both sides, so that every copy converges.
 *
 * Scalar fields go to the last writer in server order; lists merge as sets (an element is added
 * or removed, never the whole list replaced); a deleted record is a tombstone that stays deleted
 * until a copy makes that record anew (the same export imported again, the same post seen again).
 */

export const SHARED_TABLES = ['customers', 'interactions', 'rejections', 'templates'] as const;
export type SharedTable = (typeof SHARED_TABLES)[number];

export type Doc = Record<string, unknown>;

/** Record changes in one push (and records in one page of a pull). */
export const MAX_CHANGES = 500;

/** One record's change: fields set (null removes one), set elements added and removed by key. */
export interface Change {
  t: SharedTable;
  /** The record's primary key. */
  k: string;
  set?: Record<string, unknown>;
  add?: Record<string, unknown[]>;
  rm?: Record<string, string[]>;
  /** The record was deleted: a tombstone. */
  del?: true;
  /** The record was made by this change (it was not on the copy before): it revives a tombstone. */
  new?: true;
}

export const PRIMARY_KEY: Record<SharedTable, string> = {
  customers: 'id',
  interactions: 'key',
  rejections: 'key',
  templates: 'id',
};

/** Lists that merge as sets, per table. */
export const SET_FIELDS: Record<SharedTable, readonly string[]> = {
  customers: ['aliases', 'identities', 'emails', 'phones', 'tags', 'orders', 'lifeEvents', 'notes'],
  interactions: ['replies', 'threadReplies'],
  rejections: [],
  templates: [],
};

/** Indexes each copy derives from the record itself: never sent. */
export const DERIVED_FIELDS: Record<SharedTable, readonly string[]> = {
  customers: ['identityKeys', 'phoneKeys', 'nameWords'],
  interactions: [],
  rejections: [],
  templates: [],
};

/** JSON with its object keys sorted: one spelling per value, whatever order it was built in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * What makes two elements of a set the same element. An account is one account however it was
 * learned; an order is one order whatever its status now says.
 */
export function elementKey(field: string, element: unknown): string {
  if (element && typeof element === 'object') {
    const e = element as Record<string, unknown>;
    if (field === 'identities')
      return `${String(e.site)}|${String(e.handle ?? '').toLowerCase()}|${String(e.id ?? '')}`;
    if (field === 'orders') return String(e.id);
    return stableJson(element);
  }
  return String(element);
}

const isSetField = (t: SharedTable, field: string) => SET_FIELDS[t].includes(field);
const isDerived = (t: SharedTable, field: string) => DERIVED_FIELDS[t].includes(field);

function keyed(field: string, list: unknown): Map<string, unknown> {
  const map = new Map<string, unknown>();
  if (Array.isArray(list)) for (const e of list) map.set(elementKey(field, e), e);
  return map;
}

/** The change that turns `before` into `after` (undefined: deleted), or null when nothing changed. */
export function diffRecord(
  t: SharedTable,
  k: string,
  before: Doc | undefined,
  after: Doc | undefined,
): Change | null {
  if (!after) return before ? { t, k, del: true } : null;
  const change: Change = before ? { t, k } : { t, k, new: true };
  const old = before ?? {};
  const set: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(old), ...Object.keys(after)])) {
    if (field === PRIMARY_KEY[t] || isDerived(t, field) || isSetField(t, field)) continue;
    if (stableJson(old[field]) !== stableJson(after[field])) set[field] = after[field] ?? null;
  }
  const add: Record<string, unknown[]> = {};
  const rm: Record<string, string[]> = {};
  for (const field of SET_FIELDS[t]) {
    const was = keyed(field, old[field]);
    const now = keyed(field, after[field]);
    const added = [...now].filter(([key, e]) => !was.has(key) || stableJson(was.get(key)) !== stableJson(e));
    const removed = [...was.keys()].filter((key) => !now.has(key));
    if (added.length) add[field] = added.map(([, e]) => e);
    if (removed.length) rm[field] = removed;
  }
  if (Object.keys(set).length) change.set = set;
  if (Object.keys(add).length) change.add = add;
  if (Object.keys(rm).length) change.rm = rm;
  return change.set || change.add || change.rm || !before ? change : null;
}

/**
 * The record after a change: null once deleted. A tombstone takes no later edit, only a change
 * that makes the record anew, which starts it again from nothing.
 */
export function mergeRecord(doc: Doc | null, change: Change, deleted = false): Doc | null {
  if (change.del || (deleted && !change.new)) return null;
  if (deleted) doc = null;
  const { t } = change;
  const next: Doc = { ...(doc ?? {}), [PRIMARY_KEY[t]]: change.k };
  for (const [field, value] of Object.entries(change.set ?? {})) {
    if (field === PRIMARY_KEY[t] || isDerived(t, field) || isSetField(t, field)) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  for (const field of SET_FIELDS[t]) {
    const removed = change.rm?.[field] ?? [];
    const added = change.add?.[field] ?? [];
    if (!removed.length && !added.length && next[field] !== undefined) continue;
    const list = keyed(field, next[field]);
    for (const key of removed) list.delete(key);
    for (const e of added) list.set(elementKey(field, e), e);
    // A record first made by a change has every list, empty or not, as the extension keeps it.
    if (list.size || next[field] !== undefined || doc === null) next[field] = [...list.values()];
  }
  return next;
}
