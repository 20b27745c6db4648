import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { storageErrorMessage } from '@/lib/db/errors';
import { mutate } from '@/lib/db/mutations';
import { customerById } from '@/lib/db/queries';
import { LIFE_EVENT_KINDS, TIERS, type Customer, type LifeEventKind, type Tier } from '@/lib/db/types';
import { t, tierLabel, type MessageKey } from '@/lib/i18n';
import { validateCustomer } from '@/lib/db/validate';
import { sourceLabel } from '@/lib/import/source';
import {
  blankAccount,
  customerFromForm,
  siteChoices,
  textsOf,
  type CustomerTexts,
} from '@/lib/edit/customer-form';
import type { Site } from '@/lib/post';

const today = () => new Date().toISOString().slice(0, 10);

/** Loads the customer, then edits a copy of it; nothing is written until Save. */
export function CustomerEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const customer = useLiveQuery(() => customerById(id), [id]);
  if (customer === undefined) return null;
  // Keyed by id: the form keeps its own copy while the agent edits, even as the record is saved.
  return <EditForm key={customer.id} customer={customer} onClose={onClose} />;
}

function EditForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const [draft, setDraft] = useState(customer);
  const [texts, setTexts] = useState(() => textsOf(customer));
  const { aliases, emails, phones, tags, preferences } = texts;
  const setText = (key: keyof CustomerTexts) => (value: string) =>
    setTexts((now) => ({ ...now, [key]: value }));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const patch = (change: Partial<Customer>) => setDraft({ ...draft, ...change });

  const save = async () => {
    const next = customerFromForm(draft, texts);
    const problem = validateCustomer(next);
    if (problem) {
      setMessage({ ok: false, text: t(problem.key, ...problem.values) });
      return;
    }
    try {
      await mutate('saveCustomer', { customer: next });
      setMessage({ ok: true, text: t('editSaved') });
    } catch (error) {
      setMessage({ ok: false, text: storageErrorMessage(error) });
    }
  };

  const remove = async () => {
    if (!confirm(t('editDeleteConfirm', customer.name))) return;
    try {
      await mutate('deleteCustomer', { id: customer.id });
      onClose();
    } catch (error) {
      setMessage({ ok: false, text: storageErrorMessage(error) });
    }
  };

  const rows = <K extends 'identities' | 'orders' | 'lifeEvents' | 'notes'>(key: K) => ({
    set: (index: number, value: Customer[K][number]) =>
      patch({ [key]: draft[key].map((old, i) => (i === index ? value : old)) } as Partial<Customer>),
    remove: (index: number) =>
      patch({ [key]: draft[key].filter((_, i) => i !== index) } as Partial<Customer>),
    add: (value: Customer[K][number]) => patch({ [key]: [...draft[key], value] } as Partial<Customer>),
  });
  const identities = rows('identities');
  const orders = rows('orders');
  const events = rows('lifeEvents');
  const notes = rows('notes');

  return (
    <form
      className="editor card"
      data-testid="customer-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="row">
        <button type="button" data-testid="close-editor" onClick={onClose}>
          {t('editClose')}
        </button>
      </div>
      <label>
        {t('fieldName')}
        <input
          name="name"
          value={draft.name}
          maxLength={200}
          onChange={(e) => patch({ name: e.target.value })}
        />
      </label>
      <label>
        {t('editAliases')}
        <textarea
          name="aliases"
          rows={2}
          value={aliases}
          onChange={(e) => setText('aliases')(e.target.value)}
        />
      </label>
      <div className="row">
        <label>
          {t('fieldTier')}
          <select name="tier" value={draft.tier} onChange={(e) => patch({ tier: e.target.value as Tier })}>
            {TIERS.map((x) => (
              <option key={x} value={x}>
                {tierLabel(x)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('fieldLanguage')}
          <input
            name="language"
            size={4}
            maxLength={8}
            value={draft.language ?? ''}
            onChange={(e) => patch({ language: e.target.value.trim() || undefined })}
          />
        </label>
        <label>
          {draft.crmSource ? t('crmIdFrom', sourceName(draft.crmSource)) : t('field_crmId')}
          <input
            name="crmId"
            maxLength={100}
            value={draft.crmId ?? ''}
            // An id typed by hand is from no known system: it matches any (../../lib/db/types).
            onChange={(e) => patch({ crmId: e.target.value.trim() || undefined, crmSource: undefined })}
          />
        </label>
      </div>
      <label>
        {t('editEmails')}
        <textarea name="emails" rows={2} value={emails} onChange={(e) => setText('emails')(e.target.value)} />
      </label>
      <label>
        {t('editPhones')}
        <textarea name="phones" rows={2} value={phones} onChange={(e) => setText('phones')(e.target.value)} />
      </label>
      <label>
        {t('editTags')}
        <input name="tags" value={tags} onChange={(e) => setText('tags')(e.target.value)} />
      </label>

      <fieldset data-testid="edit-identities">
        <legend>{t('editIdentities')}</legend>
        {draft.identities.map((identity, i) => (
          <div className="row" key={i}>
            <select
              aria-label={t('editSite')}
              value={identity.site}
              onChange={(e) => identities.set(i, { ...identity, site: e.target.value as Site })}
            >
              {siteChoices().map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
            <input
              aria-label={t('editHandle')}
              placeholder={t('editHandle')}
              value={identity.handle}
              onChange={(e) =>
                identities.set(i, { ...identity, handle: e.target.value.trim().replace(/^@/, '') })
              }
            />
            <input
              aria-label={t('editNumericId')}
              placeholder={t('editNumericId')}
              value={identity.id ?? ''}
              onChange={(e) => identities.set(i, { ...identity, id: e.target.value.trim() || undefined })}
            />
            <button type="button" onClick={() => identities.remove(i)}>
              {t('editRemove')}
            </button>
          </div>
        ))}
        <button type="button" data-testid="add-identity" onClick={() => identities.add(blankAccount())}>
          {t('editAdd')}
        </button>
      </fieldset>

      <label>
        {t('editPreferences')}
        <textarea
          name="preferences"
          rows={3}
          value={preferences}
          onChange={(e) => setText('preferences')(e.target.value)}
        />
      </label>

      <fieldset data-testid="edit-orders">
        <legend>{t('editOrders')}</legend>
        {draft.orders.map((order, i) => (
          <div className="row" key={i}>
            <input
              aria-label={t('field_orderId')}
              placeholder={t('field_orderId')}
              size={10}
              value={order.id}
              onChange={(e) => orders.set(i, { ...order, id: e.target.value })}
            />
            <input
              aria-label={t('field_date')}
              type="date"
              value={order.date}
              onChange={(e) => orders.set(i, { ...order, date: e.target.value })}
            />
            <input
              aria-label={t('field_items')}
              placeholder={t('field_items')}
              value={order.items
                .map((it) => (it.quantity && it.quantity > 1 ? `${it.name} x${it.quantity}` : it.name))
                .join('; ')}
              onChange={(e) =>
                orders.set(i, {
                  ...order,
                  items: e.target.value
                    .split(';')
                    .map((s) => s.trim())
                    .filter(Boolean)
                    .map((s) => {
                      const m = /^(.*?)\s*x(\d+)$/i.exec(s);
                      return m ? { name: m[1]!, quantity: Number(m[2]) } : { name: s };
                    }),
                })
              }
            />
            <input
              aria-label={t('field_total')}
              size={7}
              inputMode="decimal"
              value={order.total ?? ''}
              onChange={(e) =>
                orders.set(i, { ...order, total: e.target.value === '' ? undefined : Number(e.target.value) })
              }
            />
            <input
              aria-label={t('field_currency')}
              size={4}
              value={order.currency ?? ''}
              onChange={(e) =>
                orders.set(i, { ...order, currency: e.target.value.toUpperCase() || undefined })
              }
            />
            <input
              aria-label={t('field_status')}
              size={9}
              value={order.status ?? ''}
              onChange={(e) => orders.set(i, { ...order, status: e.target.value || undefined })}
            />
            <button type="button" onClick={() => orders.remove(i)}>
              {t('editRemove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          data-testid="add-order"
          onClick={() => orders.add({ id: '', date: today(), items: [] })}
        >
          {t('editAdd')}
        </button>
      </fieldset>

      <fieldset data-testid="edit-life-events">
        <legend>{t('editLifeEvents')}</legend>
        {draft.lifeEvents.map((event, i) => (
          <div className="row" key={i}>
            <input
              aria-label={t('field_date')}
              type="date"
              value={event.date}
              onChange={(e) => events.set(i, { ...event, date: e.target.value })}
            />
            <select
              aria-label={t('editLifeEvents')}
              value={event.kind}
              onChange={(e) => events.set(i, { ...event, kind: e.target.value as LifeEventKind })}
            >
              {LIFE_EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`lifeEvent_${k}` as MessageKey)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('editWhat')}
              placeholder={t('editWhat')}
              value={event.text}
              onChange={(e) => events.set(i, { ...event, text: e.target.value })}
            />
            <button type="button" onClick={() => events.remove(i)}>
              {t('editRemove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          data-testid="add-life-event"
          onClick={() => events.add({ date: today(), kind: 'moved', text: '', source: 'agent' })}
        >
          {t('editAdd')}
        </button>
      </fieldset>

      <fieldset data-testid="edit-notes">
        <legend>{t('editNotes')}</legend>
        {draft.notes.map((note, i) => (
          <div className="row" key={i}>
            <textarea
              aria-label={t('editNotes')}
              rows={2}
              value={note.text}
              onChange={(e) => notes.set(i, { ...note, text: e.target.value })}
            />
            <span className="muted">{note.at.slice(0, 10)}</span>
            <button type="button" onClick={() => notes.remove(i)}>
              {t('editRemove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          data-testid="add-note"
          onClick={() => notes.add({ at: new Date().toISOString(), text: '' })}
        >
          {t('editAdd')}
        </button>
      </fieldset>

      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" data-testid="save-customer">
          {t('editSave')}
        </button>
        <button type="button" className="danger" data-testid="delete-customer" onClick={() => void remove()}>
          {t('editDelete')}
        </button>
      </div>
    </form>
  );
}

/** The system a CRM id came from, by its name; a spreadsheet in the user's language. */
function sourceName(source: string): string {
  return source === 'sheet' ? t('crmSourceSheet') : sourceLabel(source);
}
