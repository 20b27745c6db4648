import * as v from 'valibot';
import type { ConciergeDb } from '../db/schema';
import { LIFE_EVENT_KINDS } from '../db/types';
import { INTENT_NAMES } from '../reading/intents';
import { DEFAULT_TEMPLATES, type ReplyTemplate } from './defaults';
import { render } from './template';
import { KNOWN_VARIABLES } from './values';

export const TemplateSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}$/)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/)),
  intents: v.array(v.picklist(INTENT_NAMES)),
  tone: v.picklist(['warm', 'formal', 'apologetic', 'gentle']),
  body: v.pipe(v.string(), v.minLength(1), v.maxLength(5000)),
  requires: v.optional(v.array(v.pipe(v.string(), v.maxLength(80)))),
  unless: v.optional(v.array(v.pipe(v.string(), v.maxLength(80)))),
  lifeEvents: v.optional(v.array(v.picklist(LIFE_EVENT_KINDS))),
  cheerful: v.optional(v.boolean()),
  shippedAs: v.optional(v.pipe(v.string(), v.maxLength(16))),
  hidden: v.optional(v.boolean()),
});

const FileSchema = v.object({
  format: v.literal('concierge-templates'),
  version: v.literal(1),
  templates: v.array(TemplateSchema),
});

/** Variables a template cannot do without: those used alone, with no fallback. */
export function requiresOf(body: string): string[] {
  const needed = new Set<string>();
  for (const [, inner] of body.matchAll(/\{\{([^{}|]*)\}\}/g)) {
    const name = inner!.trim();
    if (KNOWN_VARIABLES.has(name) || name.startsWith('preference.')) needed.add(name);
  }
  return [...needed];
}

/** What is wrong with a template body (unknown variables, broken tags); the rest still renders. */
export function templateProblems(body: string): string[] {
  return render(body, {}, KNOWN_VARIABLES).errors;
}

export function exportTemplates(templates: readonly ReplyTemplate[]): string {
  const plain = templates.map(({ shippedAs: _shippedAs, hidden: _hidden, ...template }) => template);
  return JSON.stringify({ format: 'concierge-templates', version: 1, templates: plain }, null, 1);
}

export function parseTemplates(
  text: string,
): { ok: true; templates: ReplyTemplate[] } | { ok: false; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`This is not valid JSON (${(error as Error).message}).`] };
  }
  const result = v.safeParse(FileSchema, data);
  if (!result.success)
    return {
      ok: false,
      problems: result.issues.slice(0, 10).map((i) => `${v.getDotPath(i) ?? 'file'}: ${i.message}`),
    };
  const templates = result.output.templates.map((t) => ({ ...t, requires: requiresOf(t.body) }));
  const broken = templates.flatMap((t) => templateProblems(t.body).map((p) => `${t.id}: ${p}`));
  return broken.length ? { ok: false, problems: broken } : { ok: true, templates };
}

const SHIPPED = new Map(DEFAULT_TEMPLATES.map((t) => [t.id, t]));

/** Whether a template says just what Concierge ships under its id. */
export function isShipped(template: ReplyTemplate): boolean {
  const shipped = SHIPPED.get(template.id);
  return !!shipped && fingerprint(shipped) === fingerprint(template);
}

/**
 * What a template says, in eight hex digits (FNV-1a over its words and what it answers): a row
 * still saying what it was kept with is unedited, even when an older copy of Concierge in the
 * team edited it without knowing the mark.
 */
