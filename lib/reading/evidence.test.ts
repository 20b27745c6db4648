import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { parseEvidence } from './evidence';

describe('evidence for the agent', () => {
  it('reads every kind of line classify writes, and leaves none unread on real posts', () => {
    expect(parseEvidence('complaint: "stopped heating"')).toEqual({
      kind: 'intent',
      intent: 'complaint',
      words: 'stopped heating',
    });
    expect(parseEvidence('pet_loss: "dog passed away"')).toMatchObject({
      kind: 'lifeEvent',
      event: 'pet_loss',
    });
    expect(parseEvidence('no response: "nobody answers"')).toMatchObject({
      kind: 'problem',
      problem: 'no_response',
    });
    expect(parseEvidence('− not happy')).toEqual({ kind: 'word', positive: false, words: 'not happy' });
    expect(parseEvidence('learned: negative (0.95)')).toEqual({ kind: 'learned', labels: 'negative' });
    expect(parseEvidence('order number: HC-20418')).toEqual({ kind: 'orderNumber', value: 'HC-20418' });
    for (const text of [
      'My microwave stopped heating after two weeks 😡 order HC-20418 «Brio»',
      'Our dog passed away, nobody answers my emails!!',
      'Кофемашина просто чудо, спасибо!',
      'ok see you tomorrow',
    ])
      for (const line of classify(text).evidence) expect(parseEvidence(line).kind, line).not.toBe('other');
  });
});
