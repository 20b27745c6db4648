import { describe, expect, it } from 'vitest';
import { newCustomer } from '../db/customers';
import { SAMPLE_CUSTOMERS } from '../db/sample';
import { DEFAULT_TEMPLATES } from './defaults';
import { privateDetails } from './privacy';
import type { Customer } from '../db/types';
import { suggestFor, type ThreadPost } from './index';
import { privateInvite, replyLanguage } from './suggest';
import { render, variablesOf } from './template';
import { deletedShipped, exportTemplates, fingerprint, shownName, teamTemplates } from './templates-io';
import { KNOWN_VARIABLES } from './values';

describe('render', () => {
  it('fills variables and takes the first alternative that has a value', () => {
    const out = render('Hi {{customer.firstName | author.name | "there"}}, {{brand.name | "us"}}', {
      'author.name': 'Kettle Fan',
      'brand.name': '',
    });
    expect(out).toEqual({ text: 'Hi Kettle Fan, us', missing: [], errors: [] });
  });

  it('reports what is missing and leaves no stray spaces', () => {
    const out = render('Thanks {{customer.firstName}} !', {});
    expect(out.text).toBe('Thanks!');
    expect(out.missing).toEqual(['customer.firstName']);
  });

  it('reports unknown and malformed variables and still renders the rest', () => {
    const out = render(
      'A {{customer.shoeSize}} B {{ 1bad }} C {{agent.name}} D {{ open',
      { 'agent.name': 'Sam' },
      KNOWN_VARIABLES,
    );
    expect(out.text).toBe('A B C Sam D {{ open');
    expect(out.errors).toHaveLength(3);
    expect(out.errors[0]).toContain('unknown variable "customer.shoeSize"');
    expect(out.errors[1]).toContain('"1bad"');
    expect(out.errors[2]).toContain('without "}}"');
  });

  it('never evaluates anything: values are inserted as they are', () => {
    const out = render('{{author.name}}', { 'author.name': '<img src=x onerror=alert(1)> {{agent.name}}' });
    expect(out.text).toBe('<img src=x onerror=alert(1)> {{agent.name}}');
  });

  it('lists a template’s variables', () => {
    expect(variablesOf('{{a.b | "x"}} {{c.d}}')).toEqual(['a.b', 'c.d']);
  });

  it('uses only known variables in the default templates', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(render(t.body, {}, KNOWN_VARIABLES).errors, t.id).toEqual([]);
    }
  });
});

