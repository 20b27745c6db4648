import { describe, expect, it } from 'vitest';
import { classify, stem } from './classify';
import { evaluate, loadEvalSet } from './eval/evaluate';

describe('classify', () => {
  it.each([
    ['My microwave stopped heating after two weeks 😡 order HC-20418', 'en', 'negative', ['complaint'], []],
    ['where is my order?? its been 10 days and tracking hasnt moved', 'en', 'negative', ['order_status', 'question'], []],
    ['Do you ship to Norway?', 'en', 'neutral', ['question'], []],
    ['Just got my stone kettle and honestly its gorgeous, thank you!!', 'en', 'positive', ['praise'], []],
    ['not happy with my order, the plates are chipped', 'en', 'negative', ['complaint'], []],
    ['Not bad at all, better than I expected', 'en', 'positive', ['praise'], []],
    ['We just moved to Kazan, do you deliver there?', 'en', 'neutral', ['question'], ['moved']],
    ['Our dog passed away last week', 'en', 'neutral', ['other'], ['pet_loss']],
    ['Где мой заказ? Уже две недели жду', 'ru', 'negative', ['order_status', 'question'], []],
    ['Кофемашина просто чудо, спасибо за быструю доставку!', 'ru', 'positive', ['praise'], []],
    ['Не доволен заказом, тарелки со сколами', 'ru', 'negative', ['complaint'], []],
    ['Хочу вернуть деньги за чайник', 'ru', 'neutral', ['return_refund'], []],
    ['Мы переехали в новую квартиру!', 'ru', 'neutral', ['other'], ['moved']],
  ] as const)('%s', (text, language, sentiment, intents, lifeEvents) => {
    const reading = classify(text);
    expect(reading.language).toBe(language);
    expect(reading.sentiment).toBe(sentiment);
    expect(reading.intents.toSorted()).toEqual([...intents].sort());
    expect(reading.lifeEvents).toEqual(lifeEvents);
  });

  it('treats Russian word forms as one word', () => {
    expect(new Set(['заказ', 'заказа', 'заказом', 'заказу'].map(stem))).toEqual(new Set(['заказ']));
  });

  it('picks out order numbers and quoted product names as evidence', () => {
    const reading = classify('Where is order #48213? The «Brio» machine was for a gift');
    expect(reading.evidence).toEqual(expect.arrayContaining(['order number: 48213', 'product: Brio']));
  });

  it('puts angry posts before calm ones', () => {
    expect(classify('WORST SERVICE EVER, my kettle is broken!!! fix it today').urgency).toBeGreaterThan(classify('Do you ship to Norway?').urgency + 0.4);
  });

  it('reads bad input without failing: empty, emoji only, 10,000 characters, mixed scripts', () => {
    expect(classify('')).toMatchObject({ sentiment: 'neutral', intents: ['other'], lifeEvents: [] });
    expect(classify('😍😍😍').sentiment).toBe('positive');
    expect(classify('😡😡').sentiment).toBe('negative');
    const long = classify(`${'great kettle '.repeat(2000)}`);
    expect(long.evidence.length).toBeLessThanOrEqual(20);
    expect(classify('Заказ HC-1234 still not arrived, где он?').intents).toContain('order_status');
  });
});

describe('the labelled evaluation set', () => {
  it('reads the development set with macro-F1 of at least 0.85 for sentiment and intents', () => {
    const result = evaluate(loadEvalSet('posts'));
    expect(result.posts).toBeGreaterThanOrEqual(200);
    expect(result.sentiment.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(result.intents.macroF1).toBeGreaterThanOrEqual(0.85);
  });

  it('does not fall apart on posts it was not written against', () => {
    const result = evaluate(loadEvalSet('heldout'));
    expect(result.sentiment.macroF1).toBeGreaterThanOrEqual(0.7);
    expect(result.intents.macroF1).toBeGreaterThanOrEqual(0.7);
  });
});
