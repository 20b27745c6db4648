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
  /** Life events the template is written for (a move, a loss…): it ranks first for them. */
  lifeEvents?: LifeEventKind[];
  /** Upbeat or selling: never offered under a loss, an illness or a lost job. */
  cheerful?: boolean;
}

const SIGN_EN = '{{agent.name | brand.name | "The support team"}}';
const SIGN_RU = '{{agent.name | brand.name | "Команда поддержки"}}';

export const DEFAULT_TEMPLATES: readonly ReplyTemplate[] = [
  {
    id: 'en-order-followup',
    name: 'Follow up on the last order',
    language: 'en',
    intents: ['complaint', 'order_status', 'return_refund'],
    tone: 'apologetic',
    body:
      'Hi {{customer.firstName}}, I’m sorry the {{order.item}} is giving you trouble. I’ve pulled up your order from {{order.daysSince}} days ago — could you send us a direct message so we can put this right today? — ' +
      SIGN_EN,
    requires: ['customer.firstName', 'order.item'],
  },
  {
    id: 'en-delivery-preference',
    cheerful: true,
    name: 'Mention the delivery preference',
    language: 'en',
    intents: ['order_status', 'purchase_intent', 'question'],
    tone: 'warm',
    body:
      'Hi {{customer.firstName}}, thanks for your patience! As usual we’ll arrange it by {{preference.delivery}} — send us a DM with a time that suits you. — ' +
      SIGN_EN,
    requires: ['customer.firstName', 'preference.delivery'],
  },
  {
    id: 'en-thanks',
    cheerful: true,
    name: 'Thank and take it on',
    language: 'en',
    intents: ['praise', 'other'],
    tone: 'warm',
    body:
      'Hi {{customer.firstName | author.name | "there"}}, thank you for reaching out! We’re on it and will get back to you shortly. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'en-dm-invite',
    name: 'Invite to a direct message',
    language: 'en',
    intents: ['complaint', 'order_status', 'return_refund', 'question'],
    tone: 'formal',
    body:
      'Hi {{customer.firstName | author.name | "there"}}, we’d love to help with this.\nCould you send us a direct message with the details? We’ll take it from there. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'en-find-order',
    name: 'Ask how to find the order',
    language: 'en',
    intents: ['order_status', 'complaint', 'return_refund'],
    tone: 'warm',
    body:
      'Hi {{customer.firstName | author.name | "there"}}, thanks for letting us know! Please DM us the email you ordered with, and we’ll check on it straight away. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'ru-order-followup',
    name: 'Последний заказ',
    language: 'ru',
    intents: ['complaint', 'order_status', 'return_refund'],
    tone: 'apologetic',
    body:
      '{{customer.firstName}}, здравствуйте! Очень жаль, что с «{{order.item}}» возникли сложности. Мы уже видим ваш заказ — напишите нам, пожалуйста, в личные сообщения, и мы всё решим сегодня. — ' +
      SIGN_RU,
    requires: ['customer.firstName', 'order.item'],
  },
  {
    id: 'ru-delivery-preference',
    cheerful: true,
    name: 'Предпочтение по доставке',
    language: 'ru',
    intents: ['order_status', 'purchase_intent', 'question'],
    tone: 'warm',
    body:
      '{{customer.firstName}}, спасибо за терпение! Как обычно, оформим так: {{preference.delivery}}. Напишите нам в личные сообщения удобное время. — ' +
      SIGN_RU,
    requires: ['customer.firstName', 'preference.delivery'],
  },
  {
    id: 'ru-thanks',
    cheerful: true,
    name: 'Поблагодарить',
    language: 'ru',
    intents: ['praise', 'other'],
    tone: 'warm',
    body:
      '{{customer.firstName | author.name | "Здравствуйте"}}, спасибо, что написали! Мы уже разбираемся и скоро вернёмся с ответом. — ' +
      SIGN_RU,
    requires: [],
  },
  {
    id: 'ru-dm-invite',
    name: 'Пригласить в личные сообщения',
    language: 'ru',
    intents: ['complaint', 'order_status', 'return_refund', 'question'],
    tone: 'formal',
    body:
      '{{customer.firstName | author.name | "Здравствуйте"}}, мы поможем.\nНапишите нам, пожалуйста, в личные сообщения подробности — дальше мы всё возьмём на себя. — ' +
      SIGN_RU,
    requires: [],
  },
  {
    id: 'ru-find-order',
    name: 'Попросить данные заказа',
    language: 'ru',
    intents: ['order_status', 'complaint', 'return_refund'],
    tone: 'warm',
    body:
      '{{customer.firstName | author.name | "Здравствуйте"}}, спасибо, что сообщили! Пришлите, пожалуйста, в личные сообщения почту, на которую оформлен заказ, — сразу проверим. — ' +
      SIGN_RU,
    requires: [],
  },
  {
    id: 'en-condolence',
    name: 'Gentle, for a hard time',
    language: 'en',
    intents: ['complaint', 'other', 'question'],
    tone: 'gentle',
    lifeEvents: ['pet_loss', 'bereavement', 'illness', 'job_loss', 'divorced'],
    body:
      '{{customer.firstName | author.name | "Hi"}}, I’m so sorry to hear this. Please don’t worry about anything on our side — send us a direct message and we’ll take care of it quietly. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'en-congrats',
    name: 'Congratulate',
    language: 'en',
    intents: ['praise', 'question', 'other'],
    tone: 'warm',
    cheerful: true,
    lifeEvents: ['moved', 'married', 'new_baby', 'new_pet', 'new_job', 'birthday', 'graduation'],
    body:
      'Congratulations, {{customer.firstName | author.name | "friend"}}! That’s wonderful news. If there’s anything we can do to help, we’re one message away. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'en-answer-question',
    name: 'Answer a question',
    language: 'en',
    intents: ['question', 'purchase_intent'],
    tone: 'warm',
    body:
      'Hi {{customer.firstName | author.name | "there"}}, good question! Let us check the details for you — we’ll reply here shortly, or send us a direct message if you’d rather talk it through. — ' +
      SIGN_EN,
    requires: [],
  },
  {
    id: 'ru-condolence',
    name: 'Бережно, в трудный момент',
    language: 'ru',
    intents: ['complaint', 'other', 'question'],
    tone: 'gentle',
    lifeEvents: ['pet_loss', 'bereavement', 'illness', 'job_loss', 'divorced'],
    body:
      '{{customer.firstName | author.name | "Здравствуйте"}}, нам очень жаль. Ни о чём не беспокойтесь — напишите нам в личные сообщения, и мы всё тихо уладим. — ' +
      SIGN_RU,
    requires: [],
  },
  {
    id: 'ru-congrats',
    name: 'Поздравить',
    language: 'ru',
    intents: ['praise', 'question', 'other'],
    tone: 'warm',
    cheerful: true,
    lifeEvents: ['moved', 'married', 'new_baby', 'new_pet', 'new_job', 'birthday', 'graduation'],
    body:
      '{{customer.firstName | author.name | "Здравствуйте"}}, поздравляем! Это чудесная новость. Если понадобится помощь — мы на связи. — ' +
      SIGN_RU,
    requires: [],
  },
  {
    id: 'ru-answer-question',
    name: 'Ответить на вопрос',
    language: 'ru',
    intents: ['question', 'purchase_intent'],
    tone: 'warm',
    body:
      '{{customer.firstName | author.name | "Здравствуйте"}}, хороший вопрос! Уточним детали и ответим здесь же, или напишите нам в личные сообщения. — ' +
      SIGN_RU,
    requires: [],
  },
];