export function fingerprint(t: ReplyTemplate): string {
  const text = JSON.stringify([t.name, t.body, t.language, t.tone, t.intents, t.lifeEvents ?? []]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A template as the team's set keeps it: marked with its fingerprint when it is the shipped one. */
export function asKept(template: ReplyTemplate): ReplyTemplate {
  const kept: ReplyTemplate = { ...template, shippedAs: isShipped(template) ? fingerprint(template) : '' };
  delete kept.hidden;
  return kept;
}

/** Unedited since it was kept as shipped: this version's wording stands for it. */
const unedited = (kept: ReplyTemplate) => !!kept.shippedAs && kept.shippedAs === fingerprint(kept);

/** Kept before shipped templates were marked: a shipped one missing from such a set was deleted. */
const unmarked = (saved: readonly ReplyTemplate[]) =>
  !saved.some((t) => t.shippedAs !== undefined || t.hidden !== undefined);

/**
 * The templates the team answers with: Concierge's own until the team first changes one, then
 * the team's set. In that set a shipped template nobody edited speaks in this version's words,
 * one Concierge has added since appears, and one the team deleted stays away.
 */
export function teamTemplates(saved: readonly ReplyTemplate[]): ReplyTemplate[] {
  if (!saved.length) return [...DEFAULT_TEMPLATES];
  const byId = new Map(saved.map((t) => [t.id, t]));
  const added = !unmarked(saved);
  const templates: ReplyTemplate[] = [];
  for (const shipped of DEFAULT_TEMPLATES) {
    const kept = byId.get(shipped.id);
    if (!kept) {
      if (added) templates.push(shipped);
    } else if (!kept.hidden) templates.push(unedited(kept) || isShipped(kept) ? shipped : kept);
  }
  for (const kept of saved) if (!SHIPPED.has(kept.id) && !kept.hidden) templates.push(kept);
  return templates;
}

/**
 * Writes templates; the first change turns the built-in set into the team's own, so that
 * editing one default does not make the others disappear. A set kept before shipped templates
 * were marked is marked first, the shipped ones missing from it kept deleted.
 */
export async function saveTemplates(
  database: ConciergeDb,
  change: (table: ConciergeDb['templates']) => Promise<unknown>,
): Promise<void> {
  await database.transaction('rw', database.templates, async () => {
    const saved = await database.templates.toArray();
    if (!saved.length) await database.templates.bulkAdd(DEFAULT_TEMPLATES.map(asKept));
    else if (unmarked(saved)) {
      const ids = new Set(saved.map((t) => t.id));
      const deleted = DEFAULT_TEMPLATES.filter((t) => !ids.has(t.id)).map(hiddenCopy);
      await database.templates.bulkPut([...saved.map(asKept), ...deleted]);
    }
    await change(database.templates);
  });
}

/** A shipped template the team deleted: kept as a mark, so that it does not come back. */
const hiddenCopy = (template: ReplyTemplate): ReplyTemplate => ({ ...asKept(template), hidden: true });

/** The shipped templates the team deleted. */
export function deletedShipped(saved: readonly ReplyTemplate[]): ReplyTemplate[] {
  if (!saved.length) return [];
  const byId = new Map(saved.map((t) => [t.id, t]));
  const legacy = unmarked(saved);
  return DEFAULT_TEMPLATES.filter((t) => (legacy ? !byId.has(t.id) : byId.get(t.id)?.hidden));
}

/** Whether Concierge ships a template under this id (edited or not). */
export const shipsId = (id: string): boolean => SHIPPED.has(id);

/** Puts shipped templates back as Concierge words them: deleted ones return, edits are undone. */
export function restoreShipped(table: ConciergeDb['templates'], ids: readonly string[]): Promise<unknown> {
  return table.bulkPut(ids.flatMap((id) => (SHIPPED.has(id) ? [asKept(SHIPPED.get(id)!)] : [])));
}

/** Deletes a template: a shipped one is marked deleted, any other removed. */
export function deleteTemplate(table: ConciergeDb['templates'], id: string): Promise<unknown> {
  const shipped = SHIPPED.get(id);
  return shipped ? table.put(hiddenCopy(shipped)) : table.delete(id);
}

/**
 * A template's name as a UI in `uiLanguage` shows it. Shipped templates come in pairs ("en-praise",
 * "ru-praise"): one whose name nobody edited is shown by its counterpart's name, so the Russian
 * UI names an English reply in Russian. `language` is the language the name is written in.
 */
export function shownName(
  template: Pick<ReplyTemplate, 'id' | 'name' | 'language'>,
  uiLanguage: string,
): { name: string; language: string } {
  const ui = uiLanguage.toLowerCase().split(/[-_]/)[0]!;
  const own = { name: template.name, language: template.language };
  if (ui === template.language || SHIPPED.get(template.id)?.name !== template.name) return own;
  const pair = SHIPPED.get(template.id.replace(/^[a-z]+-/, `${ui}-`));
  return pair ? { name: pair.name, language: pair.language } : own;
}
