import { newCustomer, type CustomerDraft } from './customers';
import type { ConciergeDb } from './schema';
import type { Identity } from './types';

const at = '2026-01-01T00:00:00.000Z';
const x = (handle: string): Identity => ({ site: 'x', handle, source: 'sample', addedAt: at });
const fb = (handle: string, id?: string): Identity => ({
  site: 'facebook',
  handle,
  ...(id && { id }),
  source: 'sample',
  addedAt: at,
});

/**
 * Fictional customers of a fictional home-goods shop, "Hearth & Co.", for trying Concierge out.
 * Their X handles and Facebook names or ids are the ones on the bundled demo pages; every email is on example.com.
 */
export const SAMPLE_CUSTOMERS: readonly CustomerDraft[] = [
  {
    name: 'Lorena Willis',
    identities: [x('lorenawillis'), fb('lorena.willis.77')],
    emails: ['lorena.willis@example.com'],
    phones: ['+1 555 0100 201'],
    language: 'en',
    tier: 'vip',
    tags: ['sample', 'kitchen'],
    orders: [
      {
        id: 'HC-20418',
        date: '2026-11-03',
        items: [{ name: 'Built-in microwave BM-60', quantity: 1 }],
        total: 489,
        currency: 'USD',
        status: 'delivered',
      },
      {
        id: 'HC-19007',
        date: '2026-06-14',
        items: [{ name: 'Ceramic knife set', quantity: 1 }],
        total: 129,
        currency: 'USD',
        status: 'delivered',
      },
    ],
    preferences: { delivery: 'evening courier', channel: 'X direct messages' },
    lifeEvents: [
      { date: '2026-10-20', kind: 'moved', text: 'Moved to a new house last month', source: 'sample' },
    ],
    notes: [{ at: '2026-11-05T10:00:00.000Z', text: 'Prefers a call-back after 6 pm.', by: 'Sample data' }],
  },
  {
    name: 'Алиса Андреева',
    aliases: ['Alisa Andreeva'],
    identities: [x('alisa_andreeva'), fb('', '100004567890123')],
    emails: ['alisa.andreeva@example.com'],
    language: 'ru',
    tier: 'vip',
    tags: ['sample', 'coffee'],
    orders: [
      {
        id: 'HC-7781',
        date: '2026-11-10',
        items: [{ name: 'Кофемашина Brio', quantity: 1 }],
        total: 54900,
        currency: 'RUB',
        status: 'shipped',
      },
    ],
    preferences: { delivery: 'самовывоз' },
    lifeEvents: [],
    notes: [],
  },
  {
    name: 'Tomás Rivera',
    identities: [x('tomas_rivera'), fb('', '100023456789012')],
    emails: ['tomas.rivera@example.com'],
    language: 'en',
    tier: 'regular',
    tags: ['sample'],
    orders: [
      {
        id: 'HC-21102',
        date: '2026-11-15',
        items: [{ name: 'Stone kettle', quantity: 2 }],
        total: 98,
        currency: 'USD',
        status: 'shipped',
      },
    ],
    preferences: {},
  },
  {
    name: 'Mei Tanaka',
    identities: [x('meitanaka_'), fb('mei.tanaka')],
    emails: ['mei.tanaka@example.com'],
    language: 'en',
    tier: 'gold',
    tags: ['sample', 'tea'],
    orders: [
      {
        id: 'HC-18830',
        date: '2026-05-02',
        items: [{ name: 'Cast-iron teapot', quantity: 1 }],
        total: 75,
        currency: 'USD',
        status: 'delivered',
      },
    ],
    preferences: { delivery: 'parcel locker' },
  },
  {
    name: 'Дмитрий Соколов',
    aliases: ['Dmitri Sokolov'],
    identities: [x('dsokolov'), fb('d.sokolov')],
    language: 'ru',
    tier: 'regular',
    tags: ['sample'],
    orders: [
      {
        id: 'HC-7702',
        date: '2026-11-12',
        items: [{ name: 'Холодильник NordFrost', quantity: 1 }],
        total: 61990,
        currency: 'RUB',
        status: 'delivered',
      },
    ],
    preferences: { delivery: 'курьер утром' },
  },
];

/** Loads the sample customers; loading twice replaces them instead of adding copies. */
export async function loadSample(database: ConciergeDb): Promise<number> {
  await database.transaction('rw', database.customers, async () => {
    for (const draft of SAMPLE_CUSTOMERS) {
      const customer = newCustomer(draft);
      const existing = await database.customers.where('identityKeys').anyOf(customer.identityKeys).first();
      await database.customers.put(
        existing ? { ...customer, id: existing.id, createdAt: existing.createdAt } : customer,
      );
    }
  });
  return SAMPLE_CUSTOMERS.length;
}
