import type { LifeEventKind } from '../db/types';
import type { Intent } from '../reading/classify';

export interface ReplyTemplate {
  id: string;
  name: string;
  language: string;
  /** What the template answers: it ranks higher for posts with these intents. */
  intents: Intent[];
  tone: 'warm' | 'formal' | 'apologetic' | 'gentle';
  body: string;
  /** Offered only when these variables have values (no "your ." in a reply). */
  requires: string[];
  /**
   * Offered only when these have no value: a template that asks for the order number is not
   * offered once the customer gave it, nor one that invites to a DM once the brand did.
   */
  unless?: string[];
  /** Life events the template is written for (a move, a loss…): it ranks first for them. */
  lifeEvents?: LifeEventKind[];
  /** Upbeat or selling: never offered under a loss, an illness or a lost job, nor to an unhappy customer. */
  cheerful?: boolean;
  /**
   * In the team's own set (templates-io.ts): the fingerprint of the shipped wording a template
   * was kept with ('' once it is the team's own), and a shipped template the team deleted.
   */
  shippedAs?: string;
  hidden?: boolean;
}

const SIGN_EN = '{{agent.name | brand.name | "The support team"}}';
const SIGN_RU = '{{agent.name | brand.name | "Команда поддержки"}}';

/** Every intent but praise: for replies that another condition (`requires`) decides on. */
const ANY_REQUEST: ReplyTemplate['intents'] = [
  'question',
  'order_status',
  'complaint',
  'return_refund',
  'purchase_intent',
  'other',
];

