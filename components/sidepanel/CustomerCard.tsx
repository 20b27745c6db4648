import { useState } from 'react';
import { saveCustomer } from '@/lib/db/customers';
import { db } from '@/lib/db/schema';
import type { Customer, Interaction } from '@/lib/db/types';
import { t } from '@/lib/i18n';
import { safeHttpUrl } from '@/lib/url';
import { Section } from '../Section';
import { TierTag } from '../TierTag';
import { useHistory } from './usePanelData';

const date = (iso: string) => iso.slice(0, 10);

export function CustomerCard({ customer, current }: { customer: Customer; current: Interaction }) {
  const history = useHistory(customer)?.filter((i) => i.key !== current.key) ?? [];
  return (
    <article className="card" data-testid="customer-card">
      <header className="card-head">
        <h2>{customer.name}</h2>
        <TierTag tier={customer.tier} />
      </header>
      {customer.tags.length > 0 && (
        <p className="tags" aria-label={t('cardTags')}>
          {customer.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}
        </p>
      )}
      {(customer.emails.length > 0 || customer.phones.length > 0) && (
        <p className="muted">{[...customer.emails, ...customer.phones].join(' · ')}</p>
      )}
      <Section title={t('cardOrders')} empty={t('cardNoOrders')}>
        {customer.orders.length > 0 && (
          <ul data-testid="orders">
            {[...customer.orders].sort((a, b) => b.date.localeCompare(a.date)).map((order) => (
              <li key={order.id}>
                <strong>{order.items.map((i) => i.name).join(', ')}</strong>
                <span className="muted"> · {order.id} · {date(order.date)}{order.status ? ` · ${order.status}` : ''}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('cardPreferences')} empty={t('cardNoPreferences')}>
        {Object.keys(customer.preferences).length > 0 && (
          <dl className="prefs">
            {Object.entries(customer.preferences).map(([key, value]) => (
              <div key={key}><dt>{key}</dt><dd>{value}</dd></div>
            ))}
          </dl>
        )}
      </Section>
      <Section title={t('cardLifeEvents')} empty={t('cardNoLifeEvents')}>
        {customer.lifeEvents.length > 0 && (
          <ul>{customer.lifeEvents.map((e, i) => <li key={i}>{e.text} <span className="muted">· {date(e.date)}</span></li>)}</ul>
        )}
      </Section>
      <Section title={t('cardNotes')} empty={t('cardNoNotes')}>
        {customer.notes.length > 0 && (
          <ul>{customer.notes.map((n, i) => <li key={i}>{n.text} <span className="muted">· {date(n.at)}</span></li>)}</ul>
        )}
      </Section>
      <AddNote customer={customer} />
      <Section title={t('cardHistory')} empty={t('cardNoHistory')}>
        {history.length > 0 && (
          <ul data-testid="history">
            {history.slice(0, 10).map((i) => {
              const href = safeHttpUrl(i.url);
              return (
                <li key={i.key}>
                  {href ? <a href={href} target="_blank" rel="noreferrer noopener">{i.text || i.url}</a> : i.text}
                  <span className="muted"> · {date(i.createdAt ?? i.seenAt)} · {i.status}</span>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </article>
  );
}

function AddNote({ customer }: { customer: Customer }) {
  const [text, setText] = useState('');
  const save = async () => {
    const note = text.trim();
    if (!note) return;
    await saveCustomer(db(), { ...customer, notes: [...customer.notes, { at: new Date().toISOString(), text: note }] });
    setText('');
  };
  return (
    <form className="add-note" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>
        <span className="sr-only">{t('cardAddNote')}</span>
        <input value={text} placeholder={t('cardAddNote')} maxLength={2000} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" disabled={!text.trim()}>{t('cardSaveNote')}</button>
    </form>
  );
}
