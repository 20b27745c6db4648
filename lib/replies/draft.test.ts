import { describe, expect, it } from 'vitest';
import {
  builtInAi,
  DRAFT_SCHEMA,
  draftAvailability,
  draftReply,
  type Availability,
  type BuiltInAi,
  type DraftInput,
} from './draft';

/** A fake of the documented interface: availability, create with a monitor, prompt with a constraint, destroy. */
function fakeAi(
  answer: (input: string, constraint: object) => Promise<string> | string,
  options: { availability?: Availability; translate?: (text: string) => string } = {},
) {
  const log = {
    prompts: [] as string[],
    constraints: [] as object[],
    destroyed: 0,
    progress: [] as number[],
  };
  const ai: BuiltInAi = {
    model: {
      availability: async () => options.availability ?? 'available',
      create: async ({ monitor, initialPrompts }) => {
        const events: ((e: { loaded: number }) => void)[] = [];
        monitor?.({ addEventListener: (_type, listener) => events.push(listener) });
        for (const loaded of [0, 0.5, 1]) events.forEach((l) => l({ loaded }));
        log.prompts.push(initialPrompts?.[0]?.content ?? '');
        return {
          prompt: async (input, { responseConstraint, signal }) => {
            log.prompts.push(input);
            log.constraints.push(responseConstraint);
            const result = answer(input, responseConstraint);
            return await Promise.race([
              result,
              new Promise<string>((_, reject) =>
                signal?.addEventListener('abort', () => reject(new Error('aborted'))),
              ),
            ]);
          },
          destroy: () => log.destroyed++,
        };
      },
    },
    translator: {
      availability: async () => 'available',
      create: async () => ({
        translate: async (text) => (options.translate ?? ((t) => `[ru] ${t}`))(text),
        destroy: () => log.destroyed++,
      }),
    },
  };
  return { ai, log };
}

const input: DraftInput = {
  post: { text: 'My stone kettles are still not here' },
  thread: [{ author: { handle: 'tomas' }, text: "It's order HC-21102" }],
  greetingName: 'Tomás',
  brandName: 'Hearth & Co.',
  agentName: 'Sam',
  brandVoice: 'Friendly and brief, no exclamation marks.',
  grounding: {
    brandReplies: [],
    asks: [],
    item: 'Stone kettle',
    order: { id: 'HC-21102', date: '2026-11-15', items: [{ name: 'Stone kettle' }], status: 'shipped' },
    givenOrderId: 'HC-21102',
  },
  language: 'en',
};

describe('on-device drafts', () => {
  it('finds no model in a browser without one, and says so rather than failing', async () => {
    expect(builtInAi({})).toEqual({});
    expect(await draftAvailability({}, 'en')).toBe('unavailable');
    expect(await draftReply({}, input)).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('drafts from the post, the thread and the profile in the fixed shape, and closes the session', async () => {
    const { ai, log } = fakeAi(() =>
      JSON.stringify({ reply: 'Hi Tomás, your Stone kettle shipped on 15 November. — Sam' }),
    );
    const progress: number[] = [];
    const draft = await draftReply(ai, input, { onProgress: (p) => progress.push(p) });
    expect(draft).toEqual({
      ok: true,
      text: 'Hi Tomás, your Stone kettle shipped on 15 November. — Sam',
      used: ['post', 'thread', 'order', 'given'],
    });
    expect(log.constraints).toEqual([DRAFT_SCHEMA]);
    expect(log.prompts[0]).toContain('Friendly and brief');
    expect(log.prompts[1]).toContain('The post is about: Stone kettle');
    expect(log.prompts[1]).toContain('do not ask for it');
    expect(progress).toEqual([0, 0.5, 1]);
    expect(log.destroyed).toBe(1);
    // What the post asks for is said, with what must stay private.
    const moving = fakeAi(() =>
      JSON.stringify({ reply: 'Hi Tomás, send us the new address privately. — Sam' }),
    );
    await draftReply(moving.ai, { ...input, grounding: { ...input.grounding, asks: ['address'] } });
    expect(moving.log.prompts[1]).toContain('ask for the new address in a private message');
    expect(log.prompts[1]).not.toContain('address');
    // A complaint of the delivery is said to be one: the item is not at fault.
    const late = fakeAi(() => JSON.stringify({ reply: 'Hi Tomás, sorry the delivery was slow. — Sam' }));
    await draftReply(late.ai, { ...input, grounding: { ...input.grounding, complaint: 'delivery' } });
    expect(late.log.prompts[1]).toContain('complain of the delivery, not of the item');
    expect(log.prompts[1]).not.toContain('complain of the delivery');
    const ignored = fakeAi(() => JSON.stringify({ reply: 'Hi Tomás, sorry for the wait. — Sam' }));
    await draftReply(ignored.ai, { ...input, grounding: { ...input.grounding, complaint: 'waiting' } });
    expect(ignored.log.prompts[1]).toContain('nobody answered them');
  });

  it('writes Russian through the translator, and needs both to be there', async () => {
    const { ai } = fakeAi(() => JSON.stringify({ reply: 'Hi Tomás, it shipped.' }), {
      translate: () => 'Томас, он отправлен.',
    });
    expect(await draftReply(ai, { ...input, language: 'ru' })).toMatchObject({
      ok: true,
      text: 'Томас, он отправлен.',
    });
    expect(await draftAvailability(ai, 'ru')).toBe('available');
    expect(await draftAvailability({ model: ai.model }, 'ru')).toBe('unavailable');
    expect(await draftReply({ model: ai.model }, { ...input, language: 'ru' })).toEqual({
      ok: false,
      reason: 'unavailable',
    });
  });

  it('falls back on an answer outside the schema, an error or a model that takes too long', async () => {
    expect(await draftReply(fakeAi(() => 'Sure! Here is a reply').ai, input)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await draftReply(fakeAi(() => JSON.stringify({ text: 'x' })).ai, input)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await draftReply(fakeAi(() => JSON.stringify({ reply: 'x'.repeat(701) })).ai, input)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(
      await draftReply(
        fakeAi(() => {
          throw new Error('model crashed');
        }).ai,
        input,
      ),
    ).toEqual({ ok: false, reason: 'failed' });
    const slow = fakeAi(() => new Promise<string>(() => undefined));
    expect(await draftReply(slow.ai, input, { timeoutMs: 20 })).toEqual({ ok: false, reason: 'timeout' });
    expect(slow.log.destroyed).toBe(1);
  });

  it('reports a model still to download', async () => {
    expect(await draftAvailability(fakeAi(() => '', { availability: 'downloadable' }).ai, 'en')).toBe(
      'downloadable',
    );
  });
});
