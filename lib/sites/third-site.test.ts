import { describe, expect, it, vi } from 'vitest';
import { newCustomer } from '../db/customers';
import { ConciergeDb } from '../db/schema';
import { searchCustomers } from '../db/search';
import { validateCustomer } from '../db/validate';
import { blankAccount, siteChoices } from '../edit/customer-form';
import { customersCsv } from '../export/spreadsheet';
import { parseBackup } from '../import/backup';
import { CUSTOMER_FIELDS, guessCustomerMapping } from '../import/columns';
import { parseCustomersCsv } from '../import/csv';
import { fromSupportedTab, parsePayload, PostsSeenSchema } from '../messaging';
import { accountLabel, matchesOf, SITE_HOSTS, siteOfUrl } from './lookup';
import type * as Registry from './registry';
import type { Site, SiteEntry } from './registry';

/**
 * A third site added to the registry, and nowhere else, reaches everything that varies by site
 * outside its adapter folder. The registry module is replaced by itself plus one entry, so a
 * module that still spelled out the sites it knows would miss it and fail here.
 */
vi.mock('./registry', async (importOriginal) => {
  const real = await importOriginal<typeof Registry>();
  const HANDLE = /^[A-Za-z0-9_]{1,30}$/;
  const third: SiteEntry = {
    id: 'mastodon',
    label: 'Mastodon',
    hosts: ['mastodon.social'],
    handle: HANDLE,
    numericIds: false,
    accountFrom(value) {
      const handle = (value.match(/^https:\/\/mastodon\.social\/@([^/?#]+)/)?.[1] ?? value).replace(/^@/, '');
      return HANDLE.test(handle) ? { handle } : null;
    },
    profileUrl: (account) => `https://mastodon.social/@${account.handle}`,
    showAccount: (account) => `@${account.handle}@mastodon.social`,
    importHeaders: ['mastodon', 'mastodonhandle', 'мастодон'],
    importPattern: /mastodon/,
    exportHeader: 'mastodon',
  };
  return { ...real, SITES: [...real.SITES, third] };
});

const MASTODON = 'mastodon' as Site;
const account = {
  site: MASTODON,
  handle: 'ana_b',
  source: 'manual' as const,
  addedAt: '2026-12-01T00:00:00Z',
};

describe('a third site, added to the registry only', () => {
  it('is a host of the manifest and of the messages’ sender check', () => {
    expect(matchesOf()).toContain('https://mastodon.social/*');
    expect(SITE_HOSTS).toContain('mastodon.social');
    expect(siteOfUrl('https://mastodon.social/@ana_b/1131')).toBe('mastodon');
    const sender = { id: 'ext', tab: { id: 7, url: 'https://mastodon.social/home' } };
    expect(fromSupportedTab(sender, 'ext', SITE_HOSTS)).toBe(7);
  });

  it('passes the message schema for posts, and its accounts show the site’s way', () => {
    const post = {
      site: 'mastodon',
      id: '1131',
      url: 'https://mastodon.social/@ana_b/1131',
      kind: 'post',
      author: { handle: 'ana_b', displayName: 'Ana B', profileUrl: 'https://mastodon.social/@ana_b' },
      text: 'My kettle arrived cracked',
    };
    const parsed = parsePayload(PostsSeenSchema, { pageUrl: 'https://mastodon.social/home', posts: [post] });
    expect(parsed.posts[0]?.site).toBe('mastodon');
    expect(() =>
      parsePayload(PostsSeenSchema, { pageUrl: 'https://a.example/', posts: [{ ...post, site: 'myspace' }] }),
    ).toThrow();
    expect(accountLabel(MASTODON, { handle: 'ana_b' })).toBe('@ana_b@mastodon.social');
  });

  it('is validated in the editor by its own handle rule, and offered as a choice there', () => {
    const customer = newCustomer({ name: 'Ana B', identities: [account] });
    expect(validateCustomer(customer)).toBeNull();
    expect(validateCustomer({ ...customer, identities: [{ ...account, handle: 'no spaces' }] })?.key).toBe(
      'editBadHandle',
    );
    expect(siteChoices()).toContainEqual({ value: 'mastodon', label: 'Mastodon' });
    expect(blankAccount().site).toBe('x');
  });

  it('has an import column, guessed from real header names, whose cells become accounts', () => {
    expect(CUSTOMER_FIELDS).toContain('mastodon');
    // Accounts may fill several columns: both are read.
    expect(guessCustomerMapping(['Name', 'Mastodon Handle', 'Mastodon profile'])).toEqual([
      'name',
      'mastodon',
      'mastodon',
    ]);
    const csv = 'Name,Mastodon\nAna B,https://mastodon.social/@ana_b\nBo C,@bo_c\nCy D,not a handle!\n';
    const result = parseCustomersCsv(csv);
    if (!result.ok) throw new Error('the file was refused');
    expect(result.value.rows.map((r) => r.draft.identities?.map((i) => [i.site, i.handle]))).toEqual([
      [['mastodon', 'ana_b']],
      [['mastodon', 'bo_c']],
      [],
    ]);
    expect(result.value.rows[2]?.flags).toEqual([
      {
        column: 'Mastodon',
        value: 'not a handle!',
        said: {
          message: '"not a handle!" is not an account on Mastodon.',
          code: 'cellAccount',
          params: ['not a handle!', 'Mastodon'],
        },
      },
    ]);
  });

  it('has an export column, and a backup holding its accounts restores', () => {
    const customer = newCustomer({ name: 'Ana B', identities: [account] });
    const [header, row] = customersCsv([customer])
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const column = header!.split(',').indexOf('mastodon');
    expect(column).toBeGreaterThan(0);
    expect(row!.split(',')[column]).toBe('ana_b');
    const backup = {
      format: 'concierge-backup',
      version: 1,
      exportedAt: '2026-12-01T00:00:00Z',
      customers: [customer],
      interactions: [],
    };
    expect(parseBackup(JSON.stringify(backup)).ok).toBe(true);
  });

  it('is searched by handle', async () => {
    const database = new ConciergeDb(`third-site-${crypto.randomUUID()}`);
    await database.customers.add(
      newCustomer({ name: 'Ana B', identities: [{ ...account, handle: 'quiet_owl' }] }),
    );
    const found = await searchCustomers(database, '@quiet_o', 0, 10);
    expect(found.customers.map((c) => c.name)).toEqual(['Ana B']);
    database.close();
  });
});
