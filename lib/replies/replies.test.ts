import { describe, expect, it } from 'vitest';
import { newCustomer } from '../db/customers';
import { SAMPLE_CUSTOMERS } from '../db/sample';
import { DEFAULT_TEMPLATES } from './defaults';
import { replyLanguage, suggestReplies } from './suggest';
import { render, variablesOf } from './template';
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
    const out = render('A {{customer.shoeSize}} B {{ 1bad }} C {{agent.name}} D {{ open', { 'agent.name': 'Sam' }, KNOWN_VARIABLES);
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

describe('suggestReplies', () => {
  const lorena = newCustomer(SAMPLE_CUSTOMERS[0]!);
  const settings = { agentName: 'Sam', brandName: 'Hearth & Co.' };
  const post = { author: { handle: 'lorenawillis', displayName: 'Lorena Willis', profileUrl: '' }, lang: 'en', text: 'My microwave broke' };
  const now = Date.parse('2026-11-21T00:00:00Z');

  it('puts the most personal replies first, filled from the profile', () => {
    const out = suggestReplies(post, lorena, settings, DEFAULT_TEMPLATES, now);
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out[0]?.text).toBe(
      'Hi Lorena, I’m sorry the Built-in microwave BM-60 is giving you trouble. I’ve pulled up your order from 18 days ago — could you send us a direct message so we can put this right today? — Sam',
    );
    expect(out[1]?.text).toContain('by evening courier');
    expect(out.every((s) => s.language === 'en')).toBe(true);
  });

  it('answers a stranger in the post’s language, by display name', () => {
    const out = suggestReplies({ ...post, lang: 'ru', text: 'Где мой заказ?' }, null, { agentName: '', brandName: '' }, DEFAULT_TEMPLATES, now);
    expect(out.map((s) => s.templateId)).toEqual(['ru-thanks', 'ru-dm-invite', 'ru-find-order']);
    expect(out[0]?.text).toMatch(/^Lorena Willis, спасибо/);
    expect(out[0]?.text).toMatch(/Команда поддержки$/);
  });

  it('picks the reply language from post, script, then customer', () => {
    expect(replyLanguage({ lang: 'ru', text: '' }, null)).toBe('ru');
    expect(replyLanguage({ text: 'Привет' }, null)).toBe('ru');
    expect(replyLanguage({ lang: 'de', text: 'Hallo' }, lorena)).toBe('en');
    expect(replyLanguage({ text: '👍' }, { ...lorena, language: 'ru' })).toBe('ru');
  });
});
