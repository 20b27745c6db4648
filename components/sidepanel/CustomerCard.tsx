import { useState } from 'react';
import { mutate } from '@/lib/db/mutations';
import { storageErrorMessage } from '@/lib/db/errors';
import { LIFE_EVENT_KINDS, type Customer, type Interaction, type LifeEventKind } from '@/lib/db/types';
import { labelOf, t, type MessageKey } from '@/lib/i18n';
import { safeHttpUrl } from '@/lib/url';
import { Section } from '../Section';
import { useTeam } from '../useTeam';
import { TierTag } from '../TierTag';
import { staleMonths } from '@/lib/settings';
import { useSettings } from '../useSettings';
import { useHistory } from './usePanelData';

const date = (iso: string) => iso.slice(0, 10);

/** The UI's word for a value it knows; otherwise the data's own word, marked as such. */
const dataLabel = (kind: Parameters<typeof labelOf>[0], value: string) =>
  labelOf(kind, value) ?? <span translate="no">{value}</span>;

export function CustomerCard({ customer, current }: { customer: Customer; current: Interaction }) {
  const history = useHistory(customer)?.filter((i) => i.key !== current.key) ?? [];
  const settings = useSettings();
  const stale = staleMonths(customer.updatedAt, settings);
  return (
    <article className="card" data-testid="customer-card">
      <header className="card-head">
        <h2 translate="no">{customer.name}</h2>
        <TierTag tier={customer.tier} />
      </header>
      {stale !== null && (
        <p className="warning" data-testid="stale">
          {t('cardStale', stale)}
        </p>
      )}
      {customer.tags.length > 0 && (
        <p className="tags" aria-label={t('cardTags')}>
          {customer.tags.map((tag) => (
            <span key={tag} className="tag" translate="no">
              {tag}
            </span>
          ))}
        </p>
      )}
      {(customer.emails.length > 0 || customer.phones.length > 0) && (
        <p className="muted" translate="no">
          {[...customer.emails, ...customer.phones].join(' · ')}
        </p>
      )}
      <Section title={t('cardOrders')} empty={t('cardNoOrders')}>
        {customer.orders.length > 0 && (
          <ul data-testid="orders">
            {[...customer.orders]
              .sort((a, b) => b.date.localeCompare(a.date))
              .map((order) => (
                <li key={order.id}>
                  <strong translate="no">{order.items.map((i) => i.name).join(', ')}</strong>
                  <span className="muted">
                    {' · '}
                    <span translate="no">{order.id}</span> · {date(order.date)}
                    {order.status && <> · {dataLabel('orderStatus', order.status)}</>}
                  </span>
                </li>
              ))}
          </ul>
        )}
      </Section>
      <Section title={t('cardPreferences')} empty={t('cardNoPreferences')}>
        {Object.keys(customer.preferences).length > 0 && (
          <dl className="prefs">
            {Object.entries(customer.preferences).map(([key, value]) => (
              <div key={key}>
                <dt>{dataLabel('pref', key)}</dt>
                <dd translate="no">{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </Section>
      <Section title={t('cardLifeEvents')} empty={t('cardNoLifeEvents')}>
        {customer.lifeEvents.length > 0 && (
          <ul>
            {customer.lifeEvents.map((e, i) => (
              <li key={i}>
                <span translate="no">{e.text}</span> <span className="muted">· {date(e.date)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('cardNotes')} empty={t('cardNoNotes')}>
        {customer.notes.length > 0 && (
          <ul>
            {customer.notes.map((n, i) => (
              <li key={i}>
                <span translate="no">{n.text}</span>{' '}
                <span className="muted">
                  · {n.by && <span translate="no">{n.by}, </span>}
                  {date(n.at)}
                </span>
              </li>
            ))}
          </ul>
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
                  {href ? (
                    <a href={href} target="_blank" rel="noreferrer noopener" translate="no">
                      {i.text || i.url}
                    </a>
                  ) : (
                    <span translate="no">{i.text}</span>
                  )}
                  <span className="muted">
                    {' '}
                    · {date(i.createdAt ?? i.seenAt)} · {dataLabel('status', i.status)}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </article>
  );
}

/** A note, or a life event the agent learned (a move, a new baby…), written to the profile. */
function AddNote({ customer }: { customer: Customer }) {
  // In a team, a note says who wrote it: the colleague who reads it knows whom to ask.
  const by = useTeam().status.agent;
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'note' | LifeEventKind>('note');
  const [error, setError] = useState('');
  const save = async () => {
    const value = text.trim();
    if (!value) return;
    const now = new Date().toISOString();
    try {
      if (kind === 'note')
        await mutate('addNote', {
          customerId: customer.id,
          note: { at: now, text: value, ...(by && { by }) },
        });
      else {
        const event = { date: now.slice(0, 10), kind, text: value, source: 'agent' as const };
        await mutate('addLifeEvent', { customerId: customer.id, event });
      }
      setText('');
      setError('');
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  };
  return (
    <form
      className="add-note"
      data-testid="add-note"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <select
        aria-label={t('cardNoteKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as 'note' | LifeEventKind)}
      >
        <option value="note">{t('cardNoteKindNote')}</option>
        {LIFE_EVENT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`lifeEvent_${k}` as MessageKey)}
          </option>
        ))}
      </select>
      <label>
        <span className="sr-only">{t('cardAddNote')}</span>
        <input
          value={text}
          placeholder={t('cardAddNote')}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!text.trim()}>
        {t('cardSaveNote')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