export const DEFAULT_TEMPLATES: readonly ReplyTemplate[] = [
  {
    id: 'en-praise-item',
    name: 'Thank for praise of their item',
    language: 'en',
    intents: ['praise'],
    tone: 'warm',
    cheerful: true,
    body:
      'Hi {{greeting.name | "there"}}, thank you so much! We’re really glad the {{order.item}} is a hit. Enjoy it, and we’re here whenever you need us. — ' +
      SIGN_EN,
    requires: ['order.item'],
  },
  {
    id: 'en-praise',
    name: 'Thank for praise',
    language: 'en',
    intents: ['praise'],
    tone: 'warm',
    cheerful: true,
    body:
      'Hi {{greeting.name | "there"}}, thank you so much for the kind words! We’ll pass them on to the team — you made our day. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'en-buying-help',
    name: 'Help to choose',
    language: 'en',
    intents: ['purchase_intent'],
    tone: 'warm',
    cheerful: true,
    body:
      'Hi {{greeting.name | "there"}}, happy to help you choose! Tell us what matters most to you (size, budget or a particular feature) and we’ll suggest the one that fits. Or send us a direct message for a quick side-by-side. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'en-buying-help-delivery',
    name: 'Help to choose, delivered as they like',
    language: 'en',
    intents: ['purchase_intent'],
    tone: 'warm',
    cheerful: true,
    body:
      'Hi {{greeting.name | "there"}}, happy to help you choose! Tell us what matters most to you (size, budget or a particular feature) and we’ll suggest the one that fits; we’ll deliver it by {{preference.delivery}}, as usual. — ' +
      SIGN_EN,
    requires: ['preference.delivery'],
  },
  {
    id: 'en-order-status',
    name: 'Where the order is',
    language: 'en',
    intents: ['order_status'],
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, I’ve checked your order placed on {{order.date}}: its status is “{{order.status}}”. If that doesn’t match what you see, send us a direct message and we’ll chase it with the courier today. — ' +
      SIGN_EN,
    requires: ['order.date', 'order.status'],
    unless: ['order.item', 'asked.cancel', 'thread.toldStatus'],
  },
  {
    id: 'en-order-status-item',
    name: 'Where their item is',
    language: 'en',
    intents: ['order_status'],
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, I’ve checked the order with your {{order.item}}, placed on {{order.date}}: its status is “{{order.status}}”. If that doesn’t match what you see, send us a direct message and we’ll chase it with the courier today. — ' +
      SIGN_EN,
    requires: ['order.item', 'order.date', 'order.status'],
    unless: ['asked.cancel', 'thread.toldStatus'],
  },
  {
    id: 'en-order-found',
    name: 'Found the order, status unknown',
    language: 'en',
    intents: ['order_status'],
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, I’ve found your order {{order.id}}, placed on {{order.date}}. I’m checking with the courier where it is now and will update you here shortly. — ' +
      SIGN_EN,
    requires: ['order.id', 'order.date'],
    unless: ['order.item', 'order.status', 'asked.cancel', 'thread.toldStatus'],
  },
  {
    id: 'en-order-found-item',
    name: 'Found their item’s order, status unknown',
    language: 'en',
    intents: ['order_status'],
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, I’ve found your order {{order.id}} with the {{order.item}}, placed on {{order.date}}. I’m checking with the courier where it is now and will update you here shortly. — ' +
      SIGN_EN,
    requires: ['order.id', 'order.item', 'order.date'],
    unless: ['order.status', 'asked.cancel', 'thread.toldStatus'],
  },
  {
    id: 'en-order-given',
    name: 'Take the order number they gave',
    language: 'en',
    intents: ['order_status', 'complaint', 'return_refund'],
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, thank you for the order number. I have order {{given.orderId}} in front of me and I’m looking into it now; I’ll update you here shortly. — ' +
      SIGN_EN,
    requires: ['given.orderId'],
    unless: ['order.item'],
  },
  {
    id: 'en-cancel-order',
    name: 'Stop their order',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, I have order {{order.id}} here and I’m asking the warehouse to stop it now; I’ll message you privately to confirm. If it has already left us, we’ll arrange a free return instead. — ' +
      SIGN_EN,
    requires: ['asked.cancel', 'order.id'],
  },
  {
    id: 'en-cancel',
    name: 'Cancel an order',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, we can cancel an order that hasn’t shipped yet. Send us a direct message with your order number and we’ll stop it straight away. — ' +
      SIGN_EN,
    requires: ['asked.cancel'],
    unless: ['order.id', 'given.orderId', 'customer.orders'],
  },
  {
    id: 'en-cancel-known',
    name: 'Cancel an order for a customer we know',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, we can cancel an order that hasn’t shipped yet. We have your orders here: send us a direct message saying which one, and we’ll stop it straight away. — ' +
      SIGN_EN,
    requires: ['asked.cancel', 'customer.orders'],
    unless: ['order.id', 'given.orderId'],
  },
  {
    id: 'en-address-order',
    name: 'Change the address of their order',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, I have order {{order.id}} here. If it hasn’t left us yet we’ll change the address at once, and if it has, we’ll ask the courier to redirect it. Please send the new address in a direct message, not here in public. — ' +
      SIGN_EN,
    requires: ['asked.address', 'order.id'],
  },
  {
    id: 'en-address',
    name: 'Change a delivery address',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, we can change the address of an order that hasn’t left us yet. Send us a direct message with your order number and the new address (please don’t post it here) and we’ll update it straight away. — ' +
      SIGN_EN,
    requires: ['asked.address'],
    unless: ['order.id'],
  },
  {
    id: 'en-stock-item',
    name: 'When their item is back',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'warm',
    body:
      'Hi {{greeting.name | "there"}}, I’m checking with the warehouse when the {{order.item}} is back in stock, and I’ll reply here as soon as I know. — ' +
      SIGN_EN,
    requires: ['asked.stock', 'order.item'],
  },
  {
    id: 'en-stock',
    name: 'When something is back in stock',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'warm',
    body:
      'Hi {{greeting.name | "there"}}, I’m checking with the warehouse when it’s back in stock, and I’ll reply here as soon as I know. If you send us a direct message, we’ll also let you know the day it arrives. — ' +
      SIGN_EN,
    requires: ['asked.stock'],
    unless: ['order.item'],
  },
  {
    id: 'en-shipping',
    name: 'Where, for how much and how fast we deliver',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'warm',
    body:
      'Hi {{greeting.name | "there"}}, good question! I’m checking delivery to you, what it costs and how long it takes, and I’ll reply here shortly. — ' +
      SIGN_EN,
    requires: ['asked.shipping'],
  },
  {
    id: 'en-variant',
    name: 'Which colours and sizes it comes in',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'warm',
    body:
      'Hi {{greeting.name | "there"}}, good question! I’m checking which colours and sizes we have it in right now, and I’ll reply here shortly. — ' +
      SIGN_EN,
    requires: ['asked.variant'],
  },
  {
    id: 'en-return-item',
    name: 'Take their item back',
    language: 'en',
    intents: ['return_refund'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, sorry the {{order.item}} didn’t work out. It can come back to us from order {{order.id}}, for a refund or an exchange, whichever you prefer; I’ll send you a direct message with how to return it. — ' +
      SIGN_EN,
    requires: ['order.item', 'order.id'],
    unless: ['thread.toldRefund'],
  },
  {
    id: 'en-complaint-item',
    name: 'Sorry about their item',
    language: 'en',
    intents: ['complaint'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, I’m so sorry the {{order.item}} is giving you trouble. We’ll put it right, with a replacement or a refund, whichever suits you. Could you send us a direct message with a photo if you can? — ' +
      SIGN_EN,
    requires: ['order.item'],
    unless: ['complained.delivery', 'given.orderId', 'thread.askedPrivate'],
  },
  {
    id: 'en-complaint-item-found',
    name: 'Sorry about their item, order found',
    language: 'en',
    intents: ['complaint'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, thank you: I found order {{given.orderId}}, and I’m so sorry the {{order.item}} is giving you trouble. We’ll put it right with a replacement or a refund, whichever suits you; I’ll message you privately to arrange it. — ' +
      SIGN_EN,
    requires: ['order.item', 'given.orderId'],
    unless: ['complained.delivery'],
  },
  {
    id: 'en-complaint-delivery',
    name: 'Sorry about the delivery',
    language: 'en',
    intents: ['complaint', 'order_status'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, I’m sorry the delivery let you down; that’s not the service we want for you. Could you send us a direct message with what happened? We’ll take it up with the courier and put it right. — ' +
      SIGN_EN,
    requires: ['complained.delivery'],
    unless: ['thread.askedPrivate'],
  },
  {
    id: 'en-complaint-waiting',
    name: 'Sorry they had to ask again',
    language: 'en',
    intents: ['complaint', 'question'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, I’m sorry you had to wait and ask again; that’s on us. I’m here now: tell me what you need, here or in a direct message, and I’ll see it through. — ' +
      SIGN_EN,
    requires: ['complained.waiting'],
  },
  {
    id: 'en-complaint',
    name: 'Apologise and offer help',
    language: 'en',
    intents: ['complaint'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, I’m sorry about this; it’s not the experience we want for you. Send us a direct message with your order number and what happened, and we’ll put it right. — ' +
      SIGN_EN,
    requires: [],
    unless: ['given.orderId', 'order.id', 'thread.askedPrivate', 'customer.orders'],
  },
  {
    id: 'en-complaint-known',
    name: 'Answer a complaint from a customer we know',
    language: 'en',
    intents: ['complaint'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, I’m so sorry about this; it’s not the experience we want for you. We have your orders here, so no need for a number: send us a direct message with what happened and we’ll put it right. — ' +
      SIGN_EN,
    requires: ['customer.orders'],
    unless: ['given.orderId', 'order.id', 'thread.askedPrivate'],
  },
  {
    id: 'en-refund',
    name: 'Start a return or refund',
    language: 'en',
    intents: ['return_refund'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, sorry it didn’t work out. We can sort out a return or a refund for you. Send us a direct message with your order number and we’ll take you through it step by step. — ' +
      SIGN_EN,
    requires: [],
    unless: ['given.orderId', 'order.id', 'thread.askedPrivate', 'customer.orders', 'thread.toldRefund'],
  },
  {
    id: 'en-refund-known',
    name: 'Start a return for a customer we know',
    language: 'en',
    intents: ['return_refund'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, sorry it didn’t work out. We can sort out a return or a refund for you; we have your orders here, so just send us a direct message saying which item it is and we’ll take you through it. — ' +
      SIGN_EN,
    requires: ['customer.orders'],
    unless: ['given.orderId', 'order.id', 'thread.askedPrivate', 'thread.toldRefund'],
  },
  {
    id: 'en-find-order',
    name: 'Ask for the order number',
    language: 'en',
    intents: ['order_status'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, sorry for the wait! Could you send us a direct message with your order number or the email you ordered with? We’ll find out where it is straight away. — ' +
      SIGN_EN,
    requires: [],
    unless: ['given.orderId', 'given.email', 'order.id', 'thread.askedOrder'],
  },
  {
    id: 'en-delivery-preference',
    cheerful: true,
    name: 'Mention the delivery preference',
    language: 'en',
    intents: ['order_status'],
    tone: 'warm',
    body:
      'Hi {{greeting.name | "there"}}, thanks for your patience! As usual we’ll arrange it by {{preference.delivery}}; send us a direct message with a time that suits you. — ' +
      SIGN_EN,
    requires: ['preference.delivery'],
  },
  {
    id: 'en-private-received',
    name: 'Thank for the private message',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, thank you, we’ve got your message. We’re looking into it and will answer you there shortly. — ' +
      SIGN_EN,
    requires: ['thread.sentPrivate'],
  },
  {
    id: 'en-private-waiting',
    name: 'Remind of the private message',
    language: 'en',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, we’re here whenever you’re ready: once your direct message reaches us, we’ll take it from there. — ' +
      SIGN_EN,
    requires: ['thread.askedPrivate'],
    unless: ['thread.sentPrivate'],
  },
  {
    id: 'en-order-chase',
    name: 'Trace a parcel that is late',
    language: 'en',
    intents: ['order_status'],
    tone: 'apologetic',
    body:
      'Hi {{greeting.name | "there"}}, I’m sorry it still hasn’t reached you. I’m asking the courier to trace it today and will come back to you here as soon as I hear. — ' +
      SIGN_EN,
    requires: ['thread.toldStatus'],
  },
  {
    id: 'en-refund-follow-up',
    name: 'When the refund arrives',
    language: 'en',
    intents: ['return_refund', 'question', 'complaint'],
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, the refund is under way; how soon it shows depends on your bank. If it hasn’t reached you within the time we mentioned, send us a direct message and we’ll chase it straight away. — ' +
      SIGN_EN,
    requires: ['thread.toldRefund'],
  },
  {
    id: 'en-email-given',
    name: 'Take the e-mail they gave',
    language: 'en',
    intents: ['order_status', 'complaint', 'return_refund'],
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, thank you. I’m finding your order by that e-mail now and will update you here shortly; you may want to delete the comment with your address, as we have it. — ' +
      SIGN_EN,
    requires: ['given.email'],
    unless: ['given.orderId', 'order.id'],
  },
  {
    id: 'en-dm-invite',
    name: 'Invite to a direct message',
    language: 'en',
    intents: ['complaint', 'order_status', 'return_refund', 'question'],
    tone: 'formal',
    body:
      'Hi {{greeting.name | "there"}}, we’d love to help with this.\nCould you send us a direct message with the details? We’ll take it from there. — ' +
      SIGN_EN,
    requires: [],
    unless: ['thread.askedPrivate'],
  },
  {
    id: 'en-answer-question',
    name: 'Answer a question',
    language: 'en',
    intents: ['question'],
    tone: 'warm',
    body:
      'Hi {{greeting.name | "there"}}, good question! Let us check the details for you; we’ll reply here shortly, or send us a direct message if you’d rather talk it through. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'en-thanks',
    name: 'Acknowledge',
    language: 'en',
    intents: ['other'],
    tone: 'warm',
    body:
      'Hi {{greeting.name | "there"}}, thanks for getting in touch! We’ve seen your message and will reply here shortly. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'en-condolence',
    name: 'Gentle, for a hard time',
    language: 'en',
    intents: ['complaint', 'other', 'question', 'order_status', 'return_refund'],
    tone: 'gentle',
    lifeEvents: ['pet_loss', 'bereavement', 'illness', 'job_loss', 'divorced'],
    body:
      '{{greeting.name | "Hello"}}, I’m so sorry to hear this. Please don’t worry about anything on our side; send us a direct message whenever you’re ready and we’ll take care of it quietly. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'en-congrats',
    name: 'Congratulate',
    language: 'en',
    intents: ['praise', 'other'],
    tone: 'warm',
    cheerful: true,
    lifeEvents: ['moved', 'married', 'new_baby', 'new_pet', 'new_job', 'birthday', 'graduation'],
    body:
      'Congratulations, {{greeting.name | "friend"}}! That’s wonderful news. If there’s anything we can do to help, we’re one message away. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'ru-praise-item',
    name: 'Благодарность за отзыв о покупке',
    language: 'ru',
    intents: ['praise'],
    tone: 'warm',
    cheerful: true,
    body:
      '{{greeting.name | "Здравствуйте"}}, большое спасибо! Очень рады, что «{{order.item}}» вам нравится. Если что-то понадобится, мы всегда на связи. — ' +
      SIGN_RU,
    requires: ['order.item'],
  },
  {
    id: 'ru-praise',
    name: 'Поблагодарить за отзыв',
    language: 'ru',
    intents: ['praise'],
    tone: 'warm',
    cheerful: true,
    body:
      '{{greeting.name | "Здравствуйте"}}, спасибо за тёплые слова! Обязательно передадим их команде — вы сделали наш день. — ' +
      SIGN_RU,
    requires: [],
  },
  {
    id: 'ru-buying-help',
    name: 'Помочь с выбором',
    language: 'ru',
    intents: ['purchase_intent'],
    tone: 'warm',
    cheerful: true,
    body:
      '{{greeting.name | "Здравствуйте"}}, с радостью поможем выбрать! Напишите, что для вас важнее всего (размер, бюджет или какая-то функция), и мы подскажем подходящую модель. Или напишите нам в личные сообщения — сравним варианты. — ' +
      SIGN_RU,
    requires: [],
  },
  {
    id: 'ru-buying-help-delivery',
    name: 'Помочь с выбором, с привычной доставкой',
    language: 'ru',
    intents: ['purchase_intent'],
    tone: 'warm',
    cheerful: true,
    body:
      '{{greeting.name | "Здравствуйте"}}, с радостью поможем выбрать! Напишите, что для вас важнее всего (размер, бюджет или какая-то функция), и мы подскажем подходящую модель. Доставим, как обычно: {{preference.delivery}}. — ' +
      SIGN_RU,
    requires: ['preference.delivery'],
  },
  {
    id: 'ru-order-status',
    name: 'Где заказ',
    language: 'ru',
    intents: ['order_status'],
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, проверили ваш заказ от {{order.date}}: его статус — «{{order.status}}». Если у вас по-другому, напишите нам в личные сообщения, и мы сегодня же уточним у службы доставки. — ' +
      SIGN_RU,
    requires: ['order.date', 'order.status'],
    unless: ['order.item', 'asked.cancel', 'thread.toldStatus'],
  },
  {
    id: 'ru-order-status-item',
    name: 'Где их товар',
    language: 'ru',
    intents: ['order_status'],
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, проверили заказ с товаром «{{order.item}}» от {{order.date}}: его статус — «{{order.status}}». Если у вас по-другому, напишите нам в личные сообщения, и мы сегодня же уточним у службы доставки. — ' +
      SIGN_RU,
    requires: ['order.item', 'order.date', 'order.status'],
    unless: ['asked.cancel', 'thread.toldStatus'],
  },
  {
    id: 'ru-order-found',
    name: 'Заказ найден, статус неизвестен',
    language: 'ru',
    intents: ['order_status'],
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, нашли ваш заказ {{order.id}} от {{order.date}}. Уже уточняем у службы доставки, где он сейчас, и скоро ответим здесь. — ' +
      SIGN_RU,
    requires: ['order.id', 'order.date'],
    unless: ['order.item', 'order.status', 'asked.cancel', 'thread.toldStatus'],
  },
  {
    id: 'ru-order-found-item',
    name: 'Заказ с их товаром найден, статус неизвестен',
    language: 'ru',
    intents: ['order_status'],
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, нашли ваш заказ {{order.id}} с товаром «{{order.item}}» от {{order.date}}. Уже уточняем у службы доставки, где он сейчас, и скоро ответим здесь. — ' +
      SIGN_RU,
    requires: ['order.id', 'order.item', 'order.date'],
    unless: ['order.status', 'asked.cancel', 'thread.toldStatus'],
  },
  {
    id: 'ru-order-given',
    name: 'Принять номер заказа',
    language: 'ru',
    intents: ['order_status', 'complaint', 'return_refund'],
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, спасибо за номер заказа. Заказ {{given.orderId}} у нас перед глазами, уже разбираемся и скоро ответим здесь. — ' +
      SIGN_RU,
    requires: ['given.orderId'],
    unless: ['order.item'],
  },
  {
    id: 'ru-cancel-order',
    name: 'Остановить заказ',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, заказ {{order.id}} нашли и просим склад остановить его прямо сейчас; подтвердим в личных сообщениях. Если он уже отправлен, оформим бесплатный возврат. — ' +
      SIGN_RU,
    requires: ['asked.cancel', 'order.id'],
  },
  {
    id: 'ru-cancel',
    name: 'Отменить заказ',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, заказ можно отменить, пока он не отправлен. Напишите нам в личные сообщения номер заказа — сразу остановим его. — ' +
      SIGN_RU,
    requires: ['asked.cancel'],
    unless: ['order.id', 'given.orderId', 'customer.orders'],
  },
  {
    id: 'ru-cancel-known',
    name: 'Отменить заказ знакомому клиенту',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, заказ можно отменить, пока он не отправлен. Ваши заказы у нас перед глазами: напишите в личные сообщения, какой именно, — сразу остановим его. — ' +
      SIGN_RU,
    requires: ['asked.cancel', 'customer.orders'],
    unless: ['order.id', 'given.orderId'],
  },
  {
    id: 'ru-address-order',
    name: 'Поменять адрес их заказа',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, заказ {{order.id}} у нас перед глазами. Если он ещё не уехал со склада, сразу поменяем адрес, а если уже в пути — попросим службу доставки перенаправить его. Пришлите, пожалуйста, новый адрес в личные сообщения, не здесь. — ' +
      SIGN_RU,
    requires: ['asked.address', 'order.id'],
  },
  {
    id: 'ru-address',
    name: 'Поменять адрес доставки',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, адрес можно поменять, пока заказ не уехал со склада. Напишите нам в личные сообщения номер заказа и новый адрес (здесь его лучше не публиковать) — сразу поменяем. — ' +
      SIGN_RU,
    requires: ['asked.address'],
    unless: ['order.id'],
  },
  {
    id: 'ru-stock-item',
    name: 'Когда их товар появится',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'warm',
    body:
      '{{greeting.name | "Здравствуйте"}}, уточняем на складе, когда «{{order.item}}» снова будет в наличии, и ответим здесь, как только узнаем. — ' +
      SIGN_RU,
    requires: ['asked.stock', 'order.item'],
  },
  {
    id: 'ru-stock',
    name: 'Когда товар появится',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'warm',
    body:
      '{{greeting.name | "Здравствуйте"}}, уточняем на складе, когда товар снова будет в наличии, и ответим здесь, как только узнаем. Напишите нам в личные сообщения — сообщим в тот же день, когда он поступит. — ' +
      SIGN_RU,
    requires: ['asked.stock'],
    unless: ['order.item'],
  },
  {
    id: 'ru-shipping',
    name: 'Куда, за сколько и как быстро доставляем',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'warm',
    body:
      '{{greeting.name | "Здравствуйте"}}, хороший вопрос! Уточняем доставку до вас — сколько она стоит и сколько займёт — и ответим здесь совсем скоро. — ' +
      SIGN_RU,
    requires: ['asked.shipping'],
  },
  {
    id: 'ru-variant',
    name: 'В каких цветах и размерах есть товар',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'warm',
    body:
      '{{greeting.name | "Здравствуйте"}}, хороший вопрос! Уточняем, в каких цветах и размерах этот товар сейчас есть, и ответим здесь совсем скоро. — ' +
      SIGN_RU,
    requires: ['asked.variant'],
  },
  {
    id: 'ru-return-item',
    name: 'Принять товар обратно',
    language: 'ru',
    intents: ['return_refund'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, жаль, что с товаром «{{order.item}}» не сложилось. Его можно вернуть по заказу {{order.id}} — вернём деньги или обменяем, как вам удобнее. Напишу вам в личные сообщения, как его отправить. — ' +
      SIGN_RU,
    requires: ['order.item', 'order.id'],
    unless: ['thread.toldRefund'],
  },
  {
    id: 'ru-complaint-item',
    name: 'Извиниться за товар',
    language: 'ru',
    intents: ['complaint'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, очень жаль, что с товаром «{{order.item}}» возникли сложности. Мы всё исправим: заменим или вернём деньги — как вам удобнее. Пришлите, пожалуйста, в личные сообщения фото, если есть возможность. — ' +
      SIGN_RU,
    requires: ['order.item'],
    unless: ['complained.delivery', 'given.orderId', 'thread.askedPrivate'],
  },
  {
    id: 'ru-complaint-item-found',
    name: 'Извиниться за товар, заказ найден',
    language: 'ru',
    intents: ['complaint'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, спасибо, нашли заказ {{given.orderId}}. Очень жаль, что с товаром «{{order.item}}» возникли сложности: заменим или вернём деньги — как вам удобнее. Напишем вам в личные сообщения, чтобы всё оформить. — ' +
      SIGN_RU,
    requires: ['order.item', 'given.orderId'],
    unless: ['complained.delivery'],
  },
  {
    id: 'ru-complaint-delivery',
    name: 'Извиниться за доставку',
    language: 'ru',
    intents: ['complaint', 'order_status'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, нам очень жаль, что с доставкой так вышло, — это не тот сервис, который мы хотим для вас. Напишите, пожалуйста, в личные сообщения, что случилось: мы разберёмся со службой доставки и всё исправим. — ' +
      SIGN_RU,
    requires: ['complained.delivery'],
    unless: ['thread.askedPrivate'],
  },
  {
    id: 'ru-complaint-waiting',
    name: 'Извиниться, что пришлось писать снова',
    language: 'ru',
    intents: ['complaint', 'question'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, простите, что вам пришлось ждать и писать снова, — это наша вина. Теперь мы на связи: напишите, что нужно, здесь или в личные сообщения, и мы доведём дело до конца. — ' +
      SIGN_RU,
    requires: ['complained.waiting'],
  },
  {
    id: 'ru-complaint',
    name: 'Извиниться и помочь',
    language: 'ru',
    intents: ['complaint'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, нам очень жаль, это не то, чего мы хотели бы для вас. Напишите нам, пожалуйста, в личные сообщения номер заказа и что случилось — мы всё исправим. — ' +
      SIGN_RU,
    requires: [],
    unless: ['given.orderId', 'order.id', 'thread.askedPrivate', 'customer.orders'],
  },
  {
    id: 'ru-complaint-known',
    name: 'Ответить на жалобу знакомого клиента',
    language: 'ru',
    intents: ['complaint'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, нам очень жаль, это не то, чего мы хотели бы для вас. Ваши заказы у нас перед глазами, номер не нужен: напишите, пожалуйста, в личные сообщения, что случилось, — мы всё исправим. — ' +
      SIGN_RU,
    requires: ['customer.orders'],
    unless: ['given.orderId', 'order.id', 'thread.askedPrivate'],
  },
  {
    id: 'ru-refund',
    name: 'Оформить возврат',
    language: 'ru',
    intents: ['return_refund'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, жаль, что не подошло. Поможем оформить возврат или обмен. Напишите нам в личные сообщения номер заказа — подскажем всё по шагам. — ' +
      SIGN_RU,
    requires: [],
    unless: ['given.orderId', 'order.id', 'thread.askedPrivate', 'customer.orders', 'thread.toldRefund'],
  },
  {
    id: 'ru-refund-known',
    name: 'Оформить возврат знакомому клиенту',
    language: 'ru',
    intents: ['return_refund'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, жаль, что не подошло. Поможем оформить возврат или обмен: ваши заказы у нас перед глазами, так что просто напишите в личные сообщения, о каком товаре речь, — подскажем всё по шагам. — ' +
      SIGN_RU,
    requires: ['customer.orders'],
    unless: ['given.orderId', 'order.id', 'thread.askedPrivate', 'thread.toldRefund'],
  },
  {
    id: 'ru-find-order',
    name: 'Попросить номер заказа',
    language: 'ru',
    intents: ['order_status'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, простите за ожидание! Пришлите, пожалуйста, в личные сообщения номер заказа или почту, на которую он оформлен, — сразу проверим, где он. — ' +
      SIGN_RU,
    requires: [],
    unless: ['given.orderId', 'given.email', 'order.id', 'thread.askedOrder'],
  },
  {
    id: 'ru-delivery-preference',
    cheerful: true,
    name: 'Предпочтение по доставке',
    language: 'ru',
    intents: ['order_status'],
    tone: 'warm',
    body:
      '{{greeting.name | "Здравствуйте"}}, спасибо за терпение! Как обычно, оформим так: {{preference.delivery}}. Напишите нам в личные сообщения удобное время. — ' +
      SIGN_RU,
    requires: ['preference.delivery'],
  },
  {
    id: 'ru-private-received',
    name: 'Поблагодарить за личное сообщение',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, спасибо, сообщение получили. Уже разбираемся и скоро ответим вам там же. — ' +
      SIGN_RU,
    requires: ['thread.sentPrivate'],
  },
  {
    id: 'ru-private-waiting',
    name: 'Напомнить о личном сообщении',
    language: 'ru',
    intents: ANY_REQUEST,
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, мы на связи: как только ваше личное сообщение придёт, сразу возьмёмся за дело. — ' +
      SIGN_RU,
    requires: ['thread.askedPrivate'],
    unless: ['thread.sentPrivate'],
  },
  {
    id: 'ru-order-chase',
    name: 'Найти опаздывающую посылку',
    language: 'ru',
    intents: ['order_status'],
    tone: 'apologetic',
    body:
      '{{greeting.name | "Здравствуйте"}}, очень жаль, что заказ до сих пор не у вас. Сегодня же попросим службу доставки его разыскать и сразу напишем здесь, как только узнаем. — ' +
      SIGN_RU,
    requires: ['thread.toldStatus'],
  },
  {
    id: 'ru-refund-follow-up',
    name: 'Когда придут деньги',
    language: 'ru',
    intents: ['return_refund', 'question', 'complaint'],
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, возврат уже оформлен; когда деньги будут на счёте, зависит от вашего банка. Если к названному сроку они не придут, напишите нам в личные сообщения — сразу выясним. — ' +
      SIGN_RU,
    requires: ['thread.toldRefund'],
  },
  {
    id: 'ru-email-given',
    name: 'Принять названную почту',
    language: 'ru',
    intents: ['order_status', 'complaint', 'return_refund'],
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, спасибо! Уже ищем заказ по этой почте и скоро ответим здесь. Комментарий с адресом почты можно удалить — он у нас есть. — ' +
      SIGN_RU,
    requires: ['given.email'],
    unless: ['given.orderId', 'order.id'],
  },
  {
    id: 'ru-dm-invite',
    name: 'Пригласить в личные сообщения',
    language: 'ru',
    intents: ['complaint', 'order_status', 'return_refund', 'question'],
    tone: 'formal',
    body:
      '{{greeting.name | "Здравствуйте"}}, мы поможем.\nНапишите нам, пожалуйста, в личные сообщения подробности — дальше мы всё возьмём на себя. — ' +
      SIGN_RU,
    requires: [],
    unless: ['thread.askedPrivate'],
  },
  {
    id: 'ru-answer-question',
    name: 'Ответить на вопрос',
    language: 'ru',
    intents: ['question'],
    tone: 'warm',
    body:
      '{{greeting.name | "Здравствуйте"}}, хороший вопрос! Уточним детали и ответим здесь же, или напишите нам в личные сообщения. — ' +
      SIGN_RU,
    requires: [],
  },
  {
    id: 'ru-thanks',
    name: 'Ответить, что увидели',
    language: 'ru',
    intents: ['other'],
    tone: 'warm',
    body:
      '{{greeting.name | "Здравствуйте"}}, спасибо, что написали! Мы увидели ваше сообщение и скоро ответим здесь. — ' +
      SIGN_RU,
    requires: [],
  },
  {
    id: 'ru-condolence',
    name: 'Бережно, в трудный момент',
    language: 'ru',
    intents: ['complaint', 'other', 'question', 'order_status', 'return_refund'],
    tone: 'gentle',
    lifeEvents: ['pet_loss', 'bereavement', 'illness', 'job_loss', 'divorced'],
    body:
      '{{greeting.name | "Здравствуйте"}}, нам очень жаль. Ни о чём не беспокойтесь — напишите нам в личные сообщения, когда будете готовы, и мы всё тихо уладим. — ' +
      SIGN_RU,
    requires: [],
  },
  {
    id: 'ru-congrats',
    name: 'Поздравить',
    language: 'ru',
    intents: ['praise', 'other'],
    tone: 'warm',
    cheerful: true,
    lifeEvents: ['moved', 'married', 'new_baby', 'new_pet', 'new_job', 'birthday', 'graduation'],
    body:
      '{{greeting.name | "Здравствуйте"}}, поздравляем! Это чудесная новость. Если понадобится помощь — мы на связи. — ' +
      SIGN_RU,
    requires: [],
  },
];
