import { describe, expect, it } from 'vitest';
import { classify, LEARNED, stem } from './classify';
import { valence } from './lexicon';
import { crossValidate } from './eval/cross-validate';
import { evaluate, loadEvalSet } from './eval/evaluate';
import { trainReadingModel } from './eval/train';

describe('classify', () => {
  it('counts no @handle or link as a word, and no refund as a bad thing', () => {
    expect(classify('@awful_service https://bad.example/terrible ok').sentiment).toBe('neutral');
    expect(classify('@worst_shop_ever love it').sentiment).toBe('positive');
    expect(classify('I got my refund, thanks').evidence).not.toContain('− refund');
    expect(classify('not very good').sentiment).toBe('negative');
    // "new cat" inside "new catalogue" is no new pet.
    expect(classify('Just saw the new catalogue').lifeEvents).toEqual([]);
  });

  it.each([
    ['My microwave stopped heating after two weeks 😡 order HC-20418', 'en', 'negative', ['complaint'], []],
    [
      'where is my order?? its been 10 days and tracking hasnt moved',
      'en',
      'negative',
      ['order_status', 'question'],
      [],
    ],
    ['Do you ship to Norway?', 'en', 'neutral', ['question'], []],
    ['Just got my stone kettle and honestly its gorgeous, thank you!!', 'en', 'positive', ['praise'], []],
    ['not happy with my order, the plates are chipped', 'en', 'negative', ['complaint'], []],
    ['Not bad at all, better than I expected', 'en', 'positive', ['praise'], []],
    ['We just moved to Kazan, do you deliver there?', 'en', 'neutral', ['question'], ['moved']],
    ['Our dog passed away last week', 'en', 'neutral', ['other'], ['pet_loss']],
    ['Где мой заказ? Уже две недели жду', 'ru', 'negative', ['order_status', 'question'], []],
    ['Кофемашина просто чудо, спасибо за быструю доставку!', 'ru', 'positive', ['praise'], []],
    ['Не доволен заказом, тарелки со сколами', 'ru', 'negative', ['complaint'], []],
    // Asking for money back is rarely calm: 28 of the 30 such development posts are negative.
    ['Хочу вернуть деньги за чайник', 'ru', 'negative', ['return_refund'], []],
    ['Мы переехали в новую квартиру!', 'ru', 'neutral', ['other'], ['moved']],
    // The defects seen on public labelled posts.
    ['How do I track my order?', 'en', 'neutral', ['order_status', 'question'], []],
    ['What should I do now?', 'en', 'neutral', ['question'], []],
    ['That doesn’t excuse poor service', 'en', 'negative', ['complaint'], []],
    // What follows "but" is what the post means, either way.
    ['You are the best! But the courier was late again by three hours', 'en', 'negative', ['complaint'], []],
    ['Вы лучшие! Но курьер опять опоздал на три часа', 'ru', 'negative', ['complaint'], []],
    ['It was late, but honestly the kettle is wonderful', 'en', 'positive', ['praise'], []],
    ['Ваш курьер нагрубил моей маме', 'ru', 'negative', ['complaint'], []],
    // Arriving broken is about the item, not where the parcel is; a courier who never came is.
    ['My order arrived damaged, the box was crushed', 'en', 'negative', ['complaint'], []],
    ['Заказ пришёл разбитый', 'ru', 'negative', ['complaint'], []],
    [
      'The courier never showed up and now the parcel is back at the depot',
      'en',
      'negative',
      ['order_status'],
      [],
    ],
    ['Курьер так и не приехал', 'ru', 'negative', ['order_status'], []],
    // Thanks and love said through gritted teeth.
    ['Спасибо за ничего', 'ru', 'negative', ['complaint'], []],
    // Praise, but: the delivery that took long, a courier who left it at the door without a call.
    ['The kettle is amazing but the delivery took forever', 'en', 'negative', ['complaint'], []],
    ['Кофемашина супер, но доставка долгая', 'ru', 'negative', ['complaint'], []],
    ['Курьер не позвонил, оставил коробку у двери', 'ru', 'negative', ['complaint'], []],
    // A promo code has not got wet ("промок").
    ['Есть промокод на первый заказ?', 'ru', 'neutral', ['question'], []],
    ['Love waiting 3 weeks for a parcel 🙄', 'en', 'negative', ['order_status', 'complaint'], []],
  ] as const)('%s', (text, language, sentiment, intents, lifeEvents) => {
    const reading = classify(text);
    expect(reading.language).toBe(language);
    expect(reading.sentiment).toBe(sentiment);
    expect(reading.intents.toSorted()).toEqual([...intents].sort());
    expect(reading.lifeEvents).toEqual(lifeEvents);
  });

  it('reads a post in the language its letters say when the site tags it otherwise', () => {
    // X tags some Russian posts "en"; they name products, and link, in Latin letters.
    const russian = classify('Подскажите, чайник Stone kettle есть в белом цвете? Хочу купить маме', 'en');
    expect(russian.language).toBe('ru');
    expect(russian.intents).toContain('purchase_intent');
    expect(classify('Спасибо! https://hearthandco.example/orders/HC-20418', 'en').language).toBe('ru');
    expect(classify('Love my new samovar, we named it Бабушка', 'en').language).toBe('en');
    expect(classify('Where is my order?', 'ru').language).toBe('en');
    expect(classify('Где заказ? Stone kettle, order HC-20418', 'ru').language).toBe('ru');
    expect(classify('🙂', 'de').language).toBe('de');
  });

  it('tells a word of feeling from a word that only begins like one', () => {
    expect(['люблю', 'любимый', 'любовь', 'чудо'].map(valence)).toEqual([1, 1, 1, 1]);
    expect(['любой', 'любая', 'чудом'].map(valence)).toEqual([0, 0, 0]);
    expect(valence('чудовищно')).toBeLessThan(0);
    expect(classify('Обслуживание чудовищное').intents).toEqual(['complaint']);
  });

  it('treats Russian word forms as one word', () => {
    expect(new Set(['заказ', 'заказа', 'заказом', 'заказу'].map(stem))).toEqual(new Set(['заказ']));
  });

  it('picks out order numbers and quoted product names as evidence', () => {
    const reading = classify('Where is order #48213? The «Brio» machine was for a gift');
    expect(reading.evidence).toEqual(expect.arrayContaining(['order number: 48213', 'product: Brio']));
  });

  it('puts angry posts before calm ones', () => {
    expect(classify('WORST SERVICE EVER, my kettle is broken!!! fix it today').urgency).toBeGreaterThan(
      classify('Do you ship to Norway?').urgency + 0.4,
    );
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

  // A floor under the measured figures (0.83 and 0.74), so that a change that makes the reading
  // worse on unseen posts fails here; the held-out set is never used to choose a rule.
  it('keeps its figures on posts it was not written against', () => {
    const result = evaluate(loadEvalSet('heldout'));
    expect(result.posts).toBeGreaterThanOrEqual(260);
    expect(result.sentiment.macroF1).toBeGreaterThanOrEqual(0.8);
    expect(result.intents.macroF1).toBeGreaterThanOrEqual(0.7);
  });

  it('is helped by the learned reader where the rules are silent, on posts the reader was not trained on', () => {
    const posts = loadEvalSet('posts');
    const [best] = crossValidate(posts, [LEARNED.sentiment]);
    const rules = evaluate(posts, (post) => classify(post.text, undefined, null));
    expect(best!.sentimentF1).toBeGreaterThan(rules.sentiment.macroF1);
  });

  it('ships a learned reader trained on the current development posts (npm run train)', () => {
    expect(trainReadingModel(loadEvalSet('posts'))).toEqual(LEARNED.model);
  });
});

describe('reading what customers describe', () => {
  it.each([
    ['been on hold for an hour and the line went dead', 'negative', ['complaint']],
    ['Полчаса жду ответа в чате, ни ответа, ни привета', 'negative', ['complaint']],
    ['lid handle fell off the first week. great quality guys', 'negative', ['complaint']],
    ['Ручка отвалилась через неделю. Качество на высоте, спасибо', 'negative', ['complaint']],
    ['Thank you for replacing my broken kettle so fast!', 'positive', ['praise']],
    ['still no refund and no reply', 'negative', ['return_refund']],
    ['The colour is lovely but it chipped on day two', 'negative', ['complaint']],
    ['Seriously?? Third time you sent the wrong size', 'negative', ['complaint']],
    ['Не могу нарадоваться новой сковороде', 'positive', ['praise']],
    ['Сколько стоит большая кастрюля?', 'neutral', ['question', 'purchase_intent']],
  ] as const)('%s', (text, sentiment, intents) => {
    const reading = classify(text);
    expect(reading.sentiment).toBe(sentiment);
    expect(reading.intents.toSorted()).toEqual([...intents].sort());
  });

  it('says which words show the problem', () => {
    expect(classify('my order came with chips on the rim').evidence).toContain('defect: "with chips"');
  });

  it('reads a word inside another word as nothing: "термокружка" holds no "мокр"', () => {
    expect(classify('Купила термокружку на новую работу').sentiment).not.toBe('negative');
  });

  it('reads "не" only as a word: "Мне пришёл" is not "не пришёл"', () => {
    expect(classify('Мне пришёл не тот цвет кофемашины').intents).toEqual(['complaint']);
    expect(classify('Мне пришла посылка, спасибо!').intents).not.toContain('order_status');
    expect(classify('Посылка так и не пришла').intents).toContain('order_status');
    expect(classify('Заказ не пришёл').intents).toContain('order_status');
    expect(classify('Доставкой мне было удобно пользоваться').intents).not.toContain('order_status');
    expect(classify('Мне тот размер как раз').intents).not.toContain('complaint');
    expect(classify('Доставки не было три дня').intents).toContain('order_status');
    expect(classify('Прислали не тот размер').intents).toContain('complaint');
  });

  it('reads a cancellation done to the customer as a complaint, and asking for one as not', () => {
    const done = classify('You cancelled my order without asking!');
    expect(done.intents).toContain('complaint');
    expect(done.sentiment).toBe('negative');
    expect(classify('Can I cancel my order?').intents).not.toContain('complaint');
  });

  it('lets the learned reader speak only where the rules are silent, and says so', () => {
    const rulesOnly = classify('Cheers', undefined, null);
    expect(rulesOnly.evidence.some((e) => e.startsWith('learned'))).toBe(false);
    const loud = classify('WORST SERVICE EVER, my kettle is broken!!!');
    expect(loud.evidence.some((e) => e.startsWith('learned'))).toBe(false);
  });
});