describe('suggestions grounded in the post, the thread and the profile', () => {
  const [lorenaDraft, alisaDraft, tomasDraft, meiDraft, dmitriDraft] = SAMPLE_CUSTOMERS;
  const lorena = newCustomer(lorenaDraft!);
  const alisa = newCustomer(alisaDraft!);
  const tomas = newCustomer(tomasDraft!);
  const mei = newCustomer(meiDraft!);
  const dmitri = newCustomer(dmitriDraft!);
  const settings = { agentName: 'Sam', brandName: 'Hearth & Co.', brandHandles: ['hearthandco'] };
  const author = (displayName: string, handle = 'someone') => ({ handle, displayName, profileUrl: '' });
  const now = Date.parse('2026-11-21T00:00:00Z');
  const suggest = (
    text: string,
    customer: Customer | null,
    options: { lang?: string; name?: string; thread?: ThreadPost[] } = {},
  ) =>
    suggestFor({
      post: {
        author: author(options.name ?? customer?.name ?? 'Jo Stranger', 'customer'),
        lang: options.lang,
        text,
      },
      thread: options.thread ?? [],
      customer,
      settings,
      now,
    });
  const texts = (out: { text: string }[]) => out.map((s) => s.text).join('\n');

  it('names the item the post is about, from whichever order holds it, and why', () => {
    const out = suggest('The lid of my stone kettle cracked after a week', tomas);
    expect(out[0]?.text).toBe(
      'Hi Tomás, I’m so sorry the Stone kettle is giving you trouble. We’ll put it right, with a replacement or a refund, whichever suits you. Could you send us a direct message with a photo if you can? — Sam',
    );
    expect(out[0]?.reasons[0]).toEqual({ kind: 'product', item: 'Stone kettle', orderId: 'HC-21102' });
    // An item from an older order is named, not the latest order's.
    const older = suggest('The ceramic knives are already blunt, disappointed', lorena);
    expect(older[0]?.text).toContain('Ceramic knife set');
    expect(texts(older)).not.toContain('microwave');
  });

  it('finds an item named in the other language by what kind of thing it is', () => {
    // His fridge is "Холодильник NordFrost" in the shop's records; he writes in English.
    const fridge = suggest('Long story about my fridge. The door seal came off after a week', dmitri);
    expect(fridge[0]?.reasons[0]).toEqual({
      kind: 'product',
      item: 'Холодильник NordFrost',
      orderId: 'HC-7702',
    });
    const microwave = suggest('Микроволновка перестала греть, очень расстроена', lorena);
    expect(microwave[0]?.reasons[0]).toEqual({
      kind: 'product',
      item: 'Built-in microwave BM-60',
      orderId: 'HC-20418',
    });
    // Scissors are not the knife set, a cold drink is not the fridge, a cast-iron pot no iron.
    for (const [text, customer] of [
      ['Ножницы тупые, разочарована', lorena],
      ['Холодный чай в кафе был ужасен', dmitri],
      [
        'My iron stopped working',
        newCustomer({
          ...tomasDraft!,
          orders: [{ ...tomasDraft!.orders![0]!, items: [{ name: 'Cast-iron teapot', quantity: 1 }] }],
        }),
      ],
    ] as const)
      expect(
        suggest(text, customer)
          .flatMap((s) => s.reasons)
          .map((r) => r.kind),
        text,
      ).not.toContain('product');
  });

  it('names no product when the post names none of the customer’s items', () => {
    const out = suggest('The lid of my kettle cracked', lorena);
    expect(texts(out)).not.toMatch(/microwave|knife/i);
    // She is known, with orders: the apology asks what happened, not for a number.
    expect(out[0]?.templateId).toBe('en-complaint-known');
    expect(texts(out)).not.toMatch(/order number/);
    expect(suggest('The lid of my kettle cracked', null)[0]?.templateId).toBe('en-complaint');
    const unnamed = suggest("Can I return this? It's not what I expected", mei);
    expect(unnamed[0]?.templateId).toBe('en-refund-known');
    expect(unnamed[0]?.text).toContain('just send us a direct message saying which item it is');
    expect(unnamed[0]?.reasons[0]).toEqual({ kind: 'knownOrders' });
    expect(suggest('С меня дважды списали деньги за заказ', alisa)[0]?.text).toContain('номер не нужен');
    expect(texts(suggest('Хочу вернуть, не подошло', alisa))).not.toMatch(/номер заказа/);
  });

  it('uses the order number given in the thread instead of asking for it again', () => {
    const thread = [
      { author: { handle: 'hearthandco' }, text: 'So sorry! Could you share your order number?' },
      { author: { handle: 'customer' }, text: 'Done, it’s HC-20418' },
    ];
    const out = suggest('My microwave stopped heating', lorena, { thread });
    expect(out[0]?.text).toContain('I found order HC-20418');
    expect(out[0]?.reasons).toContainEqual({ kind: 'given', what: 'order', value: 'HC-20418' });
    expect(texts(out)).not.toMatch(/order number\?|with your order number/);
    // The brand already asked for a private message: the invitation is not repeated.
    const asked = suggest('Still broken', lorena, {
      thread: [{ author: { handle: 'hearthandco' }, text: 'Please send us a DM and we will help' }],
    });
    expect(asked.map((s) => s.templateId)).not.toContain('en-dm-invite');
  });

  it('takes an order linked by its own page as given, and no other link', () => {
    // The demo's X post: the order is in the link to its page on the brand's site.
    const post =
      'My microwave from @hearthandco stopped heating after two weeks 😡 order details: https://hearthandco.example/orders/HC-20418 #fail';
    const out = suggest(post, lorena);
    expect(out[0]?.templateId).toBe('en-complaint-item-found');
    expect(out[0]?.text).toContain('I found order HC-20418');
    expect(texts(out)).not.toMatch(/your order number/);
    // A microwave that stopped heating is not answered with its delivery status.
    expect(out.map((s) => s.templateId)).toEqual(['en-complaint-item-found', 'en-dm-invite']);
    const ru = suggest('Микроволновка перестала греть через две недели, заказ HC-20418', lorena);
    expect(ru.map((s) => s.templateId)).toEqual(['ru-complaint-item-found', 'ru-dm-invite']);
    for (const link of ['shop.example/account?order_id=20418', 'https://shop.example/zakaz/7001/']) {
      expect(suggest(`Still broken, see ${link}`, lorena)[0]?.reasons).toContainEqual({
        kind: 'given',
        what: 'order',
        value: link.includes('7001') ? '7001' : '20418',
      });
    }
    // A product page or a photo names no order.
    for (const link of ['https://shop.example/products/HC-20418', 'photos.example/orders-2026/IMG-4410.jpg'])
      expect(suggest(`My microwave stopped heating ${link}`, lorena)[0]?.templateId).toBe(
        'en-complaint-item',
      );
  });

  it('the demo’s Facebook thread: a cracked lid, the order number already given, the brand already asked', () => {
    const thread = [
      {
        author: { handle: 'hearthandco' },
        text: 'So sorry, Lorena! Could you send us a message with your order number?',
      },
      { author: { handle: 'customer' }, text: "Done, it's HC-20418. Thanks!" },
    ];
    // A link's path ("photos.example/lid-123") is no order number.
    const out = suggest('Mine arrived with a cracked lid photo here: photos.example/lid-123', lorena, {
      thread,
    });
    expect(out[0]?.templateId).toBe('en-order-given');
    expect(out[0]?.text).toContain('order HC-20418');
    expect(texts(out)).not.toMatch(
      /microwave|order number\?|with your order number|send us a direct message with/i,
    );
    const tomasPost = suggest(
      'My two stone kettles are still not here and the tracking page has not moved since Monday',
      tomas,
    );
    expect(tomasPost[0]?.text).toMatch(
      /^Hi Tomás, I’ve checked the order with your Stone kettle, placed on November 15/,
    );
    expect(tomasPost[0]?.reasons[0]).toEqual({ kind: 'product', item: 'Stone kettle', orderId: 'HC-21102' });
  });

  it('thanks praise, in English and in Russian, without promising to look into it', () => {
    const en = suggest('Love my new teapot, thank you so much!', mei);
    expect(en[0]?.templateId).toBe('en-praise-item');
    expect(en[0]?.text).toContain('Cast-iron teapot');
    expect(texts(en)).not.toMatch(/on it|get back to you/);
    const ru = suggest('Кофемашина просто чудо, спасибо за быструю доставку!', alisa);
    expect(ru[0]?.templateId).toBe('ru-praise-item');
    expect(ru[0]?.text).toMatch(/^Алиса, большое спасибо! Очень рады, что «Кофемашина Brio»/);
    expect(texts(ru)).not.toMatch(/разбираемся/);
  });

  it('helps with a buying question instead of congratulating, even for a customer with no orders', () => {
    const out = suggest('Is this one any good? Thinking of buying it for the new flat', null);
    expect(out[0]?.templateId).toBe('en-buying-help');
    expect(texts(out)).not.toMatch(/Congratulations/);
    // Mei likes a parcel locker: the help says so, and nothing thanks her for a patience she never needed.
    const known = suggest('Is this one any good? Thinking of buying it for the new flat', mei);
    expect(known[0]?.text).toBe(
      'Hi Mei, happy to help you choose! Tell us what matters most to you (size, budget or a particular feature) and we’ll suggest the one that fits; we’ll deliver it by parcel locker, as usual. — Sam',
    );
    expect(texts(known)).not.toMatch(/patience|Congratulations/);
  });

  it('writes a Russian item name so that the reply stays grammatical, and an English reply uses the customer’s word', () => {
    // The name stays as the order spells it, in quotes after a noun that takes the case.
    expect(suggest('Кофемашина просто чудо, спасибо!', alisa)[0]?.text).toBe(
      'Алиса, большое спасибо! Очень рады, что «Кофемашина Brio» вам нравится. Если что-то понадобится, мы всегда на связи. — Sam',
    );
    expect(suggest('Холодильник течёт, третий день жду мастера', dmitri)[0]?.text).toMatch(
      /^Дмитрий, очень жаль, что с товаром «Холодильник NordFrost» возникли сложности\./,
    );
    const english = suggest('Long story about my fridge. The door seal came off after a week', dmitri);
    expect(english[0]?.text).toMatch(/^Hi Dmitriy, I’m so sorry the fridge is giving you trouble\./);
    expect(english[0]?.reasons[0]).toEqual({
      kind: 'product',
      item: 'Холодильник NordFrost',
      orderId: 'HC-7702',
    });
  });

  it('answers where a parcel is with that order’s status and date, not as a faulty product', () => {
    const out = suggest('Where is my parcel?', tomas);
    expect(out[0]?.text).toBe(
      'Hi Tomás, I’ve checked your order placed on November 15: its status is “shipped”. If that doesn’t match what you see, send us a direct message and we’ll chase it with the courier today. — Sam',
    );
    expect(out[0]?.reasons[0]).toEqual({ kind: 'status', orderId: 'HC-21102', status: 'shipped' });
    expect(texts(out)).not.toMatch(/trouble|sorry the/);
    const ru = suggest('Где мой заказ? Жду уже неделю', alisa);
    expect(ru[0]?.text).toContain('проверили ваш заказ от 10 ноября: его статус — «отправлен»');
  });

  it('says an order’s status in the reply’s words, and finds the order when it cannot', () => {
    const withStatus = (status: string) => ({ ...tomas, orders: [{ ...tomas.orders[0]!, status }] });
    // Bitrix24's own status, for an English reply: in English words.
    expect(suggest('Where is my parcel?', withStatus('Принят, ожидается оплата'))[0]?.text).toContain(
      'its status is “received, awaiting payment”',
    );
    expect(suggest('Where is my parcel?', withStatus('wc-on-hold'))[0]?.text).toContain(
      'its status is “on hold”',
    );
    expect(suggest('Где мой заказ?', withStatus('Partially_Fulfilled'))[0]?.text).toContain(
      'его статус — «отправлен частично»',
    );
    // A status the reply cannot say (another alphabet, a code) is never quoted: the order is found instead.
    for (const [text, status, expected] of [
      [
        'Where is my parcel?',
        'Ждёт курьера СДЭК',
        'Hi Tomás, I’ve found your order HC-21102, placed on November 15.',
      ],
      ['Где мой заказ?', 'awaiting_courier', 'нашли ваш заказ HC-21102 от 15 ноября.'],
      ['Where is my parcel?', 'F', 'Hi Tomás, I’ve found your order HC-21102, placed on November 15.'],
      [
        'Where is my stone kettle?',
        '',
        'I’ve found your order HC-21102 with the Stone kettle, placed on November 15.',
      ],
    ]) {
      const out = suggest(text!, withStatus(status!));
      expect(out[0]?.text, status).toContain(expected);
      expect(texts(out), status).not.toMatch(/status is|статус —|courier today/);
    }
  });

  it('takes an item back when asked, naming it and its order, never as a faulty product', () => {
    const notExpected = suggest("I want to return the teapot, it's not what I expected", mei);
    expect(notExpected[0]?.templateId).toBe('en-return-item');
    expect(notExpected[0]?.text).toBe(
      'Hi Mei, sorry the Cast-iron teapot didn’t work out. It can come back to us from order HC-18830, for a refund or an exchange, whichever you prefer; I’ll send you a direct message with how to return it. — Sam',
    );
    expect(notExpected[0]?.reasons[0]).toEqual({
      kind: 'product',
      item: 'Cast-iron teapot',
      orderId: 'HC-18830',
    });
    // Her order is known: no suggestion asks for its number.
    expect(texts(notExpected)).not.toMatch(/order number/);
    for (const text of [
      'How do I return the teapot? Not quite my style',
      'Can I get a refund for the teapot?',
    ]) {
      const out = suggest(text, mei);
      expect(out[0]?.templateId, text).toBe('en-return-item');
      // Its order is known: nobody is asked for the number, nor told the teapot is faulty.
      expect(texts(out), text).not.toMatch(/order number|giving you trouble/);
    }
    const russian = suggest('Хочу вернуть кофемашину, не подошла', alisa);
    expect(russian[0]?.text).toBe(
      'Алиса, жаль, что с товаром «Кофемашина Brio» не сложилось. Его можно вернуть по заказу HC-7781 — вернём деньги или обменяем, как вам удобнее. Напишу вам в личные сообщения, как его отправить. — Sam',
    );
    expect(texts(russian)).not.toMatch(/номер заказа|сложности/);
    // A stranger's order is not known: they are asked for it, by the template for returns.
    expect(suggest('How do I return something I bought last week?', null)[0]?.templateId).toBe('en-refund');
    expect(suggest('Как оформить возврат?', null)[0]?.templateId).toBe('ru-refund');
    // Asked beside a complaint, the return is what is answered, with an apology, not the apology alone.
    for (const text of [
      "Can I return this? It's not what I expected",
      'How do I get a refund for a broken kettle?',
    ]) {
      const out = suggest(text, null);
      expect(out[0]?.templateId, text).toBe('en-refund');
      expect(out[0]?.text, text).toMatch(/^Hi Jo, sorry it didn’t work out\. We can sort out a return/);
    }
    expect(suggest('Верните деньги, чайник сломался через неделю!', null)[0]?.templateId).toBe('ru-refund');
    // A broken item with no return asked for is still met with an apology.
    expect(suggest('The lid of my stone kettle cracked after a week', tomas)[0]?.templateId).toBe(
      'en-complaint-item',
    );
  });

  it('says a preference in the reply’s language, or leaves it out rather than quote another alphabet', () => {
    // Mei's profile says "parcel locker"; she asks in Russian.
    const russian = suggest('Думаю купить ещё кружку, она хорошая?', mei);
    expect(russian[0]?.text).toContain('Доставим, как обычно: постамат.');
    expect(texts(russian)).not.toContain('parcel locker');
    // Alisa's says "самовывоз" (no known English for it here); she asks in English.
    const english = suggest('Thinking of buying the grinder too, is it good?', alisa);
    expect(english.length).toBeGreaterThan(0);
    expect(texts(english)).not.toMatch(/[а-яё]/i);
  });

  it('answers what a question asks for, not the question in general', () => {
    const how = suggest('How do I return something I bought last week?', null);
    expect(how[0]?.templateId).toBe('en-refund');
    expect(how.map((s) => s.templateId)).not.toContain('en-answer-question');
    // A buying question is not offered a return.
    expect(texts(suggest('Thinking of buying the grinder too, is it good?', alisa))).not.toMatch(/return/);
    // A question with nothing more particular in it is still answered as one.
    expect(suggest('Is the enamel pot dishwasher safe?', tomas)[0]?.templateId).toBe('en-answer-question');
  });

  it('puts the template written for what the post asks before the catch-all invitation', () => {
    const ids = (text: string) => suggest(text, null).map((s) => s.templateId);
    expect(ids('Where is my parcel? Ordered two weeks ago')[0]).toBe('en-find-order');
    expect(ids('Где моя посылка? Заказывала две недели назад')[0]).toBe('ru-find-order');
    const stranger = ids("I want to return the teapot, it's not what I expected");
    expect(stranger.indexOf('en-refund')).toBeGreaterThanOrEqual(0);
    expect(stranger.indexOf('en-refund')).toBeLessThan(stranger.indexOf('en-dm-invite'));
  });

  it('cancels an order when asked, with its number when known, and never answers with its status', () => {
    const ids = (text: string, customer: Customer | null) => suggest(text, customer).map((s) => s.templateId);
    expect(ids('Can I cancel my order? I ordered the wrong colour', tomas)[0]).toBe('en-cancel-known');
    expect(ids('Can I cancel my order? I ordered the wrong colour', null)[0]).toBe('en-cancel');
    expect(ids('How do I cancel?', null)[0]).toBe('en-cancel');
    const given = suggest('Please cancel order HC-21102, I changed my mind', tomas);
    expect(given[0]?.text).toBe(
      'Hi Tomás, I have order HC-21102 here and I’m asking the warehouse to stop it now; I’ll message you privately to confirm. If it has already left us, we’ll arrange a free return instead. — Sam',
    );
    expect(ids('Можно отменить заказ? Передумала', alisa)[0]).toBe('ru-cancel-known');
    expect(ids('Можно отменить заказ? Передумала', null)[0]).toBe('ru-cancel');
    const russian = ids('Отмените заказ HC-7781, пожалуйста', alisa);
    expect(russian[0]).toBe('ru-cancel-order');
    expect(russian).not.toContain('ru-order-status');
    // Telling of a cancellation is not asking for one.
    const done = ids('You cancelled my order without asking!', lorena);
    expect(done).not.toContain('en-cancel-order');
    expect(done[0]).toBe('en-complaint-known');
    expect(ids('Where is my parcel? Ordered two weeks ago', tomas)).not.toContain('en-cancel');
  });

  it('changes an address and answers when something is back, as asked, in English and Russian', () => {
    const ids = (text: string, customer: Customer | null) => suggest(text, customer).map((s) => s.templateId);
    // A known customer's latest order is the one to send elsewhere; the address is asked in private.
    const moved = suggest('Can I change the delivery address for my order?', tomas);
    expect(moved[0]?.text).toBe(
      'Hi Tomás, I have order HC-21102 here. If it hasn’t left us yet we’ll change the address at once, and if it has, we’ll ask the courier to redirect it. Please send the new address in a direct message, not here in public. — Sam',
    );
    expect(moved[0]?.reasons[0]).toEqual({ kind: 'latestOrder', orderId: 'HC-21102' });
    expect(ids('I put the wrong address on my order, help', null)[0]).toBe('en-address');
    expect(suggest('Как поменять адрес доставки?', alisa)[0]?.text).toContain(
      'заказ HC-7781 у нас перед глазами',
    );
    expect(ids('Можно отправить на другой адрес?', null)[0]).toBe('ru-address');
    // A courier who went to the wrong address is a complaint about delivery, not a request to change it.
    expect(ids('The courier delivered it to the wrong address!', tomas)).not.toContain('en-address-order');
    // Stock: the item they own is named; a stranger's is not guessed.
    expect(suggest('Is the stone kettle in stock again?', tomas)[0]?.text).toBe(
      'Hi Tomás, I’m checking with the warehouse when the Stone kettle is back in stock, and I’ll reply here as soon as I know. — Sam',
    );
    expect(ids('When will the blue mugs be back in stock?', null)[0]).toBe('en-stock');
    expect(ids('Когда будет в наличии кофемашина Brio?', null)[0]).toBe('ru-stock');
    expect(suggest('Кофемашина Brio снова появится?', alisa)[0]?.text).toContain(
      'когда «Кофемашина Brio» снова будет в наличии',
    );
    // Which colours or sizes: checked, never guessed, and before help to choose.
    expect(
      suggest('Подскажите, чайник Stone kettle есть в белом цвете? Хочу купить маме', null)[0]?.text,
    ).toBe(
      'Здравствуйте, хороший вопрос! Уточняем, в каких цветах и размерах этот товар сейчас есть, и ответим здесь совсем скоро. — Sam',
    );
    // Which colours or sizes, and delivery asked before buying: checked, not "help to choose".
    const asked: [string, string[]][] = [
      [
        'en-variant',
        [
          'Do you have the enamel mug in navy?',
          'Does it come in a bigger size?',
          'What colours does the kettle come in?',
        ],
      ],
      [
        'ru-variant',
        ['А есть ли этот чайник в другом цвете?', 'Какие есть размеры у пледа?', 'Бывает в сером?'],
      ],
      [
        'en-shipping',
        ['Do you ship to Canada?', 'How much is delivery to Kazan?', 'How long does shipping take?'],
      ],
      [
        'ru-shipping',
        ['Сколько стоит доставка в Казань?', 'Вы доставляете в Минск?', 'Есть доставка по области?'],
      ],
    ];
    for (const [id, questions] of asked)
      for (const text of questions) expect(ids(text, null)[0], text).toBe(id);
    // A late parcel is not such a question.
    for (const text of ['Where is my delivery? Paid for express shipping!', 'Доставка опять задерживается'])
      expect(ids(text, tomas), text).not.toContain(text.startsWith('W') ? 'en-shipping' : 'ru-shipping');
    // None is offered where nothing of the kind was asked; a wrong colour sent is a complaint.
    expect(ids('Where is my parcel?', tomas).some((id) => /address|stock|variant/.test(id))).toBe(false);
    for (const text of [
      'I ordered white and got a black one!',
      'It came in the wrong size',
      'Do you have this in stock?',
    ])
      expect(ids(text, tomas), text).not.toContain('en-variant');
  });

  it('answers a complaint of the delivery as one, not as a fault of the item it names', () => {
    // The #24 defect again: "a late parcel is treated as a faulty product".
    const slow = suggest('The kettle is amazing but the delivery took forever', tomas);
    expect(slow[0]?.templateId).toBe('en-complaint-delivery');
    expect(texts(slow)).not.toContain('giving you trouble');
    expect(suggest('Кофемашина супер, но доставка долгая', alisa)[0]?.templateId).toBe(
      'ru-complaint-delivery',
    );
    expect(suggest('Курьер не позвонил, оставил коробку у двери', alisa)[0]?.templateId).toBe(
      'ru-complaint-delivery',
    );
    // Broken on the way is the item's matter: a replacement or a refund.
    expect(suggest('My kettle arrived damaged, the box was crushed', tomas)[0]?.templateId).toBe(
      'en-complaint-item',
    );
    expect(suggest('Кофемашина пришла разбитая, коробка помята', alisa)[0]?.templateId).toBe(
      'ru-complaint-item',
    );
  });

  it('answers a customer nobody answered by owning the wait, unless they say what for', () => {
    expect(suggest('hello??? anyone there? 3rd time asking', tomas)[0]?.templateId).toBe(
      'en-complaint-waiting',
    );
    expect(suggest('Третий раз пишу, никто не отвечает!', alisa)[0]?.templateId).toBe('ru-complaint-waiting');
    // Said what for, it is answered for that.
    expect(suggest('Third time asking: where is my refund?', tomas)[0]?.templateId).not.toBe(
      'en-complaint-waiting',
    );
  });

  it('reads the thread: what the brand already said or asked is not said again', () => {
    const brand = (text: string) => ({ author: { handle: 'hearthandco' }, text });
    const own = (text: string) => ({ author: { handle: 'customer' }, text });
    // Asked for a photo in private, and sent it: thanked, not asked again.
    const photo = suggest('My kettle lid cracked', tomas, {
      thread: [brand('So sorry to hear that! Could you DM us a photo?'), own('Sent you the photo in DM')],
    });
    expect(photo[0]?.templateId).toBe('en-private-received');
    expect(texts(photo)).not.toMatch(/send us a direct message/);
    expect(
      suggest('Кофемашина сломалась', alisa, {
        thread: [brand('Напишите нам в личные сообщения'), own('Написала вам в личку')],
      })[0]?.templateId,
    ).toBe('ru-private-received');
    expect(
      suggest('My kettle lid cracked', tomas, { thread: [brand('So sorry! Could you DM us a photo?')] })[0]
        ?.templateId,
    ).toBe('en-private-waiting');
    // Told where the parcel is, and it still has not come: traced, not told its status again.
    const late = suggest('Where is my parcel?', tomas, {
      thread: [
        brand('Hi Tomás, it shipped on 15 November and should arrive by Friday.'),
        own('Saturday now, nothing'),
      ],
    });
    expect(late[0]?.templateId).toBe('en-order-chase');
    expect(texts(late)).not.toMatch(/its status is/);
    const lateRu = suggest('Где мой заказ?', alisa, {
      thread: [
        brand('Алиса, заказ отправлен 10 ноября, придёт в пятницу.'),
        own('Пятница прошла, ничего нет'),
      ],
    });
    expect(lateRu[0]?.templateId).toBe('ru-order-chase');
    expect(texts(lateRu)).not.toMatch(/его статус/);
    // A refund already started is followed up, not offered again.
    const refund = suggest('Refund please, the knives are blunt', lorena, {
      thread: [
        brand('Sorry Lorena! We have started your refund, it takes 3-5 days.'),
        own('how long exactly?'),
      ],
    });
    expect(refund[0]?.templateId).toBe('en-refund-follow-up');
    expect(texts(refund)).not.toMatch(/can come back to us|sort out a return/);
    expect(
      suggest('Хочу вернуть деньги за чайник', alisa, {
        thread: [brand('Возврат оформлен, деньги придут за 5 дней')],
      })[0]?.templateId,
    ).toBe('ru-refund-follow-up');
    // An e-mail given in the thread is used, and never quoted back in public.
    const email = suggest('Where is my parcel?', null, {
      thread: [brand('Could you share your order number?'), own('my email is jo.s@example.com')],
    });
    expect(email[0]?.templateId).toBe('en-email-given');
    expect(texts(email)).not.toContain('jo.s@example.com');
    // Without a thread, none of these is offered.
    const alone = suggest('Where is my parcel?', tomas).map((s) => s.templateId);
    expect(alone.some((id) => /private-|chase|follow-up|email-given/.test(id))).toBe(false);
  });

  it('is gentle under a loss: nothing cheerful, nothing selling', () => {
    const out = suggest('Our dog passed away last week, please stop the dog food emails', lorena);
    expect(out[0]?.templateId).toBe('en-condolence');
    expect(out[0]?.reasons).toContainEqual({ kind: 'lifeEvent', event: 'pet_loss' });
    expect(out.some((s) => DEFAULT_TEMPLATES.find((t) => t.id === s.templateId)?.cheerful)).toBe(false);
    const ru = suggest('У нас умерла собака, отпишите нас от рассылки про корм', alisa);
    expect(ru[0]?.templateId).toBe('ru-condolence');
    // Nothing asks a grieving customer for an order number or says "not the experience we want".
    const cat = suggest('Мой кот умер вчера, простите, что пропала', alisa);
    expect(cat.map((s) => s.templateId)).toEqual(['ru-condolence']);
    // A problem with their order told beside the loss is still answered, about that order.
    const gift = suggest(
      'My mum passed away last week, and the kettle I ordered for her arrived cracked',
      tomas,
    );
    expect(gift.map((s) => s.templateId)).toEqual(['en-condolence', 'en-complaint-item']);
    expect(gift[1]?.text).toContain('Stone kettle');
  });

  it('congratulates on news that asks nothing', () => {
    expect(suggest('We just moved into our new flat!', lorena)[0]?.templateId).toBe('en-congrats');
  });

  it('greets by first name only, without emoji, in the reply’s alphabet', () => {
    expect(suggest('Where is my order?', null, { name: 'Lorena Willis🌿' })[0]?.text).toMatch(/^Hi Lorena,/);
    expect(suggest('Where is my order?', null, { name: 'Дмитрий Соколов' })[0]?.text).toMatch(/^Hi Dmitriy,/);
    // A Latin name in a Russian reply is left out rather than mangled.
    expect(suggest('Где мой заказ?', null, { name: 'Lorena Willis' })[0]?.text).toMatch(/^Здравствуйте,/);
    expect(suggest('🙂🙂', null, { name: '🌿🌿' })[0]?.text).toMatch(/^Hi there,/);
  });

  it('answers a Russian post in Russian, whatever language the profile says', () => {
    const out = suggest('Чайник потёк, что делать?', { ...tomas, language: 'en' });
    expect(out.every((s) => s.language === 'ru')).toBe(true);
    expect(out[0]?.text).toMatch(/^Tomás|^Здравствуйте/);
  });

  it('picks the reply language from post, script, then customer', () => {
    expect(replyLanguage({ lang: 'ru', text: '' }, null)).toBe('ru');
    expect(replyLanguage({ text: 'Привет' }, null)).toBe('ru');
    expect(replyLanguage({ lang: 'de', text: 'Hallo' }, lorena)).toBe('en');
    expect(replyLanguage({ text: '👍' }, { ...lorena, language: 'ru' })).toBe('ru');
    // The site's guess is set aside when the letters say otherwise: X tags some Russian posts "en".
    expect(replyLanguage({ lang: 'en', text: 'Хочу вернуть кофемашину, не подошла' }, lorena)).toBe('ru');
    // A Russian post names its product, and links, in Latin letters; an English one may quote Russian.
    expect(
      replyLanguage(
        { lang: 'en', text: 'Подскажите, Stone kettle есть в белом? https://hearthandco.example/p/1' },
        null,
      ),
    ).toBe('ru');
    expect(replyLanguage({ lang: 'en', text: 'Love my new samovar, we named it Бабушка' }, null)).toBe('en');
    expect(replyLanguage({ lang: 'ru', text: 'Where is my order?' }, null)).toBe('en');
    expect(
      replyLanguage({ lang: 'ru', text: 'Где заказ? https://hearthandco.example/orders/HC-1 thanks' }, null),
    ).toBe('ru');
    expect(replyLanguage({ lang: 'en', text: 'ok 👍 спасибо' }, null)).toBe('ru');
  });

  it('reads any text without failing and never renders a blank variable', () => {
    for (const text of ['', '🙂🙂🙂', 'x'.repeat(10_000), '{{customer.name}}', 'order #', 'HC-']) {
      for (const customer of [null, lorena, alisa]) {
        const out = suggest(text, customer);
        expect(out.length).toBeGreaterThan(0);
        for (const s of out) expect(s.text).not.toMatch(/\{\{|\s[,.!?]|“”|«»|\bthe\s+is\b/);
      }
    }
  });
});

describe('public-reply safety', () => {
  const lorena = newCustomer(SAMPLE_CUSTOMERS[0]!);

  it('finds order numbers, emails, phones, addresses and what the profile holds', () => {
    const found = privateDetails(
      'Hi Lorena, order HC-20418 ships to 12 Baker Street; we emailed lorena.willis@example.com and will call +1 555 0100 201.',
      lorena,
    );
    expect(found.map((d) => d.kind).toSorted()).toEqual(['address', 'email', 'order', 'phone']);
    expect(
      privateDetails('Заказ №48213 доставим по адресу ул. Ленина, д. 5', null).map((d) => d.kind),
    ).toEqual(['order', 'address', 'address']);
  });

  it('lets a reply repeat what the customer wrote in public, and nothing else', () => {
    const reply = 'Hi Lorena, thank you: I found order HC-20418 and will email lorena.willis@example.com.';
    expect(privateDetails(reply, lorena, ["Done, it's HC-20418"]).map((d) => d.kind)).toEqual(['email']);
  });

  it('passes a reply with nothing private in it', () => {
    expect(
      privateDetails('Hi Lorena, so sorry about this! Could you send us a direct message?', lorena),
    ).toEqual([]);
  });

  it('offers the private-message version in the reply language', () => {
    const post = { author: { handle: 'a', displayName: 'Алиса', profileUrl: '' }, text: 'Где заказ?' };
    expect(
      privateInvite(post, null, { agentName: '', brandName: '', brandHandles: [] }, DEFAULT_TEMPLATES)
        ?.templateId,
    ).toBe('ru-dm-invite');
  });
});

describe('stale profiles', () => {
  it('flags a profile not updated for the configured months, and not a fresh one', async () => {
    const { staleMonths } = await import('../settings');
    const now = Date.parse('2026-11-24T00:00:00Z');
    expect(staleMonths('2025-06-01T00:00:00Z', { staleAfterMonths: 12 }, now)).toBe(17);
    expect(staleMonths('2026-06-01T00:00:00Z', { staleAfterMonths: 12 }, now)).toBeNull();
    expect(staleMonths('2026-06-01T00:00:00Z', { staleAfterMonths: 3 }, now)).toBe(5);
  });
});

describe('the queue', () => {
  it('puts an unhappy VIP past the target before a calm question and a happy customer, and says why', async () => {
    const { priorityOf, inQueue } = await import('../queue/priority');
    const { classify } = await import('../reading/classify');
    const now = Date.parse('2026-11-24T12:00:00Z');
    const settings = { responseTargetHours: 24 };
    const vip = priorityOf(
      { createdAt: '2026-11-23T06:00:00Z', seenAt: '2026-11-24T11:00:00Z', status: 'open' },
      { tier: 'vip' },
      classify('WORST service, my kettle broke again!!!'),
      settings,
      now,
    );
    const question = priorityOf(
      { seenAt: '2026-11-24T11:00:00Z', status: 'open' },
      null,
      classify('Do you ship to Norway?'),
      settings,
      now,
    );
    const happy = priorityOf(
      { seenAt: '2026-11-24T11:00:00Z', status: 'open' },
      { tier: 'regular' },
      classify('Love my teapot, thank you!'),
      settings,
      now,
    );
    const answered = priorityOf(
      { seenAt: '2026-11-20T11:00:00Z', status: 'replied' },
      { tier: 'vip' },
      classify('WORST service!!!'),
      settings,
      now,
    );
    expect(vip.score).toBeGreaterThan(question.score);
    expect(question.score).toBeGreaterThanOrEqual(happy.score);
    expect(answered.score).toBeLessThan(happy.score);
    expect(vip.reasons).toEqual([
      { kind: 'negative' },
      { kind: 'complaint' },
      { kind: 'tier', tier: 'vip' },
      { kind: 'waiting', hours: 30, targetHours: 24, overdue: true },
    ]);
    expect(inQueue({ status: 'dismissed' }, now)).toBe(false);
    expect(inQueue({ status: 'open', snoozedUntil: '2026-11-24T13:00:00Z' }, now)).toBe(false);
    expect(inQueue({ status: 'open', snoozedUntil: '2026-11-24T11:00:00Z' }, now)).toBe(true);
  });
});

describe('team templates', () => {
  it('names every shipped template in the UI language, and an edited name as the team wrote it', () => {
    const byId = new Map(DEFAULT_TEMPLATES.map((t) => [t.id, t]));
    // The shipped set is in pairs: each English template has its Russian one, and back.
    for (const template of DEFAULT_TEMPLATES) {
      const pair = template.id.replace(/^(en|ru)-/, (_, l: string) => (l === 'en' ? 'ru-' : 'en-'));
      expect(byId.get(pair)?.language, template.id).toBe(template.language === 'en' ? 'ru' : 'en');
    }
    const praise = byId.get('en-praise')!;
    expect(shownName(praise, 'ru')).toEqual({ name: 'Поблагодарить за отзыв', language: 'ru' });
    expect(shownName(praise, 'en-GB')).toEqual({ name: 'Thank for praise', language: 'en' });
    expect(shownName(byId.get('ru-condolence')!, 'en_US')).toEqual({
      name: 'Gentle, for a hard time',
      language: 'en',
    });
    // A name the team changed, a template of the team's own, a UI language nothing ships in.
    expect(shownName({ ...praise, name: 'Спасибо (наш)' }, 'ru').name).toBe('Спасибо (наш)');
    expect(shownName({ id: 'en-ours', name: 'Ours', language: 'en' }, 'ru').name).toBe('Ours');
    expect(shownName(praise, 'de')).toEqual({ name: 'Thank for praise', language: 'en' });
  });

  it('finds what a template needs, reports broken tags, and round-trips through JSON', async () => {
    const { requiresOf, templateProblems, parseTemplates, saveTemplates } = await import('./templates-io');
    expect(
      requiresOf('Hi {{customer.firstName}}, your {{order.item | "order"}} by {{preference.delivery}}'),
    ).toEqual(['customer.firstName', 'preference.delivery']);
    expect(templateProblems('Hi {{customer.nmae}} and {{ not valid! }}')).toEqual([
      '{{customer.nmae}}: unknown variable "customer.nmae"',
      '{{ not valid! }}: "not valid!" is neither a variable nor a quoted text',
    ]);
    const parsed = parseTemplates(exportTemplates(DEFAULT_TEMPLATES));
    expect(parsed.ok && parsed.templates.map((t) => t.id)).toEqual(DEFAULT_TEMPLATES.map((t) => t.id));
    expect(
      parseTemplates(
        '{"format":"concierge-templates","version":1,"templates":[{"id":"x","name":"X","language":"en","intents":[],"tone":"warm","body":"{{nope}}"}]}',
      ),
    ).toEqual({ ok: false, problems: ['x: {{nope}}: unknown variable "nope"'] });
    expect(parseTemplates('[1,2]').ok).toBe(false);

    const { ConciergeDb } = await import('../db/schema');
    const database = new ConciergeDb(`templates-${crypto.randomUUID()}`);
    await saveTemplates(database, (table) => table.delete('x-none'));
    expect(await database.templates.count()).toBe(DEFAULT_TEMPLATES.length);
  });

  it('keeps what the team changed, and lets templates nobody edited follow new versions', async () => {
    const { ConciergeDb } = await import('../db/schema');
    const { mutate } = await import('../db/mutations');
    const database = new ConciergeDb(`templates-${crypto.randomUUID()}`);
    const shipped = (id: string) => DEFAULT_TEMPLATES.find((t) => t.id === id)!;
    const team = async () => teamTemplates(await database.templates.toArray());
    expect(await team()).toEqual(DEFAULT_TEMPLATES);

    await mutate('deleteTemplate', { id: 'en-thanks' }, database);
    const praise = {
      ...shipped('en-praise'),
      body: 'Thanks, {{greeting.name | "friend"}}! — {{agent.name}}',
    };
    await mutate('saveTemplate', { template: praise }, database);
    await mutate(
      'saveTemplate',
      { template: { ...shipped('en-praise'), id: 'own-1', name: 'Our own' } },
      database,
    );
    // As if the set had been made by an earlier version: older wording, one template not yet shipped.
    const older = { ...shipped('en-complaint'), body: 'Sorry! Send us your order number. — {{agent.name}}' };
    await database.templates.put({ ...older, shippedAs: fingerprint(older) });
    // A teammate's older copy of Concierge edits a row without knowing the mark: still an edit.
    await database.templates.update('en-refund', { body: 'Refunds: DM us. — {{agent.name}}' });
    await database.templates.delete('en-buying-help-delivery');

    const now = await team();
    const byId = new Map(now.map((t) => [t.id, t]));
    expect(byId.has('en-thanks')).toBe(false);
    expect(byId.get('en-praise')?.body).toBe(praise.body);
    expect(byId.get('own-1')?.name).toBe('Our own');
    expect(byId.get('en-complaint')).toEqual(shipped('en-complaint'));
    expect(byId.get('en-buying-help-delivery')).toEqual(shipped('en-buying-help-delivery'));
    expect(byId.get('en-refund')?.body).toBe('Refunds: DM us. — {{agent.name}}');
    expect(now).toHaveLength(DEFAULT_TEMPLATES.length);
    // Saved again unchanged, a shipped template still follows new versions.
    await mutate('saveTemplate', { template: shipped('en-refund') }, database);
    expect((await database.templates.get('en-refund'))?.shippedAs).toMatch(/^[0-9a-f]{8}$/);
    // Exported, the marks stay behind.
    expect(exportTemplates(now)).not.toMatch(/shippedAs|hidden/);
    // Restored, the deleted template and the shipped wording of the edited one come back.
    expect(deletedShipped(await database.templates.toArray()).map((t) => t.id)).toEqual(['en-thanks']);
    await mutate('restoreTemplates', { ids: ['en-thanks', 'en-praise', 'own-1'] }, database);
    expect(deletedShipped(await database.templates.toArray())).toEqual([]);
    const restored = new Map((await team()).map((t) => [t.id, t]));
    expect(restored.get('en-thanks')).toEqual(shipped('en-thanks'));
    expect(restored.get('en-praise')).toEqual(shipped('en-praise'));
    expect(restored.get('own-1')?.name).toBe('Our own');
  });

  it('reads a set kept before shipped templates were marked as it was, and marks it on the next change', async () => {
    const { ConciergeDb } = await import('../db/schema');
    const { mutate } = await import('../db/mutations');
    const database = new ConciergeDb(`templates-${crypto.randomUUID()}`);
    const old = DEFAULT_TEMPLATES.filter((t) => t.id !== 'en-congrats').map((t) =>
      t.id === 'en-complaint' ? { ...t, body: 'Our own apology. — {{agent.name}}' } : t,
    );
    await database.templates.bulkAdd(old.map((t) => ({ ...t })));
    const ids = async () => (await teamTemplates(await database.templates.toArray())).map((t) => t.id);
    // Missing from such a set, a shipped template was deleted; a changed one is the team's.
    expect(await ids()).not.toContain('en-congrats');
    expect(
      (await teamTemplates(await database.templates.toArray())).find((t) => t.id === 'en-complaint')?.body,
    ).toBe('Our own apology. — {{agent.name}}');
    await mutate('deleteTemplate', { id: 'own-none' }, database);
    expect(await ids()).not.toContain('en-congrats');
    expect((await database.templates.get('en-congrats'))?.hidden).toBe(true);
    expect((await database.templates.get('en-complaint'))?.shippedAs).toBe('');
    expect((await database.templates.get('en-praise'))?.shippedAs).toMatch(/^[0-9a-f]{8}$/);
  });

  it('ranks a template the agent chose and edited first the next time', async () => {
    const lorena = newCustomer(SAMPLE_CUSTOMERS[0]!);
    const input = {
      post: {
        author: { handle: 'lorenawillis', displayName: 'Lorena Willis', profileUrl: '' },
        lang: 'en',
        text: 'My microwave broke again',
      },
      thread: [],
      customer: lorena,
      settings: { agentName: 'Sam', brandName: 'Hearth & Co.', brandHandles: [] },
    };
    const before = suggestFor(input);
    const second = before[1]!.templateId;
    const after = suggestFor({
      ...input,
      learning: [
        {
          key: `${second}|complaint`,
          templateId: second,
          intent: 'complaint',
          picks: 0,
          edits: 1,
          lastUsedAt: '',
        },
      ],
    });
    expect(after[0]?.templateId).toBe(second);
    expect(after[0]?.reasons).toContainEqual({ kind: 'learned', uses: 1 });
  });
});

describe('response record', () => {
  const base = {
    site: 'x' as const,
    url: 'https://x.com/a/status/1',
    kind: 'post' as const,
    author: { handle: 'a', displayName: 'A', profileUrl: '' },
    authorKey: 'x:a',
    text: 'hi',
    replies: [],
    updatedAt: '',
  };
  const at = (h: number) => new Date(Date.parse('2026-11-24T00:00:00Z') + h * 3_600_000).toISOString();

  it('counts waiting and answered, the median first answer, and breaches of the target', async () => {
    const { responseStats } = await import('../queue/stats');
    const posts = [
      {
        ...base,
        key: 'x:1',
        postId: '1',
        createdAt: at(0),
        seenAt: at(0),
        status: 'replied' as const,
        respondedAt: at(2),
      },
      {
        ...base,
        key: 'x:2',
        postId: '2',
        createdAt: at(0),
        seenAt: at(0),
        status: 'replied' as const,
        respondedAt: at(30),
      },
      { ...base, key: 'x:3', postId: '3', createdAt: at(0), seenAt: at(1), status: 'open' as const },
      { ...base, key: 'x:4', postId: '4', seenAt: at(40), status: 'open' as const },
      { ...base, key: 'x:5', postId: '5', seenAt: at(0), status: 'dismissed' as const },
      // Answered without a time (the agent's Replied alone), and an answer timed before its post:
      // neither is a wait of 0 h.
      { ...base, key: 'x:6', postId: '6', createdAt: at(0), seenAt: at(0), status: 'replied' as const },
      {
        ...base,
        key: 'x:7',
        postId: '7',
        createdAt: at(10),
        seenAt: at(10),
        status: 'replied' as const,
        respondedAt: at(9),
      },
    ];
    expect(responseStats(posts, 24, Date.parse(at(41)))).toEqual({
      waiting: 2,
      waitUnknown: 1,
      answered: 4,
      untimed: 2,
      medianHours: 16,
      breaches: 2,
      bands: [0, 1, 0, 0, 1],
    });
  });

  it('marks a customer post answered when the brand replies on the page, once', async () => {
    const { ConciergeDb } = await import('../db/schema');
    const { recordSeen, recordReplies } = await import('../db/interactions');
    const database = new ConciergeDb(`record-${crypto.randomUUID()}`);
    const customerPost = {
      site: 'facebook' as const,
      id: '11',
      url: 'https://www.facebook.com/p/posts/1?comment_id=11',
      kind: 'comment' as const,
      author: { handle: 'jane', displayName: 'Jane', profileUrl: '' },
      text: 'Where is my order?',
      createdAt: at(0),
    };
    const brandReply = {
      ...customerPost,
      id: '12',
      kind: 'reply' as const,
      author: { handle: 'hearthandco', displayName: 'Hearth', profileUrl: '' },
      text: 'On its way!',
      inReplyTo: { id: '11' },
      createdAt: at(3),
    };
    await recordSeen(database, [customerPost, brandReply]);
    expect(await recordReplies(database, [brandReply], ['@HearthAndCo'])).toBe(1);
    expect(await database.interactions.get('facebook:11')).toMatchObject({
      status: 'replied',
      respondedAt: at(3),
    });
    expect(await recordReplies(database, [{ ...brandReply, createdAt: at(9) }], ['hearthandco'])).toBe(0);
    expect(
      await recordReplies(
        database,
        [{ ...brandReply, author: { ...brandReply.author, handle: 'stranger' } }],
        ['hearthandco'],
      ),
    ).toBe(0);
  });

  it('times a reply inserted through Concierge once the agent confirms it; Replied alone has no time', async () => {
    const { ConciergeDb } = await import('../db/schema');
    const { recordSeen } = await import('../db/interactions');
    const { mutate } = await import('../db/mutations');
    const { priorityOf } = await import('../queue/priority');
    const { classify } = await import('../reading/classify');
    const database = new ConciergeDb(`insert-${crypto.randomUUID()}`);
    const post = (id: string) => ({
      site: 'x' as const,
      id,
      url: `https://x.com/jane/status/${id}`,
      kind: 'post' as const,
      author: { handle: 'jane', displayName: 'Jane', profileUrl: '' },
      text: 'Where is my order?',
      createdAt: at(0),
    });
    await recordSeen(database, [post('31'), post('32')]);
    await mutate('recordReply', { key: 'x:31', text: 'On its way!' }, database);
    // Inserted is not sent: the post waits, marked as being answered, until it is confirmed.
    const inserted = (await database.interactions.get('x:31'))!;
    expect(inserted.status).toBe('open');
    const reasons = priorityOf(inserted, null, classify(inserted.text), { responseTargetHours: 24 }).reasons;
    expect(reasons).toContainEqual({ kind: 'inserted' });
    await mutate('markAnswered', { key: 'x:31' }, database);
    const confirmed = (await database.interactions.get('x:31'))!;
    expect(confirmed).toMatchObject({ status: 'replied', respondedAt: inserted.replies[0]!.at });
    await mutate('markAnswered', { key: 'x:32' }, database);
    expect((await database.interactions.get('x:32'))!.respondedAt).toBeUndefined();
  });

  it('counts replies by others in the thread, each once, and not the author answering themself', async () => {
    const { ConciergeDb } = await import('../db/schema');
    const { recordSeen, recordReplies } = await import('../db/interactions');
    const { priorityOf } = await import('../queue/priority');
    const database = new ConciergeDb(`thread-${crypto.randomUUID()}`);
    const post = {
      site: 'facebook' as const,
      id: '21',
      url: 'https://www.facebook.com/p/posts/1?comment_id=21',
      kind: 'comment' as const,
      author: { handle: 'jane', displayName: 'Jane', profileUrl: '' },
      text: 'My kettle leaks',
      createdAt: at(0),
    };
    const other = {
      ...post,
      id: '22',
      kind: 'reply' as const,
      author: { handle: 'sam', displayName: 'Sam', profileUrl: '' },
      text: 'Same here',
      inReplyTo: { id: '21' },
    };
    const self = { ...other, id: '23', author: post.author, text: 'Anyone?' };
    await recordSeen(database, [post]);
    await recordReplies(database, [other, self], ['hearthandco']);
    await recordReplies(database, [other], ['hearthandco']);
    const stored = (await database.interactions.get('facebook:21'))!;
    expect(stored).toMatchObject({ status: 'open', threadReplies: ['22'] });
    const reading = { sentiment: 'negative' as const, intents: ['complaint' as const], urgency: 0.6 };
    const settings = { responseTargetHours: 24 };
    const alone = priorityOf({ ...stored, threadReplies: [] }, null, reading, settings);
    const spoken = priorityOf(stored, null, reading, settings);
    expect(spoken.score).toBeLessThan(alone.score);
    expect(spoken.reasons).toContainEqual({ kind: 'thread', replies: 1 });
  });
});
