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
  return JSON.stringify({ format: 'concierge-templates', version: 1, templates }, null, 1);
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

/**
 * Writes templates; the first change turns the built-in set into the team's own, so that
 * editing one default does not make the others disappear.
 */
export async function saveTemplates(
  database: ConciergeDb,
  change: (table: ConciergeDb['templates']) => Promise<unknown>,
): Promise<void> {
  await database.transaction('rw', database.templates, async () => {
    if ((await database.templates.count()) === 0) await database.templates.bulkAdd([...DEFAULT_TEMPLATES]);
    await change(database.templates);
  });
}
