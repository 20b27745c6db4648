import { useState } from 'react';
import { identityFrom } from '@/lib/db/identity';
import { newCustomer } from '@/lib/db/customers';
import { mutate } from '@/lib/db/mutations';
import { TIERS, type Interaction, type Tier } from '@/lib/db/types';
import { t, tierLabel } from '@/lib/i18n';
import { accountLabel } from '@/lib/sites/lookup';
import { storageErrorMessage } from '@/lib/db/errors';
import { postLanguage } from '@/lib/reading/classify';
import { nameWithoutEmoji } from '@/lib/text';

/** For an author who is not a customer yet: prefilled from the post, saved to the base. */
export function AddCustomerForm({ post }: { post: Interaction }) {
  // Prefilled as a person's name: the emoji a display name wears are no part of it.
  const [name, setName] = useState(
    nameWithoutEmoji(post.author.displayName) || post.author.handle || post.author.displayName,
  );
  const [email, setEmail] = useState('');
  const [tier, setTier] = useState<Tier>('new');
  const [language, setLanguage] = useState(postLanguage(post.text, post.lang) ?? '');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState('');

  const save = async () => {
    if (!name.trim()) {
      setError(t('addCustomerNameRequired'));
      return;
    }
    const now = new Date().toISOString();
    const customer = newCustomer({
      name: name.trim(),
      identities: [identityFrom(post.site, post.author.handle, 'manual', post.author.id)],
      emails: email.trim() ? [email.trim()] : [],
      tier,
      language: language.trim() || undefined,
      notes: notes.trim() ? [{ at: now, text: notes.trim() }] : [],
    });
    try {
      await mutate('addCustomer', { customer });
      setError('');
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  };

  return (
    <form
      className="card add-customer"
      data-testid="add-customer"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{t('addCustomerTitle')}</h2>
      <p className="muted" translate="no">
        {accountLabel(post.site, post.author)}
      </p>
      <label>
        {t('fieldName')}
        <input name="name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('fieldEmail')}
        <input
          name="email"
          type="email"
          value={email}
          maxLength={320}
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <div className="row">
        <label>
          {t('fieldTier')}
          <select name="tier" value={tier} onChange={(e) => setTier(e.target.value as Tier)}>
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
            value={language}
            maxLength={8}
            size={4}
            onChange={(e) => setLanguage(e.target.value)}
          />
        </label>
      </div>
      <label>
        {t('fieldNotes')}
        <textarea
          name="notes"
          value={notes}
          maxLength={2000}
          rows={2}
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('addCustomerSave')}
      </button>
    </form>
  );
}
