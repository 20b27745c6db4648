/**
 * A reply drafted on the device by the browser's built-in model (Chrome's Prompt API,
 * `LanguageModel`, for extensions since Chrome 138), grounded in the same facts as the templates.
 * The model writes English; other reply languages go through the built-in Translator. Nothing here
 * calls a server: where the browser has no model, the templates are all there is.
 *
 * The APIs are passed in (`builtInAi()` finds the browser's), so that tests drive a fake that
 * implements their documented interface.
 */
import * as v from 'valibot';
import type { Ask, Complaint, Grounding } from './grounding';

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

interface Monitor {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded: number }) => void): void;
}

interface LanguageOptions {
  expectedInputs?: { type: 'text'; languages: string[] }[];
  expectedOutputs?: { type: 'text'; languages: string[] }[];
}

export interface ModelSession {
  prompt(input: string, options: { responseConstraint: object; signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}

export interface LanguageModelApi {
  availability(options?: LanguageOptions): Promise<Availability>;
  create(
    options: LanguageOptions & {
      initialPrompts?: { role: 'system'; content: string }[];
      monitor?: (m: Monitor) => void;
      signal?: AbortSignal;
    },
  ): Promise<ModelSession>;
}

export interface TranslatorApi {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<Availability>;
  create(options: {
    sourceLanguage: string;
    targetLanguage: string;
    monitor?: (m: Monitor) => void;
    signal?: AbortSignal;
  }): Promise<{
    translate(text: string, options?: { signal?: AbortSignal }): Promise<string>;
    destroy(): void;
  }>;
}

export interface BuiltInAi {
  model?: LanguageModelApi;
  translator?: TranslatorApi;
}

/** The browser's built-in AI, where it has it (Chrome 138+ on capable machines); empty elsewhere. */
export function builtInAi(scope: object = globalThis): BuiltInAi {
  const found = scope as { LanguageModel?: LanguageModelApi; Translator?: TranslatorApi };
  return {
    ...(typeof found.LanguageModel?.create === 'function' && { model: found.LanguageModel }),
    ...(typeof found.Translator?.create === 'function' && { translator: found.Translator }),
  };
}

/** Languages the built-in model writes; others are translated from English. */
const MODEL_LANGUAGES = ['en', 'es', 'ja'];
const TEXT_EN = { expectedInputs: [{ type: 'text' as const, languages: ['en'] }] };
const writes = (language: string) => ({
  ...TEXT_EN,
  expectedOutputs: [
    { type: 'text' as const, languages: [MODEL_LANGUAGES.includes(language) ? language : 'en'] },
  ],
});

/** Whether a draft in this language can be written here, and whether a download comes first. */
export async function draftAvailability(ai: BuiltInAi, language: string): Promise<Availability> {
  if (!ai.model) return 'unavailable';
  try {
    const model = await ai.model.availability(writes(language));
    if (model === 'unavailable' || MODEL_LANGUAGES.includes(language)) return model;
    if (!ai.translator) return 'unavailable';
    const translator = await ai.translator.availability({ sourceLanguage: 'en', targetLanguage: language });
    if (translator === 'unavailable') return 'unavailable';
    return model === 'available' && translator === 'available' ? 'available' : 'downloadable';
  } catch {
    return 'unavailable';
  }
}

/** The fixed shape the model must answer in (its `responseConstraint`). */
export const DRAFT_SCHEMA = {
  type: 'object',
  properties: {
    reply: { type: 'string', minLength: 1, maxLength: 700 },
    mentionsOrder: { type: 'boolean' },
  },
  required: ['reply'],
  additionalProperties: false,
} as const;

const DraftAnswer = v.object({
  reply: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(700)),
  mentionsOrder: v.optional(v.boolean()),
});

export interface DraftInput {
  post: { text: string };
  thread: readonly { author: { handle: string }; text: string }[];
  /** The name to greet with, the brand and the agent, and the brand's voice (Settings). */
  greetingName?: string;
  brandName: string;
  agentName: string;
  brandVoice: string;
  grounding: Grounding;
  language: string;
}

export type DraftResult =
  | { ok: true; text: string; used: string[] }
  | { ok: false; reason: 'unavailable' | 'failed' | 'timeout' | 'invalid' };

/** A draft waits this long at most; the templates are there meanwhile. */
export const DRAFT_TIMEOUT_MS = 20_000;

/** What the post asks for, said to the model with what it must not do in public. */
const ASKED: Record<Ask, string> = {
  cancel: 'They ask to cancel an order: say it will be stopped if it has not shipped yet.',
  address:
    'They ask to change the delivery address: ask for the new address in a private message, never here.',
  stock: 'They ask when something is back in stock: promise to find out, never a date.',
  variant: 'They ask which colours or sizes a product comes in: promise to check, never guess.',
  shipping:
    'They ask where, for how much or how fast the shop delivers: promise to check, never a price or date.',
};

/** What alone the post complains of, said to the model. */
const COMPLAINED: Record<Complaint, string> = {
  delivery: 'They complain of the delivery, not of the item: apologise for it, offer no replacement.',
  waiting: 'They complain that nobody answered them: apologise for the wait and ask what they need.',
};

/** What the draft may rest on, and the agent sees it listed under the draft. */
function factsOf(input: DraftInput): { text: string; used: string[] } {
  const facts: string[] = [];
  const used: string[] = ['post'];
  if (input.thread.length) {
    facts.push(
      `Replies under the post, oldest first:\n${input.thread.map((p) => `- @${p.author.handle}: ${p.text.slice(0, 400)}`).join('\n')}`,
    );
    used.push('thread');
  }
  const { grounding } = input;
  if (grounding.item && grounding.order) {
    facts.push(
      `The post is about: ${grounding.item} (order placed ${grounding.order.date}, status ${grounding.order.status ?? 'unknown'}).`,
    );
    used.push('order');
  } else if (grounding.order?.status) {
    facts.push(
      `Their latest order was placed ${grounding.order.date}; its status: ${grounding.order.status}.`,
    );
    used.push('order');
  }
  if (grounding.givenOrderId) {
    facts.push(`They already gave their order number (${grounding.givenOrderId}): do not ask for it.`);
    used.push('given');
  }
  for (const ask of grounding.asks) facts.push(ASKED[ask]);
  if (grounding.complaint) facts.push(COMPLAINED[grounding.complaint]);
  if (input.greetingName) facts.push(`Greet them as ${input.greetingName}.`);
  return { text: facts.join('\n'), used };
}

/**
 * Drafts one reply: one session, one prompt with the JSON-schema constraint, the answer checked
 * against it, translated when the model does not write the reply's language. Fails (never throws)
 * when the model is missing, errs, takes too long or answers outside the schema.
 */
export async function draftReply(
  ai: BuiltInAi,
  input: DraftInput,
  options: { signal?: AbortSignal; timeoutMs?: number; onProgress?: (loaded: number) => void } = {},
): Promise<DraftResult> {
  if (!ai.model) return { ok: false, reason: 'unavailable' };
  const translate = !MODEL_LANGUAGES.includes(input.language);
  if (translate && !ai.translator) return { ok: false, reason: 'unavailable' };
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? DRAFT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  const monitor = (m: Monitor) =>
    m.addEventListener('downloadprogress', (e) => options.onProgress?.(Math.max(0, Math.min(1, e.loaded))));
  let session: ModelSession | null = null;
  try {
    const { text: facts, used } = factsOf(input);
    session = await ai.model.create({
      ...writes(input.language),
      monitor,
      signal,
      initialPrompts: [
        {
          role: 'system',
          content:
            `You write one short public reply from ${input.brandName || 'the brand'} to a customer's social media post. ` +
            `Voice: ${input.brandVoice || 'warm, plain and brief'}. Use only the facts given; never invent order details, ` +
            'never include order numbers, e-mails, phone numbers or addresses, and offer a direct message for anything private. ' +
            `Sign off as ${input.agentName || input.brandName || 'the support team'}.`,
        },
      ],
    });
    const answer = await session.prompt(`Post:\n${input.post.text.slice(0, 2000)}\n\n${facts}`, {
      responseConstraint: DRAFT_SCHEMA,
      signal,
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer);
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    const checked = v.safeParse(DraftAnswer, parsed);
    if (!checked.success) return { ok: false, reason: 'invalid' };
    let text = checked.output.reply;
    if (translate) {
      const translator = await ai.translator!.create({
        sourceLanguage: 'en',
        targetLanguage: input.language,
        monitor,
        signal,
      });
      try {
        text = (await translator.translate(text, { signal })).trim();
      } finally {
        translator.destroy();
      }
      used.push('translated');
    }
    return text ? { ok: true, text, used } : { ok: false, reason: 'invalid' };
  } catch {
    return { ok: false, reason: timeout.signal.aborted ? 'timeout' : 'failed' };
  } finally {
    clearTimeout(timer);
    session?.destroy();
  }
}
