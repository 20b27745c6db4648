import type { Site } from '../post';
import type { Identity } from './types';

/**
 * The indexed form of a social identity. Handles are matched without case (X treats them so;
 * Facebook vanity names too); numeric ids get their own namespace so "123" never meets a handle.
 */
export function identityKey(site: Site, handle: string, id?: string): string {
  if (id) return `${site}:id:${id}`;
  return `${site}:${handle.trim().replace(/^@/, '').toLowerCase()}`;
}

/** Every key under which an author may be known: by handle and, where known, by numeric id. */
export function authorKeys(site: Site, author: { handle: string; id?: string }): string[] {
  const keys: string[] = [];
  if (author.handle) keys.push(identityKey(site, author.handle));
  if (author.id) keys.push(identityKey(site, '', author.id));
  return keys;
}

export function identityKeysOf(identities: { site: Site; handle: string; id?: string }[]): string[] {
  return [...new Set(identities.flatMap((i) => authorKeys(i.site, i)))];
}

/** Emails are matched without case or surrounding space. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Phones are matched by their digits: "+1 (555) 0100-201" and "15550100201" are one number. */
export function phoneKey(phone: string): string {
  return phone.replace(/\D/g, '');
}

export function identityFrom(
  site: Identity['site'],
  handle: string,
  source: Identity['source'],
  id?: string,
): Identity {
  const identity: Identity = {
    site,
    handle: handle.replace(/^@/, ''),
    source,
    addedAt: new Date().toISOString(),
  };
  if (id) identity.id = id;
  return identity;
}
