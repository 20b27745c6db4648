/**
 * The customer editor's model: what its text fields mean and which account sites it offers.
 * Pure, so the fake-site test and the editor agree on what the registry gives the form.
 */
import type { Customer, Identity } from '../db/types';
import { SITE_IDS } from '../sites/lookup';
import { SITES, type Site } from '../sites/registry';

/** The texts the form edits as lines or lists, beside the record it edits. */
export interface CustomerTexts {
  aliases: string;
  emails: string;
  phones: string;
  tags: string;
  preferences: string;
}

export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function textsOf(customer: Customer): CustomerTexts {
  return {
    aliases: customer.aliases.join('\n'),
    emails: customer.emails.join('\n'),
    phones: customer.phones.join('\n'),
    tags: customer.tags.join('; '),
    preferences: Object.entries(customer.preferences)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
  };
}

/** The record the form describes: the draft with its texts read back ("key: value" lines for preferences). */
export function customerFromForm(draft: Customer, texts: CustomerTexts): Customer {
  return {
    ...draft,
    name: draft.name.trim(),
    aliases: lines(texts.aliases),
    emails: lines(texts.emails).map((e) => e.toLowerCase()),
    phones: lines(texts.phones),
    tags: texts.tags
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
    preferences: Object.fromEntries(
      lines(texts.preferences).flatMap((l) => {
        const at = l.indexOf(':');
        return at > 0 ? [[l.slice(0, at).trim(), l.slice(at + 1).trim()]] : [];
      }),
    ),
  };
}

/** The sites an account row may name, as the form's choice lists them. */
export function siteChoices(): { value: Site; label: string }[] {
  return SITES.map((s) => ({ value: s.id as Site, label: s.label }));
}

/** A new, empty account row: on the first site of the registry, until the agent picks another. */
export function blankAccount(now = new Date().toISOString()): Identity {
  return { site: SITE_IDS[0], handle: '', source: 'manual', addedAt: now };
}
